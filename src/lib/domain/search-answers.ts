// What the search index keeps from one query for the next (search.ts): the last answer (asked
// again by a re-render, narrowed from by the next keystroke), the answer with no search text
// (asked again after every cleared search) and the scratch array result slots are written
// into. The list and the start-up's warm-up (ClientSearchIndex › queryAside) keep one each.
import type { Client } from './client';
import { narrows, type SearchToken } from './search-entry';

/** A narrowing keystroke re-checks the previous result card by card while it is at most this
 *  share of the index; past it, searching the haystacks again is cheaper. */
const REUSE_SHARE = 1 / 8;

/** The last query's answer. */
interface LastAnswer {
	key: string;
	text: string;
	tokens: SearchToken[];
	/** Slots of the result, in the scratch array; null when it is too large to narrow from. */
	result: Int32Array | null;
	clients: readonly Client[];
}

/** The answer with no search text. */
interface BlankAnswer {
	key: string;
	clients: readonly Client[];
}

export class KeptAnswers {
	/** The last query's result slots, in order (#last.result is a view of them). Reused: a
	 *  book-sized array per keystroke fed the garbage collector, whose pauses over a heap of
	 *  100,000 cards and their visits were the slow keystrokes (bench/README.md). */
	#scratch: Int32Array;
	#last: LastAnswer | null = null;
	/** Per filters and sort: the largest array a query builds. */
	#blank: BlankAnswer | null = null;

	constructor(scratchLength: number) {
		this.#scratch = new Int32Array(scratchLength);
	}

	/** The book changed: no kept answer holds (the scratch array stays, its contents unread). */
	forget(): void {
		this.#last = null;
		this.#blank = null;
	}

	/**
	 * The answer already given to this question (`key`: filters, sort, day and order signature;
	 * `text`: the tokens), or null. A blank text's answer becomes the last one again.
	 */
	answered(key: string, text: string, tokens: SearchToken[]): readonly Client[] | null {
		if (this.#last?.key === key && this.#last.text === text) return this.#last.clients;
		if (tokens.length === 0 && this.#blank?.key === key) {
			this.#last = { key, text, tokens, result: null, clients: this.#blank.clients };
			return this.#blank.clients;
		}
		return null;
	}

	/** The last result's slots when every card matching `tokens` under `key` is among them. */
	narrowedFrom(key: string, tokens: readonly SearchToken[]): Int32Array | null {
		return this.#last !== null &&
			this.#last.key === key &&
			this.#last.result !== null &&
			narrows(this.#last.tokens, tokens)
			? this.#last.result
			: null;
	}

	/** The scratch result array, grown to hold `n` slots (its contents are not kept). */
	scratchFor(n: number): Int32Array {
		if (this.#scratch.length < n)
			this.#scratch = new Int32Array(Math.max(n, this.#scratch.length * 2));
		return this.#scratch;
	}

	/** Keeps a query's answer: `result` holds its `count` slots, of an index of `size` cards. */
	keep(
		key: string,
		text: string,
		tokens: SearchToken[],
		result: Int32Array,
		count: number,
		size: number,
		clients: readonly Client[]
	): void {
		// Only a small result is narrowed from, by the next query only: it stays in the scratch
		// array, which that query filters in place (it writes no further than it has read).
		const kept = count <= size * REUSE_SHARE ? result.subarray(0, count) : null;
		this.#last = { key, text, tokens, result: kept, clients };
		if (tokens.length === 0) this.#blank = { key, clients };
	}
}
