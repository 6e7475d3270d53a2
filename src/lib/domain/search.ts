// In-memory search for the client list: 100,000 cards, one frame (16 ms) per keystroke.
// How it stays fast:
// - each card is folded once, on upsert, into two strings (name words, and everything matched
//   as a substring: search-entry.ts);
// - the list is kept pre-sorted per sort column (patched by binary search on upsert), so a
//   query only filters, in order, and never sorts (search-order.ts, search-views.ts);
// - a keystroke searches every card's text at once: the texts live concatenated in chunks
//   (haystack.ts), so one `indexOf` skips runs of cards, and the hits are counted in a typed
//   array by slot; the sorted order is then walked once, reading only typed arrays
//   (search-slots.ts, search-scan.ts);
// - when the new text only narrows a small previous result, only that result is checked.
// This file keeps those parts in step on every change and assembles a query's answer from them:
// its filters planned by search-filters.ts, the answers kept for the next keystroke in
// search-answers.ts.
import type { Client } from './client';
import type { ClientQuery } from './query';
import { KeptAnswers } from './search-answers';
import { buildEntry, parseSearchText, toNeedles, type Entry } from './search-entry';
import { planFilters } from './search-filters';
import { narrowFrom, walkOrder } from './search-scan';
import { SearchSlots } from './search-slots';
import { SortedViews } from './search-views';
import type { VisitAggregate } from './visit-stats';

export { localDay, matchesText, narrows, parseSearchText, type SearchToken } from './search-entry';

/** Batch size from which upsertMany re-sorts lazily instead of patching each sort order. */
const BULK_THRESHOLD = 200;
/** A text matching at most this share of the cards puts its matches in order by sorting their
 *  positions (m log m, in typed arrays) instead of walking the whole sorted order (n). */
const SUBSET_SHARE = 1 / 16;

export class ClientSearchIndex {
	readonly #defaultCountry: string;
	/** The cards, by id and by slot, with their per-slot arrays and texts. */
	readonly #slots = new SearchSlots();
	readonly #views = new SortedViews();
	/** What the list's queries keep for its next keystroke. */
	#answers = new KeptAnswers(1024);
	/** What queryAside keeps between its calls, apart from the list's own (see there). */
	#answersAside = new KeptAnswers(0);

