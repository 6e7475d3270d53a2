// Which cards have a word starting with a given text, for the search index (search-texts.ts)
// without scanning the book's words. Scanning the joined names for ' r' stops at every space
// (~200,000 of them at 100,000 cards: ~2.5 ms a keystroke); here every card is listed once under
// each of the 1- to 4-character texts that follow a space in its words, so a 1–4 character word
// needle is one list, and a longer one checks only the cards listed under its first four (with 3,
// "mari" checked the ~15,000 cards under "mar" one by one: 2 ms of cache misses).
//
// The lists are built at an idle moment (build) and not patched: a card changed since is marked
// dirty, skipped in the lists and checked on its own text instead; past MAX_DIRTY changes the
// lists are dropped (ready = false) and the caller scans until the next build.

/** Lists are kept for texts of up to this many characters after a space. */
const KEY_LENGTH = 4;
/** Changes after a build that are checked one by one before the lists are dropped. */
const MAX_DIRTY = 2_048;

export class WordStarts {
	/** Per slot: ' word word…' (search-entry.ts › Entry.words), or undefined for a free slot. */
	readonly #words: (string | undefined)[] = [];
	#lists: Map<string, Int32Array> | null = null;
	/** Per slot: 1 when its words changed since the build. */
	#dirty = new Uint8Array(0);
	readonly #dirtyList: number[] = [];

	/** True while the lists answer (built, and not too many changes since). */
	get ready(): boolean {
		return this.#lists !== null;
	}

	set(slot: number, words: string): void {
		this.#words[slot] = words;
		this.#touch(slot);
	}

	delete(slot: number): void {
		this.#words[slot] = undefined;
		this.#touch(slot);
	}

	clear(): void {
		this.#words.length = 0;
		this.#drop();
	}

	/** Builds the lists from every slot's words; a no-op while they answer (changes since the
	 *  last build are checked one by one until there are too many). */
	build(): void {
		if (this.#lists !== null) return;
		const growing = new Map<string, number[]>();
		const words = this.#words;
		for (let slot = 0; slot < words.length; slot++) {
			const text = words[slot];
			if (text === undefined) continue;
			let at = text.indexOf(' ');
			while (at !== -1) {
				for (let k = 1; k <= KEY_LENGTH && at + k < text.length; k++) {
					const key = text.slice(at + 1, at + 1 + k);
					let list = growing.get(key);
					if (!list) growing.set(key, (list = []));
					// Once per card: "maria marchetti" is listed under "ma" once.
					if (list[list.length - 1] !== slot) list.push(slot);
				}
				at = text.indexOf(' ', at + 1);
			}
		}
		const lists = new Map<string, Int32Array>();
		for (const [key, slots] of growing) lists.set(key, Int32Array.from(slots));
		this.#lists = lists;
		this.#dirty = new Uint8Array(words.length);
		this.#dirtyList.length = 0;
	}

	/**
	 * Haystack.mark for the word needle ' ' + `prefix`: every card whose words contain it and whose
	 * `counts[slot]` is `from` goes to `from + 1`. Returns how many moved, or -1 when the lists are
	 * not ready (the caller scans instead).
	 */
	mark(prefix: string, counts: Uint16Array, from: number): number {
		const lists = this.#lists;
		if (lists === null) return -1;
		if (prefix === '') return 0;
		const needle = ` ${prefix}`;
		const exact = prefix.length <= KEY_LENGTH;
		const words = this.#words;
		const dirty = this.#dirty;
		const next = from + 1;
		let moved = 0;
		const list = lists.get(exact ? prefix : prefix.slice(0, KEY_LENGTH));
		if (list) {
			for (let k = 0; k < list.length; k++) {
				const slot = list[k] as number;
				if (counts[slot] !== from || dirty[slot] === 1) continue;
				if (!exact && !(words[slot] as string).includes(needle)) continue;
				counts[slot] = next;
				moved++;
			}
		}
		for (let k = 0; k < this.#dirtyList.length; k++) {
			const slot = this.#dirtyList[k] as number;
			const text = words[slot];
			if (text === undefined || counts[slot] !== from || !text.includes(needle)) continue;
			counts[slot] = next;
			moved++;
		}
		return moved;
	}

	#touch(slot: number): void {
		if (this.#lists === null) return;
		if (slot >= this.#dirty.length) {
			const grown = new Uint8Array(Math.max(slot + 1, this.#dirty.length * 2));
			grown.set(this.#dirty);
			this.#dirty = grown;
		}
		if (this.#dirty[slot] === 1) return;
		this.#dirty[slot] = 1;
		this.#dirtyList.push(slot);
		if (this.#dirtyList.length > MAX_DIRTY) this.#drop();
	}

	#drop(): void {
		this.#lists = null;
		this.#dirty = new Uint8Array(0);
		this.#dirtyList.length = 0;
	}
}
