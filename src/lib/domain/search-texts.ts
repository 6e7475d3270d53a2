// The texts the search index matches a keystroke against, all cards at once (search.ts): which
// cards contain every needle, counted per slot. Three stores, each chosen to skip work:
// - word needles (' ' + folded token) are answered from per-word-start lists (word-starts.ts)
//   once those are built, else by scanning the joined words (haystack.ts);
// - substring needles (e-mail, fiscal code, card, phone digits) scan two haystacks: the values
//   with other characters than digits, and those made only of digits (the phone forms, half of
//   the book's text). A needle with a letter cannot occur in a digits-only value, so "fc1" or
//   "ros" scans only the first.
import { Haystack } from './haystack';
import {
	ALL_DIGITS,
	digitSubs,
	matchesTexts,
	otherSubs,
	type Entry,
	type Needle
} from './search-entry';
import { WordStarts } from './word-starts';

/** 110 bits per slot (100 pairs, 10 digits), in 32-bit words. */
const DIGIT_WORDS = 4;

export class SearchTexts {
	readonly #words = new Haystack();
	readonly #wordStarts = new WordStarts();
	readonly #others = new Haystack();
	readonly #digits = new Haystack();
	/** Per slot, each card's texts and their character masks, in dense arrays: checking a few
	 *  thousand cards one by one (narrowing, matches) reads these instead of the entries, which
	 *  lie scattered over the heap (a cache miss each). */
	readonly #wordsBySlot: string[] = [];
	readonly #subsBySlot: string[] = [];
	#masks = new Int32Array(2048);
	/** Per slot, DIGIT_WORDS words of bits: which digits (bit 100 + d) and which pairs of adjacent
	 *  digits (bit 10·a + b) occur in the card's substring values. A 1–2 digit needle ("3",
	 *  "45") occurs in nearly every card's phone forms: this answers it exactly without a scan. */
	#digitBits = new Uint32Array(2048 * DIGIT_WORDS);

	set(e: Entry): void {
		this.#wordsBySlot[e.slot] = e.words;
		this.#subsBySlot[e.slot] = e.subs;
		if (2 * e.slot + 1 >= this.#masks.length) {
			const grown = new Int32Array(Math.max(this.#masks.length * 2, 2 * e.slot + 2));
			grown.set(this.#masks);
			this.#masks = grown;
		}
		this.#masks[2 * e.slot] = e.wordsMask;
		this.#masks[2 * e.slot + 1] = e.subsMask;
		this.#setDigitBits(e.slot, e.subs);
		this.#words.set(e.slot, e.words);
		this.#wordStarts.set(e.slot, e.words);
		this.#others.set(e.slot, otherSubs(e));
		this.#digits.set(e.slot, digitSubs(e));
	}

	delete(slot: number): void {
		this.#setDigitBits(slot, '');
		this.#words.delete(slot);
		this.#wordStarts.delete(slot);
		this.#others.delete(slot);
		this.#digits.delete(slot);
	}

	clear(): void {
		this.#wordsBySlot.length = 0;
		this.#subsBySlot.length = 0;
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

	/** True when the card in `slot` (set, not deleted) matches every needle (matchesTokens). */
	matches(slot: number, needles: readonly Needle[]): boolean {
		const masks = this.#masks;
		return matchesTexts(
			this.#wordsBySlot[slot] as string,
			masks[2 * slot] as number,
			this.#subsBySlot[slot] as string,
			masks[2 * slot + 1] as number,
			needles
		);
	}

	#markSubs(needle: string, hits: Uint16Array, from: number): number {
		if (needle.length <= 2 && ALL_DIGITS.test(needle)) return this.#markDigits(needle, hits, from);
		const moved = this.#others.mark(needle, hits, from);
		return ALL_DIGITS.test(needle) ? moved + this.#digits.mark(needle, hits, from) : moved;
	}

	#setDigitBits(slot: number, subs: string): void {
		if ((slot + 1) * DIGIT_WORDS > this.#digitBits.length) {
			const grown = new Uint32Array(Math.max(this.#digitBits.length * 2, (slot + 1) * DIGIT_WORDS));
			grown.set(this.#digitBits);
			this.#digitBits = grown;
		}
		const bits = this.#digitBits;
		const base = slot * DIGIT_WORDS;
		bits.fill(0, base, base + DIGIT_WORDS);
		let previous = -1;
		for (let i = 0; i < subs.length; i++) {
			const d = subs.charCodeAt(i) - 48;
			if (d < 0 || d > 9) {
				previous = -1;
				continue;
			}
			const single = base + ((100 + d) >>> 5);
			bits[single] = (bits[single] as number) | (1 << ((100 + d) & 31));
			if (previous !== -1) {
				const pair = previous * 10 + d;
				const at = base + (pair >>> 5);
				bits[at] = (bits[at] as number) | (1 << (pair & 31));
			}
			previous = d;
		}
	}

	/** Haystack.mark for a needle of 1 or 2 ASCII digits, from the digit bits of every slot. */
	#markDigits(needle: string, hits: Uint16Array, from: number): number {
		const bit =
			needle.length === 1
				? 100 + needle.charCodeAt(0) - 48
				: (needle.charCodeAt(0) - 48) * 10 + needle.charCodeAt(1) - 48;
		const word = bit >>> 5;
		const mask = 1 << (bit & 31);
		const bits = this.#digitBits;
		const slots = Math.min(hits.length, bits.length / DIGIT_WORDS);
		const next = from + 1;
		let moved = 0;
		for (let slot = 0; slot < slots; slot++) {
			if (hits[slot] === from && ((bits[slot * DIGIT_WORDS + word] as number) & mask) !== 0) {
				hits[slot] = next;
				moved++;
			}
		}
		return moved;
	}
}