	/** The book changed: no kept answer holds. */
	#forget(): void {
		this.#answers.forget();
		this.#answersAside.forget();
	}

	/** Per client id, kept by the caller (the visits state); read when an entry is built. */
	readonly #aggregates: ReadonlyMap<string, VisitAggregate>;

	readonly #subsetShare: number;

	/** `subsetShare` is for tests: 0 always walks the sorted order, 1 always sorts the matches. */
	constructor(opts: {
		defaultCountry: string;
		aggregates?: ReadonlyMap<string, VisitAggregate>;
		subsetShare?: number;
	}) {
		this.#defaultCountry = opts.defaultCountry;
		this.#aggregates = opts.aggregates ?? new Map();
		this.#subsetShare = opts.subsetShare ?? SUBSET_SHARE;
	}

	/**
	 * The aggregates of these clients changed (a visit was added, edited or synced): their
	 * places in the aggregate sorts are patched like an upsert; a large batch (start-up, a sync
	 * of many visits) updates in place and drops the cached sort orders instead.
	 */
	refreshAggregates(ids: readonly string[]): void {
		const bulk = ids.length >= BULK_THRESHOLD;
		if (bulk) this.#views.drop();
		for (const id of ids) {
			const e = this.#slots.get(id);
			if (!e) continue;
			const agg = this.#aggregates.get(id);
			if (
				e.visitCount === (agg?.visitCount ?? 0) &&
				e.totalSpent === (agg?.totalSpent ?? 0) &&
				e.firstVisit === (agg?.firstVisit ?? 0) &&
				e.lastVisit === (agg?.lastVisit ?? 0)
			) {
				continue;
			}
			if (bulk) {
				this.#applyAggregate(e);
			} else {
				this.#delete(e);
				this.#applyAggregate(e);
				this.#add(e);
			}
		}
		this.#forget();
	}

	#applyAggregate(e: Entry): void {
		const agg = this.#aggregates.get(e.id);
		e.visitCount = agg?.visitCount ?? 0;
		e.totalSpent = agg?.totalSpent ?? 0;
		e.firstVisit = agg?.firstVisit ?? 0;
		e.lastVisit = agg?.lastVisit ?? 0;
	}

	get size(): number {
		return this.#slots.size;
	}

	get(id: string): Client | undefined {
		return this.#slots.get(id)?.client;
	}

	replaceAll(clients: readonly Client[]): void {
		this.#slots.clear();
		this.#views.clear();
		this.#forget();
		for (const c of clients) this.#add(this.#build(c));
	}

	upsert(client: Client): void {
		const old = this.#slots.get(client.id);
		if (old) this.#delete(old);
		this.#add(this.#build(client));
		this.#forget();
	}

	/**
	 * Many cards at once (a sync batch, an import, a benchmark seed). Inserting one by one keeps
	 * every cached sort order patched, O(n) per card; past a few hundred cards the sort orders
	 * are set aside, the cards go in, and each order a query read since the last batch takes
	 * them in one merge (search-order.ts). An order nobody read since (a book loading batch after
	 * batch, with no query in between) is dropped and sorted once when next asked for: merging
	 * it into every batch cost more than that one sort (~0.9 s more at 100,000 cards).
	 */
	upsertMany(clients: readonly Client[]): void {
		if (clients.length < BULK_THRESHOLD) {
			for (const c of clients) this.upsert(c);
			return;
		}
		const kept = this.#views.setAside();
		const removed = new Set<Entry>();
		const added: Entry[] = [];
		for (const c of clients) {
			const old = this.#slots.get(c.id);
			if (old) {
				this.#delete(old);
				removed.add(old);
			}
			const e = this.#build(c);
			this.#add(e);
			added.push(e);
		}
		this.#views.mergeBulk(kept, removed, added);
		this.#forget();
	}

	remove(id: string): void {
		const old = this.#slots.get(id);
		if (!old) return;
		this.#delete(old);
		this.#forget();
	}

	/**
	 * The cards matching `q`, in the asked order. The array is the index's own (the same one
	 * while nothing changes and the same question is asked again): read it, never change it.
	 */
	query(q: ClientQuery, ctx: { categoryName?: (id: string) => string } = {}): readonly Client[] {
		// A copy: the caller's filters may be a reactive proxy, whose every read is a function
		// call; the hot loops (search-scan.ts) read them once per card.
		const f = { ...q.filters };
		const sort = { ...q.sort };
		const view = this.#views.view(sort.column, this.#slots.byId, ctx.categoryName);
		const tokens = parseSearchText(q.text);
		const key = JSON.stringify([f, sort, q.today, view.signature]);
		const text = JSON.stringify(tokens);
		const answers = this.#answers;
		// The same question again (a re-render, a filter toggled back): same answer, no scan.
		const answered = answers.answered(key, text, tokens);
		if (answered !== null) return answered;
		const previous = answers.narrowedFrom(key, tokens);
		const needles = toNeedles(tokens);
		const filters = planFilters(f, q.today);

		const slots = this.#slots;
		const result = answers.scratchFor(previous ? previous.length : slots.size);
		const count = previous
			? narrowFrom(slots, previous, needles, filters, result)
			: walkOrder(
					slots,
					view,
					needles,
					sort.direction === 'desc',
					this.#subsetShare,
					filters,
					result
				);
		const clientBySlot = slots.clientBySlot;
		// Sized once: pushing 100,000 cards grows (and copies) the array several times over.
		const clients = new Array<Client>(count);
		for (let k = 0; k < count; k++) clients[k] = clientBySlot[result[k] as number] as Client;
		answers.keep(key, text, tokens, result, count, slots.size, clients);
		return clients;
	}

	/**
	 * The answer to `q` as `query` gives it, without touching what `query` keeps for the list's
	 * next keystroke (its last answer to narrow from, its blank answer, its scratch array): the
	 * start-up's warm-up (search-warm.ts) runs its texts through here between the list's
	 * queries. Its own last answer and scratch are kept apart, so a warm-up's typed prefixes
	 * narrow like real typing does, and the same code (the narrowing check included) gets hot.
	 */
	queryAside(
		q: ClientQuery,
		ctx: { categoryName?: (id: string) => string } = {}
	): readonly Client[] {
		const own = this.#answers;
		this.#answers = this.#answersAside;
		try {
			return this.query(q, ctx);
		} finally {
			this.#answers = own;
		}
	}

	/** The card in the first used slot at or after `fraction` (0–1) of the slots, else before. */
	sample(fraction: number): Client | undefined {
		return this.#slots.sample(fraction);
	}

	/** How many cards the list shows with no search and the default filters (not archived):
	 *  the start-up snapshot's count, without a query's arrays or its cache (list-snapshot.ts). */
	countActive(): number {
		return this.#slots.countActive();
	}

	/** Joins every haystack chunk now (at an idle moment after start-up) rather than in the
	 *  first keystroke, which otherwise pays for joining the whole book's texts. */
	prepare(): void {
		this.#slots.texts.prepare();
	}

	#build(c: Client): Entry {
		const e = buildEntry(c, this.#defaultCountry);
		this.#applyAggregate(e);
		return e;
	}

	#add(e: Entry): void {
		this.#slots.add(e);
		this.#views.add(e);
	}

	#delete(e: Entry): void {
		this.#slots.delete(e);
		this.#views.delete(e);
	}
}
