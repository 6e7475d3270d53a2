// Substring search over many short texts at once, for the client search index (search.ts).
// Scanning 100,000 separate strings costs a call, a pointer chase and a cache miss per text;
// here the texts live concatenated in chunks of CHUNK_SIZE, so one `indexOf` (memchr-fast in
// V8) skips whole runs of texts that cannot match. A change re-joins only its own chunk, lazily.
//
// Invariant: texts are joined with '\n', so a needle without '\n' never matches across two
// texts. The search index only ever asks for needles without whitespace (or with a leading
// space), which holds.

/** Texts per chunk: big enough that `indexOf` dominates, small enough that a re-join is cheap. */
export const CHUNK_SIZE = 512;
const SEPARATOR = '\n';

interface Chunk {
	texts: string[];
	/** The owners' slots, parallel to `texts`. */
	slots: number[];
	/** `texts` joined; null when a change made it stale. */
	joined: string | null;
	/** Offset in `joined` where each text ends (its separator), parallel to `texts`. */
	ends: Int32Array;
}

/**
 * A set of texts keyed by slot (a small non-negative integer the caller allocates). Texts may
 * contain '\n' themselves (several values of one card): a needle still cannot span two texts.
 */
export class Haystack {
	readonly #chunks: Chunk[] = [];
	/** slot → [chunk index, position in chunk], or undefined when the slot holds no text. */
	readonly #where: (readonly [number, number] | undefined)[] = [];

	get size(): number {
		let n = 0;
		for (const c of this.#chunks) n += c.texts.length;
		return n;
	}

	/** Sets (or replaces) the text of `slot`. */
	set(slot: number, text: string): void {
		const at = this.#where[slot];
		if (at) {
			const chunk = this.#chunks[at[0]] as Chunk;
			chunk.texts[at[1]] = text;
			chunk.joined = null;
			return;
		}
		let last = this.#chunks[this.#chunks.length - 1];
		if (!last || last.texts.length >= CHUNK_SIZE) {
			last = { texts: [], slots: [], joined: null, ends: new Int32Array(0) };
			this.#chunks.push(last);
		}
		this.#where[slot] = [this.#chunks.length - 1, last.texts.length];
		last.texts.push(text);
		last.slots.push(slot);
		last.joined = null;
	}

	/** Forgets the text of `slot` (the last text of the same chunk takes its place). */
	delete(slot: number): void {
		const at = this.#where[slot];
		if (!at) return;
		this.#where[slot] = undefined;
		const [ci, pos] = at;
		const chunk = this.#chunks[ci] as Chunk;
		const lastPos = chunk.texts.length - 1;
		if (pos !== lastPos) {
			const movedSlot = chunk.slots[lastPos] as number;
			chunk.texts[pos] = chunk.texts[lastPos] as string;
			chunk.slots[pos] = movedSlot;
			this.#where[movedSlot] = [ci, pos];
		}
		chunk.texts.pop();
		chunk.slots.pop();
		chunk.joined = null;
	}

	clear(): void {
		this.#chunks.length = 0;
		this.#where.length = 0;
	}

	/** Joins every stale chunk now instead of at the next search. */
	prepare(): void {
		for (const chunk of this.#chunks) if (chunk.joined === null) join(chunk);
	}

	/**
	 * For every text containing `needle` whose `counts[slot]` is `from`, sets it to `from + 1`.
	 * Callers AND several needles by calling this with from = 0, 1, 2…: a slot reaches the number
	 * of needles only if every needle was found in it (one of its texts, for several haystacks).
	 * Returns how many slots moved ('' moves none).
	 */
	mark(needle: string, counts: Uint16Array, from: number): number {
		if (needle === '') return 0;
		const next = from + 1;
		let moved = 0;
		for (const chunk of this.#chunks) {
			const joined = chunk.joined ?? join(chunk);
			const { ends, slots } = chunk;
			let k = 0;
			let at = joined.indexOf(needle);
			while (at !== -1) {
				// Occurrences come in increasing order: walk to the text that holds this one and
				// resume after its end, so a text counts once however often it holds the needle.
				while ((ends[k] as number) < at) k++;
				const slot = slots[k] as number;
				if (counts[slot] === from) {
					counts[slot] = next;
					moved++;
				}
				at = joined.indexOf(needle, (ends[k] as number) + 1);
				k++;
			}
		}
		return moved;
	}
}

function join(chunk: Chunk): string {
	const ends = new Int32Array(chunk.texts.length);
	let offset = 0;
	for (let i = 0; i < chunk.texts.length; i++) {
		offset += (chunk.texts[i] as string).length;
		ends[i] = offset;
		offset += SEPARATOR.length;
	}
	chunk.ends = ends;
	chunk.joined = chunk.texts.join(SEPARATOR);
	return chunk.joined;
}
