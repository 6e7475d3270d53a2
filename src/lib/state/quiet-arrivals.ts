// While a first sync bootstraps an empty device (src/lib/db/bootstrap.ts: pages of 5,000 cards,
// one after the other), every page used to bump the client book's revision, so the list re-sorted
// and re-rendered the growing book, the review queue refreshed and the search texts were joined
// again after each page — ~1 s of a 50,000-card first sync's main thread, all of it thrown away
// by the next page (bench/README.md › "First sync, ninth pass"). With this, the first page is
// shown at once (the list is not empty while the rest arrives) and the following bulk pages go
// into the index quietly (counts read from it stay exact); the book announces them once, when
// the bootstrap ends. Small batches (a live edit from another device, a local write) are never
// held back.

/** Batches smaller than this are shown at once even during a bootstrap (search.ts's bulk size). */
export const QUIET_MIN_BATCH = 200;

export class QuietArrivals {
	#bootstrapping = false;
	#pending = false;
	readonly #onEnd: () => void;

	/** `onEnd` runs once when a bootstrap that held batches back ends. */
	constructor(onEnd: () => void) {
		this.#onEnd = onEnd;
	}

	/** The sync reports a bootstrap starting (true) or over (false, also when it failed). */
	setBootstrapping(active: boolean): void {
		this.#bootstrapping = active;
		if (active || !this.#pending) return;
		this.#pending = false;
		this.#onEnd();
	}

	/** Whether a batch of `batchSize` cards arriving in a book of `storedBefore` cards can wait
	 *  to be announced until the bootstrap ends. */
	defer(batchSize: number, storedBefore: number): boolean {
		if (!this.#bootstrapping || batchSize < QUIET_MIN_BATCH || storedBefore === 0) return false;
		this.#pending = true;
		return true;
	}

	/** The book stopped: nothing is held back any more. */
	reset(): void {
		this.#pending = false;
	}
}
