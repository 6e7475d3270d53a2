// The review queue of possible duplicates: pairs at "review" level or better between cards
// shown in the list, best first. Built once over the whole book (a hash-bucket pass, no pairwise
// scan), then kept current from the cards that changed since. A book of more than
// AUTO_BUILD_MAX cards builds it only when asked (the /duplicates page, a check), so a large
// salon's start-up and typing never wait for it.
import type { Client } from '$lib/domain/client';
import { compareMatches, type DuplicateIndex, type DuplicatePair } from '$lib/domain/duplicates';
import { linkIdOf } from '$lib/domain/links';

export const AUTO_BUILD_MAX = 20_000;

export interface QueueBook {
	readonly count: number;
	duplicates(): DuplicateIndex;
	displayedIdOf(id: string): string;
	get(id: string): Client | undefined;
	takeTouched(): string[];
}

export class DuplicateQueue {
	#pairs = new Map<string, DuplicatePair>();
	#built = false;
	#pending = new Set<string>();

	get isBuilt(): boolean {
		return this.#built;
	}

	/** Cards to check again at the next read. */
	touch(ids: Iterable<string>): void {
		for (const id of ids) this.#pending.add(id);
	}

	/** Builds the queue now (the /duplicates page, a duplicate check). */
	/** Returns false when it was built already. */
	build(book: QueueBook): boolean {
		if (this.#built) return false;
		book.takeTouched();
		this.#pending.clear();
		const index = book.duplicates();
		this.#pairs.clear();
		for (const p of index.pairsFor(index.ids(), 'review')) this.#pairs.set(linkIdOf(p.a, p.b), p);
		this.#built = true;
		return true;
	}

	pairs(ctx: { book: QueueBook; isDistinct(x: string, y: string): boolean }): DuplicatePair[] {
		const { book } = ctx;
		if (!this.#built) {
			if (book.count > AUTO_BUILD_MAX) return [];
			this.build(book);
		}
		for (const id of book.takeTouched()) this.#pending.add(id);
		if (this.#pending.size > 0) this.#refresh(book);
		const out = new Map<string, DuplicatePair>();
		for (const p of this.#pairs.values()) {
			const a = book.displayedIdOf(p.a);
			const b = book.displayedIdOf(p.b);
			if (a === b || !book.get(a) || !book.get(b) || ctx.isDistinct(a, b)) continue;
			const key = linkIdOf(a, b);
			if (!out.has(key)) out.set(key, a < b ? { ...p, a, b } : { ...p, a: b, b: a });
		}
		return [...out.values()].sort(
			(x, y) => compareMatches(x, y) || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1)
		);
	}

	#refresh(book: QueueBook): void {
		const ids = new Set([...this.#pending].map((id) => book.displayedIdOf(id)));
		for (const id of this.#pending) ids.add(id);
		this.#pending.clear();
		for (const [key, p] of this.#pairs) {
			if (ids.has(p.a) || ids.has(p.b)) this.#pairs.delete(key);
		}
		const shown = [...ids].filter((id) => book.get(id));
		for (const p of book.duplicates().pairsFor(shown, 'review')) {
			this.#pairs.set(linkIdOf(p.a, p.b), p);
		}
	}
}
