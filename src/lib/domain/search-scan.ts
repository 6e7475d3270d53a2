// The keystroke's hot loops (search.ts): which cards match a query's text and filters, written
// as slots, in the asked order, into a result array. Two ways:
// - narrowFrom: the new text only narrows the previous small result, so only that result is
//   checked again, card by card (texts from search-texts.ts' dense per-slot arrays);
// - walkOrder: every card's hits are counted at once over the haystacks, then the sorted order
//   is walked once (or, for few matches, their positions in it are sorted: positionsOf).
// Both read only typed and dense arrays per card; a filter needing more calls FilterPlan.passes.
import type { Entry, Needle } from './search-entry';
import { ARCHIVED, BLACKLISTED, type FilterPlan } from './search-filters';
import type { SortedView } from './search-order';
import type { SearchSlots } from './search-slots';

/**
 * Writes into `result` the slots of `previous` (in its order) whose cards pass `filters` and
 * match every needle; returns how many. `result` may be the array `previous` is a view of: it
 * writes no further than it has read.
 */
export function narrowFrom(
	book: SearchSlots,
	previous: Int32Array,
	needles: readonly Needle[],
	filters: FilterPlan,
	result: Int32Array
): number {
	const { anyArchived, wantArchived, blacklisted, hasEntryFilters, passes } = filters;
	// The flags and the texts in dense per-slot arrays, not the entries: those lie
	// scattered over the heap, and a cache miss per card cost more than its check.
	const flags = book.flags;
	const entryBySlot = book.entryBySlot;
	const texts = book.texts;
	let count = 0;
	// An index loop: for…of over a typed array allocated an iterator result per card.
	for (let k = 0; k < previous.length; k++) {
		const slot = previous[k] as number;
		const flag = flags[slot] as number;
		if (!anyArchived && ((flag & ARCHIVED) !== 0) !== wantArchived) continue;
		if (blacklisted !== null && ((flag & BLACKLISTED) !== 0) !== blacklisted) continue;
		if (hasEntryFilters && !passes(entryBySlot[slot] as Entry)) continue;
		if (texts.matches(slot, needles)) result[count++] = slot;
	}
	return count;
}

/**
 * Writes into `result` the slots of every card that passes `filters` and matches every needle,
 * in `view`'s order (descending: the valued part backwards, cards without a value last);
 * returns how many. A text matching at most `subsetShare` of the cards sorts its matches'
 * positions (m log m, in typed arrays) instead of walking the whole order (n).
 */
export function walkOrder(
	book: SearchSlots,
	view: SortedView,
	needles: readonly Needle[],
	desc: boolean,
	subsetShare: number,
	filters: FilterPlan,
	result: Int32Array
): number {
	// The same reads and flag checks as narrowFrom's, written out in each loop on purpose: a
	// shared helper would be one more call per card on the keystroke path.
	const { anyArchived, wantArchived, blacklisted, hasEntryFilters, passes } = filters;
	const flags = book.flags;
	const entryBySlot = book.entryBySlot;
	let count = 0;
	const need = needles.length;
	const matched = need > 0 ? countHits(book, needles) : book.size;
	const hits = book.hits;
	const { entries, firstEmpty } = view;
	const slots = (view.slots ??= Int32Array.from(entries, (e) => e.slot));
	const n = entries.length;
	// Few matches: their positions in the sorted order, sorted, replace the full walk.
	const order = need > 0 && matched <= n * subsetShare ? positionsOf(book, view, need, desc) : null;
	const m = order ? order.length : n;
	for (let k = 0; k < m; k++) {
		// Descending walks the valued part backwards; cards without a value stay last.
		const i = order ? (order[k] as number) : desc && k < firstEmpty ? firstEmpty - 1 - k : k;
		const slot = slots[i] as number;
		if (need > 0 && hits[slot] !== need) continue;
		const flag = flags[slot] as number;
		if (!anyArchived && ((flag & ARCHIVED) !== 0) !== wantArchived) continue;
		if (blacklisted !== null && ((flag & BLACKLISTED) !== 0) !== blacklisted) continue;
		if (hasEntryFilters && !passes(entryBySlot[slot] as Entry)) continue;
		result[count++] = slot;
	}
	return count;
}

/** Leaves in `book.hits`, per slot, how many of the needles the card matches
 *  (search-texts.ts); returns how many cards match them all. */
function countHits(book: SearchSlots, needles: readonly Needle[]): number {
	const hits = book.hits;
	hits.fill(0, 0, book.slotCount);
	return book.texts.countHits(needles, hits);
}

/** Positions in `view.entries` of the cards whose hits reached `need`, in the order the
 *  query walks them (descending: the valued part backwards, cards without a value last). */
function positionsOf(book: SearchSlots, view: SortedView, need: number, desc: boolean): Int32Array {
	const slotCount = book.slotCount;
	const slots = view.slots as Int32Array;
	if (!view.ranks) {
		const ranks = new Int32Array(slotCount);
		for (let i = 0; i < slots.length; i++) ranks[slots[i] as number] = i;
		view.ranks = ranks;
	}
	const ranks = view.ranks;
	const hits = book.hits;
	let m = 0;
	for (let slot = 0; slot < slotCount; slot++) if (hits[slot] === need) m++;
	const order = new Int32Array(m);
	m = 0;
	for (let slot = 0; slot < slotCount; slot++) {
		if (hits[slot] === need) order[m++] = ranks[slot] as number;
	}
	order.sort();
	if (desc) {
		let valued = 0;
		while (valued < m && (order[valued] as number) < view.firstEmpty) valued++;
		order.subarray(0, valued).reverse();
	}
	return order;
}
