// The search index's sorted orders, one per list column, cached and kept current (search.ts):
// sorted once when a query first asks for a column, patched by binary search on each single
// change, merged with a bulk upsert's cards (search-order.ts has the comparators and the merge).
import { foldName } from './normalize';
import type { SortColumn } from './query';
import type { Entry } from './search-entry';
import {
	COMPARE,
	IS_EMPTY,
	lowerBound,
	lowerBoundEmpty,
	mergeIntoView,
	type SortedView
} from './search-order';

/** The orders a bulk upsert set aside to merge its cards into (SortedViews › setAside). */
export type SetAsideViews = readonly (readonly [SortColumn, SortedView])[];

export class SortedViews {
	readonly #views = new Map<SortColumn, SortedView>();
	/** Sort orders a query read since the last bulk upsert: only those are worth a merge. */
	readonly #readSinceBulk = new Set<SortColumn>();
	/** How many cards have each first category: the category sort depends on their names. */
	readonly #firstCategories = new Map<string, number>();

	/**
	 * The order of `column` over the cards of `all`, from the cache while its signature (for the
	 * category sort: the categories' current names) still holds, else sorted now.
	 */
	view(
		column: SortColumn,
		all: ReadonlyMap<string, Entry>,
		categoryName?: (id: string) => string
	): SortedView {
		let signature = '';
		let names: Map<string, string> | null = null;
		if (column === 'category') {
			names = new Map();
			for (const id of [...this.#firstCategories.keys()].sort()) {
				names.set(id, foldName(categoryName?.(id) ?? ''));
			}
			signature = JSON.stringify([...names]);
		}
		this.#readSinceBulk.add(column);
		const cached = this.#views.get(column);
		if (cached && cached.signature === signature) return cached;

		if (names) for (const e of all.values()) e.categoryKey = names.get(e.firstCategory) ?? '';
		const view: SortedView = {
			entries: [...all.values()].sort(COMPARE[column]),
			slots: null,
			ranks: null,
			firstEmpty: 0,
			compare: COMPARE[column],
			isEmpty: IS_EMPTY[column],
			names,
			signature
		};
		view.firstEmpty = lowerBoundEmpty(view);
		this.#views.set(column, view);
		return view;
	}

	/** `e` joined the index: counted, and put in its place in every cached order. */
	add(e: Entry): void {
		if (e.firstCategory) {
			this.#firstCategories.set(
				e.firstCategory,
				(this.#firstCategories.get(e.firstCategory) ?? 0) + 1
			);
		}
		for (const view of this.#views.values()) {
			if (view.names) e.categoryKey = view.names.get(e.firstCategory) ?? '';
			view.entries.splice(lowerBound(view.entries, e, view.compare), 0, e);
			view.slots = null;
			view.ranks = null;
			if (!view.isEmpty(e)) view.firstEmpty += 1;
		}
	}

	/** `e` left the index (with the keys it was sorted by): taken out of every cached order. */
	delete(e: Entry): void {
		const count = this.#firstCategories.get(e.firstCategory);
		if (count !== undefined) {
			if (count <= 1) this.#firstCategories.delete(e.firstCategory);
			else this.#firstCategories.set(e.firstCategory, count - 1);
		}
		for (const view of this.#views.values()) {
			const i = lowerBound(view.entries, e, view.compare);
			if (view.entries[i] !== e) continue; // cannot happen: the order is total (ties by id)
			view.entries.splice(i, 1);
			view.slots = null;
			view.ranks = null;
			if (!view.isEmpty(e)) view.firstEmpty -= 1;
		}
	}

	/** Drops every cached order (each is sorted again when next asked for). */
	drop(): void {
		this.#views.clear();
	}

	/** The index was emptied: no order and no category count holds. */
	clear(): void {
		this.#views.clear();
		this.#firstCategories.clear();
	}

	/**
	 * A bulk upsert begins: the orders a query read since the last one are taken out (to merge
	 * the batch into, mergeBulk), the others dropped, so the batch's cards patch none of them.
	 */
	setAside(): SetAsideViews {
		const kept = [...this.#views].filter(([column]) => this.#readSinceBulk.has(column));
		this.#readSinceBulk.clear();
		this.#views.clear();
		return kept;
	}

	/** A bulk upsert ended: the set-aside orders take its cards in one merge each. */
	mergeBulk(kept: SetAsideViews, removed: ReadonlySet<Entry>, added: readonly Entry[]): void {
		for (const [column, view] of kept) {
			mergeIntoView(view, removed, added);
			this.#views.set(column, view);
		}
	}
}
