// In-memory search for the client list: 100,000 cards, one frame (16 ms) per keystroke.
// How it stays fast:
// - each card is folded once, on upsert, into two strings (name words, and everything matched
//   as a substring: search-entry.ts);
// - the list is kept pre-sorted per sort column (patched by binary search on upsert), so a
//   query only filters, in order, and never sorts (search-order.ts);
// - a keystroke searches every card's text at once: the texts live concatenated in chunks
//   (haystack.ts), so one `indexOf` skips runs of cards, and the hits are counted in a typed
//   array by slot; the sorted order is then walked once, reading only typed arrays;
// - when the new text only narrows a small previous result, only that result is checked.
import type { Client } from './client';
import { birthdayWindowTable } from './birthday';
import { foldName } from './normalize';
import type { ClientQuery, SortColumn } from './query';
import {
	buildEntry,
	narrows,
	parseSearchText,
	toNeedles,
	type Entry,
	type Needle,
	type SearchToken
} from './search-entry';
import {
	COMPARE,
	IS_EMPTY,
	lowerBound,
	lowerBoundEmpty,
	mergeIntoView,
	type SortedView
} from './search-order';
import { SearchTexts } from './search-texts';
import { dayKey, type VisitAggregate } from './visit-stats';

export { localDay, matchesText, narrows, parseSearchText, type SearchToken } from './search-entry';

/** Batch size from which upsertMany re-sorts lazily instead of patching each sort order. */
const BULK_THRESHOLD = 200;
/** A narrowing keystroke re-checks the previous result card by card while it is at most this
 *  share of the index; past it, searching the haystacks again is cheaper. */
const REUSE_SHARE = 1 / 8;
/** A text matching at most this share of the cards puts its matches in order by sorting their
 *  positions (m log m, in typed arrays) instead of walking the whole sorted order (n). */
const SUBSET_SHARE = 1 / 16;
const ARCHIVED = 1;
const BLACKLISTED = 2;

/** The last query's answer (ClientSearchIndex › #last). */
interface LastAnswer {
	key: string;
	text: string;
	tokens: SearchToken[];
	/** Slots of the result, in #scratch; null when it is too large to narrow from. */
	result: Int32Array | null;
	clients: readonly Client[];
}

/** The answer with no search text (ClientSearchIndex › #blank). */
interface BlankAnswer {
	key: string;
	clients: readonly Client[];
}

export class ClientSearchIndex {
	readonly #defaultCountry: string;
	readonly #byId = new Map<string, Entry>();
	readonly #views = new Map<SortColumn, SortedView>();
	/** Sort orders a query read since the last bulk upsert: only those are worth a merge. */
	readonly #readSinceBulk = new Set<SortColumn>();
	/** How many cards have each first category: the category sort depends on their names. */
	readonly #firstCategories = new Map<string, number>();
	readonly #texts = new SearchTexts();
	/** Slots freed by removals, reused before new ones are taken. */
	readonly #freeSlots: number[] = [];
	#slotCount = 0;
	/** By slot. The walk copies clients from this dense array instead of reading each entry:
	 *  entries are scattered over the heap, and 100,000 cache misses cost ~10 ms. */
	readonly #entryBySlot: (Entry | undefined)[] = [];
	readonly #clientBySlot: (Client | undefined)[] = [];
	/** Per slot: ARCHIVED | BLACKLISTED, so the default filters need no entry object. */
	#flags = new Uint8Array(1024);
	/** Per slot, during a query: how many tokens the card has matched so far. */
	#hits = new Uint16Array(1024);
	/** The last query's result slots, in order (#last.result is a view of them). Reused: a
	 *  book-sized array per keystroke fed the garbage collector, whose pauses over a heap of
	 *  100,000 cards and their visits were the slow keystrokes (bench/README.md). */
	#scratch = new Int32Array(1024);
	#last: LastAnswer | null = null;

	/** The answer with no search text, per filters and sort: asked again after every cleared
	 *  search, and the largest array a query builds. */
	#blank: BlankAnswer | null = null;

