// The texts the search index matches a keystroke against, all cards at once (search.ts): which
// cards contain every needle, counted per slot. Three stores, each chosen to skip work:
// - word needles (' ' + folded token) are answered from per-word-start lists (word-starts.ts)
//   once those are built, else by scanning the joined words (haystack.ts);
// - substring needles (e-mail, fiscal code, card, phone digits) scan two haystacks: the values
//   with other characters than digits, and those made only of digits (the phone forms, half of
//   the book's text). A needle with a letter cannot occur in a digits-only value, so "fc1" or
//   "ros" scans only the first.
import { Haystack } from './haystack';
import { ALL_DIGITS, digitSubs, otherSubs, type Entry, type Needle } from './search-entry';
import { WordStarts } from './word-starts';

export class SearchTexts {
	readonly #words = new Haystack();
	readonly #wordStarts = new WordStarts();
	readonly #others = new Haystack();
	readonly #digits = new Haystack();

	set(e: Entry): void {
		this.#words.set(e.slot, e.words);
		this.#wordStarts.set(e.slot, e.words);
		this.#others.set(e.slot, otherSubs(e));
		this.#digits.set(e.slot, digitSubs(e));
	}

	delete(slot: number): void {
		this.#words.delete(slot);
		this.#wordStarts.delete(slot);
		this.#others.delete(slot);
		this.#digits.delete(slot);
	}

	clear(): void {
		this.#words.clear();
		this.#wordStarts.clear();
		this.#others.clear();
		this.#digits.clear();
	}

	/** Joins the haystacks and builds the word-start lists now (an idle moment), not in a keystroke. */
	prepare(): void {
		this.#wordStarts.build();
		this.#words.prepare();
		this.#others.prepare();
		this.#digits.prepare();
	}

	/** Leaves in `hits`, per slot, the number of needles the card matches (all = needles.length);
	 *  a token counts once per card whichever of its forms matched. Returns how many cards
	 *  match them all. `hits` must be zero up to `slotCount`. */
	countHits(needles: readonly Needle[], hits: Uint16Array): number {
		let moved = 0;
		for (let t = 0; t < needles.length; t++) {
			const needle = needles[t] as Needle;
			const prefix = needle.folded.slice(1);
			moved = this.#wordStarts.mark(prefix, hits, t);
			if (moved === -1) moved = this.#words.mark(needle.folded, hits, t);
			moved += this.#markSubs(needle.raw, hits, t);
			if (needle.checkDigits) moved += this.#markSubs(needle.digits, hits, t);
			// AND: when no card matched this token, none can match them all.
			if (moved === 0) return 0;
		}
		return moved;
	}

	#markSubs(needle: string, hits: Uint16Array, from: number): number {
		const moved = this.#others.mark(needle, hits, from);
		return ALL_DIGITS.test(needle) ? moved + this.#digits.mark(needle, hits, from) : moved;
	}
}
