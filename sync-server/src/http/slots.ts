// A bound on how many requests do a piece of work at once; the others wait in arrival order. The
// push route holds a slot from reading the body to the answer: under load (200 devices pushing
// as fast as answered) every push used to be read and parsed at once, ~0.4 MB of documents, their
// zod copies and encodings each, and the heap grew with them; a body not yet read stays in the
// socket, where TCP holds the sender back.
export class Slots {
	#free: number;
	readonly #waiting: Array<() => void> = [];

	constructor(size: number) {
		if (!Number.isInteger(size) || size < 1) throw new RangeError(`Invalid slot count ${size}`);
		this.#free = size;
	}

	/** Runs `work` once a slot is free, and frees it when `work` settles, however it settles. */
	async run<T>(work: () => Promise<T>): Promise<T> {
		if (this.#free > 0) this.#free -= 1;
		else await new Promise<void>((resolve) => this.#waiting.push(resolve));
		try {
			return await work();
		} finally {
			// The slot passes straight to the next in line, so a newcomer cannot jump the queue.
			const next = this.#waiting.shift();
			if (next) next();
			else this.#free += 1;
		}
	}

	/** How many wait for a slot (for tests and logs). */
	get waiting(): number {
		return this.#waiting.length;
	}
}