	/** What queryAside keeps between its calls, apart from the list's own (see there). */
	#aside: { last: LastAnswer | null; blank: BlankAnswer | null; scratch: Int32Array<ArrayBuffer> } =
		{
			last: null,
			blank: null,
			scratch: new Int32Array(0)
		};

	/** The book changed: no cached answer holds. */
	#forget(): void {
		this.#last = null;
		this.#blank = null;
		this.#aside.last = null;
		this.#aside.blank = null;
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
		if (bulk) this.#views.clear();
		for (const id of ids) {
			const e = this.#byId.get(id);
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
		return this.#byId.size;
	}

	get(id: string): Client | undefined {
		return this.#byId.get(id)?.client;
	}

	replaceAll(clients: readonly Client[]): void {
		this.#byId.clear();
		this.#views.clear();
		this.#firstCategories.clear();
		this.#texts.clear();
		this.#freeSlots.length = 0;
		this.#slotCount = 0;
		this.#entryBySlot.length = 0;
		this.#clientBySlot.length = 0;
		this.#forget();
		for (const c of clients) this.#add(this.#build(c));
	}

	upsert(client: Client): void {
		const old = this.#byId.get(client.id);
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
		const kept = [...this.#views].filter(([column]) => this.#readSinceBulk.has(column));
		this.#readSinceBulk.clear();
		this.#views.clear();
		const removed = new Set<Entry>();
		const added: Entry[] = [];
		for (const c of clients) {
			const old = this.#byId.get(c.id);
			if (old) {
				this.#delete(old);
				removed.add(old);
			}
			const e = this.#build(c);
			this.#add(e);
			added.push(e);
		}
		for (const [column, view] of kept) {
			mergeIntoView(view, removed, added);
			this.#views.set(column, view);
		}
		this.#forget();
	}

	remove(id: string): void {
		const old = this.#byId.get(id);
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
		// call; the hot loop below reads them once per card.
		const f = { ...q.filters };
		const sort = { ...q.sort };
		const view = this.#view(sort.column, ctx.categoryName);
		const tokens = parseSearchText(q.text);
		const key = JSON.stringify([f, sort, q.today, view.signature]);
		const text = JSON.stringify(tokens);
		// The same question again (a re-render, a filter toggled back): same answer, no scan.
		if (this.#last?.key === key && this.#last.text === text) return this.#last.clients;
		if (tokens.length === 0 && this.#blank?.key === key) {
			this.#last = { key, text, tokens, result: null, clients: this.#blank.clients };
			return this.#blank.clients;
		}
		const previous =
			this.#last !== null &&
			this.#last.key === key &&
			this.#last.result !== null &&
			narrows(this.#last.tokens, tokens)
				? this.#last.result
				: null;
		const needles = toNeedles(tokens);

		const birthdays = f.birthday
			? birthdayWindowTable(f.birthday, q.today, f.birthdayFrom, f.birthdayTo)
			: null;
		const wantArchived = f.archived === 'archived';
		const anyArchived = f.archived === 'all';
		const blacklisted = f.blacklisted;
		const lastFrom = f.lastVisitFrom ? dayKey(f.lastVisitFrom) : 0;
		const lastTo = f.lastVisitTo ? dayKey(f.lastVisitTo) : 0;
		const spentAbove = f.spentMoreThan;
		const never = f.neverVisited;
		// Filters that need the entry object; the archive and blacklist flags do not.
		const hasEntryFilters =
			f.categoryId !== null ||
			f.sourceId !== null ||
			f.createdFrom !== null ||
			f.createdTo !== null ||
			birthdays !== null ||
			lastFrom !== 0 ||
			lastTo !== 0 ||
			spentAbove !== null ||
			never;
		const passesFilters = (e: Entry): boolean => {
			if (!anyArchived && e.archived !== wantArchived) return false;
			if (blacklisted !== null && e.blacklisted !== blacklisted) return false;
			if (f.categoryId !== null && !e.categoryIds.includes(f.categoryId)) return false;
			if (f.sourceId !== null && e.sourceId !== f.sourceId) return false;
			if (f.createdFrom !== null && e.createdDay < f.createdFrom) return false;
			if (f.createdTo !== null && e.createdDay > f.createdTo) return false;
			if (lastFrom !== 0 && e.lastVisit < lastFrom) return false;
			if (lastTo !== 0 && (e.lastVisit === 0 || e.lastVisit > lastTo)) return false;
			if (spentAbove !== null && e.totalSpent <= spentAbove) return false;
			if (never && e.visitCount !== 0) return false;
			return birthdays === null || birthdays[e.birthKey] === 1;
		};

		const entryBySlot = this.#entryBySlot;
		const clientBySlot = this.#clientBySlot;
		const result = this.#scratchFor(previous ? previous.length : this.size);
		let count = 0;
		const flags = this.#flags;
		if (previous) {
			// The flags and the texts in dense per-slot arrays, not the entries: those lie
			// scattered over the heap, and a cache miss per card cost more than its check.
			const texts = this.#texts;
			// An index loop: for…of over a typed array allocated an iterator result per card.
			for (let k = 0; k < previous.length; k++) {
				const slot = previous[k] as number;
				const flag = flags[slot] as number;
				if (!anyArchived && ((flag & ARCHIVED) !== 0) !== wantArchived) continue;
				if (blacklisted !== null && ((flag & BLACKLISTED) !== 0) !== blacklisted) continue;
				if (hasEntryFilters && !passesFilters(entryBySlot[slot] as Entry)) continue;
				if (texts.matches(slot, needles)) result[count++] = slot;
			}
		} else {
			const need = needles.length;
			const matched = need > 0 ? this.#countHits(needles) : this.size;
			const hits = this.#hits;
			const { entries, firstEmpty } = view;
			const slots = (view.slots ??= Int32Array.from(entries, (e) => e.slot));
			const n = entries.length;
			const desc = sort.direction === 'desc';
			// Few matches: their positions in the sorted order, sorted, replace the full walk.
			const order =
				need > 0 && matched <= n * this.#subsetShare ? this.#positionsOf(view, need, desc) : null;
			const m = order ? order.length : n;
			for (let k = 0; k < m; k++) {
				// Descending walks the valued part backwards; cards without a value stay last.
				const i = order ? (order[k] as number) : desc && k < firstEmpty ? firstEmpty - 1 - k : k;
				const slot = slots[i] as number;
				if (need > 0 && hits[slot] !== need) continue;
				const flag = flags[slot] as number;
				if (!anyArchived && ((flag & ARCHIVED) !== 0) !== wantArchived) continue;
				if (blacklisted !== null && ((flag & BLACKLISTED) !== 0) !== blacklisted) continue;
				if (hasEntryFilters && !passesFilters(entryBySlot[slot] as Entry)) continue;
				result[count++] = slot;
			}
		}
		// Sized once: pushing 100,000 cards grows (and copies) the array several times over.
		const clients = new Array<Client>(count);
		for (let k = 0; k < count; k++) clients[k] = clientBySlot[result[k] as number] as Client;
		// Only a small result is narrowed from, by the next query only: it stays in the scratch
		// array, which that query filters in place (it writes no further than it has read).
		const keep = count <= this.size * REUSE_SHARE ? result.subarray(0, count) : null;
		this.#last = { key, text, tokens, result: keep, clients };
		if (tokens.length === 0) this.#blank = { key, clients };
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
		const last = this.#last;
		const blank = this.#blank;
		const scratch = this.#scratch;
		this.#last = this.#aside.last;
		this.#blank = this.#aside.blank;
		this.#scratch = this.#aside.scratch;
		try {
			return this.query(q, ctx);
		} finally {
			this.#aside = { last: this.#last, blank: this.#blank, scratch: this.#scratch };
			this.#last = last;
			this.#blank = blank;
			this.#scratch = scratch;
		}
	}

	/** The card in the first used slot at or after `fraction` (0–1) of the slots, else before. */
	sample(fraction: number): Client | undefined {
		const start = Math.min(this.#slotCount - 1, Math.floor(this.#slotCount * fraction));
		for (let slot = start; slot < this.#slotCount; slot++) {
			if (this.#clientBySlot[slot]) return this.#clientBySlot[slot];
		}
		for (let slot = start - 1; slot >= 0; slot--) {
			if (this.#clientBySlot[slot]) return this.#clientBySlot[slot];
		}
		return undefined;
	}

	/** How many cards the list shows with no search and the default filters (not archived):
	 *  the start-up snapshot's count, without a query's arrays or its cache (list-snapshot.ts). */
	countActive(): number {
		const flags = this.#flags;
		let n = 0;
		for (let slot = 0; slot < this.#slotCount; slot++) {
			if (this.#entryBySlot[slot] !== undefined && ((flags[slot] as number) & ARCHIVED) === 0) n++;
		}
		return n;
	}

	/** Joins every haystack chunk now (at an idle moment after start-up) rather than in the
	 *  first keystroke, which otherwise pays for joining the whole book's texts. */
	prepare(): void {
		this.#texts.prepare();
	}

	/** The scratch result array, grown to hold `n` slots (its contents are not kept). */
	#scratchFor(n: number): Int32Array {
		if (this.#scratch.length < n)
			this.#scratch = new Int32Array(Math.max(n, this.#scratch.length * 2));
		return this.#scratch;
	}

	/** #hits per slot: how many of the needles the card matches (search-texts.ts). */
	#countHits(needles: readonly Needle[]): number {
		this.#hits.fill(0, 0, this.#slotCount);
		return this.#texts.countHits(needles, this.#hits);
	}

	/** Positions in `view.entries` of the cards whose #hits reached `need`, in the order the
	 *  query walks them (descending: the valued part backwards, cards without a value last). */
	#positionsOf(view: SortedView, need: number, desc: boolean): Int32Array {
		const slots = view.slots as Int32Array;
		if (!view.ranks) {
			const ranks = new Int32Array(this.#slotCount);
			for (let i = 0; i < slots.length; i++) ranks[slots[i] as number] = i;
			view.ranks = ranks;
		}
		const ranks = view.ranks;
		const hits = this.#hits;
		let m = 0;
		for (let slot = 0; slot < this.#slotCount; slot++) if (hits[slot] === need) m++;
		const order = new Int32Array(m);
		m = 0;
		for (let slot = 0; slot < this.#slotCount; slot++) {
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

	#build(c: Client): Entry {
		const e = buildEntry(c, this.#defaultCountry);
		this.#applyAggregate(e);
		return e;
	}

	#add(e: Entry): void {
		this.#byId.set(e.client.id, e);
		e.slot = this.#freeSlots.pop() ?? this.#slotCount++;
		if (e.slot >= this.#flags.length) {
			const grown = new Uint8Array(this.#flags.length * 2);
			grown.set(this.#flags);
			this.#flags = grown;
			this.#hits = new Uint16Array(grown.length);
		}
		this.#entryBySlot[e.slot] = e;
		this.#clientBySlot[e.slot] = e.client;
		this.#flags[e.slot] = (e.archived ? ARCHIVED : 0) | (e.blacklisted ? BLACKLISTED : 0);
		this.#texts.set(e);
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

	#delete(e: Entry): void {
		this.#byId.delete(e.client.id);
		this.#texts.delete(e.slot);
		this.#freeSlots.push(e.slot);
		this.#entryBySlot[e.slot] = undefined;
		this.#clientBySlot[e.slot] = undefined;
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

	#view(column: SortColumn, categoryName?: (id: string) => string): SortedView {
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

		if (names)
			for (const e of this.#byId.values()) e.categoryKey = names.get(e.firstCategory) ?? '';
		const view: SortedView = {
			entries: [...this.#byId.values()].sort(COMPARE[column]),
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
}
