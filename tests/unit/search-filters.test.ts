// The filters as the search index plans them (search-filters.ts): which need the card's entry,
// and the visit filters (last visit, spent, never visited), which read the visit aggregates the
// index copies into each entry, through single and bulk aggregate refreshes and narrowing.
import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/lib/domain/client';
import { NO_FILTERS, type ClientFilters } from '../../src/lib/domain/query';
import { ClientSearchIndex, matchesText } from '../../src/lib/domain/search';
import { buildEntry } from '../../src/lib/domain/search-entry';
import { ARCHIVED, BLACKLISTED, flagsOf, planFilters } from '../../src/lib/domain/search-filters';
import type { VisitAggregate } from '../../src/lib/domain/visit-stats';
import { ids, listQuery, searchableCards } from '../fixtures/search-books';

const TODAY = '2026-11-24';
const filters = (over: Partial<ClientFilters>): ClientFilters => ({ ...NO_FILTERS, ...over });

/** yyyymmdd of a visit day, as the aggregates hold it. */
const visit = (visitCount: number, totalSpent: number, lastVisit: number): VisitAggregate => ({
	visitCount,
	totalSpent,
	firstVisit: lastVisit,
	lastVisit
});

describe('planFilters', () => {
	it('needs the entry only for filters the flag byte cannot answer', () => {
		expect(planFilters(filters({}), TODAY).hasEntryFilters).toBe(false);
		expect(
			planFilters(filters({ archived: 'all', blacklisted: true }), TODAY).hasEntryFilters
		).toBe(false);
		const needEntry: Partial<ClientFilters>[] = [
			{ categoryId: 'vip' },
			{ sourceId: 'web' },
			{ createdFrom: '2026-01-01' },
			{ createdTo: '2026-01-01' },
			{ birthday: 'today' },
			{ lastVisitFrom: '2026-01-01' },
			{ lastVisitTo: '2026-01-01' },
			{ spentMoreThan: 0 },
			{ neverVisited: true }
		];
		for (const over of needEntry) {
			expect(planFilters(filters(over), TODAY).hasEntryFilters, JSON.stringify(over)).toBe(true);
		}
	});

	it('gives each card the flag bits of its archive and blacklist marks', () => {
		const [card] = searchableCards(1, 3, 'f') as [Client];
		const flagsFor = (archived: boolean, blacklisted: boolean) =>
			flagsOf(buildEntry({ ...card, archived, blacklisted }, 'IT'));
		expect(flagsFor(false, false)).toBe(0);
		expect(flagsFor(true, false)).toBe(ARCHIVED);
		expect(flagsFor(false, true)).toBe(BLACKLISTED);
		expect(flagsFor(true, true)).toBe(ARCHIVED | BLACKLISTED);
	});

	it('reads the visit aggregates: inclusive last-visit days, strict spending, no visit at all', () => {
		const [card] = searchableCards(1, 5, 'g') as [Client];
		const entryWith = (agg: VisitAggregate | null) => {
			const e = buildEntry({ ...card, archived: false, blacklisted: false }, 'IT');
			if (agg) Object.assign(e, agg);
			return e;
		};
		const seen = entryWith(visit(3, 12_000, 20261005));
		const never = entryWith(null);
		const passes = (over: Partial<ClientFilters>) => [
			planFilters(filters(over), TODAY).passes(seen),
			planFilters(filters(over), TODAY).passes(never)
		];
		expect(passes({ lastVisitFrom: '2026-10-05' })).toEqual([true, false]);
		expect(passes({ lastVisitFrom: '2026-10-06' })).toEqual([false, false]);
		expect(passes({ lastVisitTo: '2026-10-05' })).toEqual([true, false]);
		expect(passes({ lastVisitTo: '2026-10-04' })).toEqual([false, false]);
		expect(passes({ spentMoreThan: 11_999 })).toEqual([true, false]);
		expect(passes({ spentMoreThan: 12_000 })).toEqual([false, false]);
		expect(passes({ neverVisited: true })).toEqual([false, true]);
	});
});

describe('visit filters in the index', () => {
	const cards = searchableCards(400, 21, 'v');
	/** Every third card has visits: last visit in October or November, spending by position. */
	function aggregatesOf(shift: number): Map<string, VisitAggregate> {
		const out = new Map<string, VisitAggregate>();
		cards.forEach((c, i) => {
			if ((i + shift) % 3 === 0) {
				out.set(c.id, visit((i % 4) + 1, (i % 10) * 1_000, 20261001 + (i % 30) + (i % 2) * 100));
			}
		});
		return out;
	}
	const questions: Partial<ClientFilters>[] = [
		{ lastVisitFrom: '2026-10-15' },
		{ lastVisitTo: '2026-10-20' },
		{ lastVisitFrom: '2026-10-10', lastVisitTo: '2026-11-10' },
		{ spentMoreThan: 4_000 },
		{ neverVisited: true },
		{ neverVisited: true, archived: 'all' }
	];
	/** The cards a fresh check of each card gives for `text` and `f`. */
	function expected(aggs: Map<string, VisitAggregate>, text: string, f: ClientFilters): string[] {
		const plan = planFilters(f, TODAY);
		return cards
			.filter((c) => {
				const e = buildEntry(c, 'IT');
				Object.assign(e, aggs.get(c.id) ?? visit(0, 0, 0));
				return plan.passes(e) && matchesText(c, text, 'IT');
			})
			.map((c) => c.id)
			.sort();
	}

	it('follow the aggregates through a single refresh and a bulk one, typing included', () => {
		const aggregates = aggregatesOf(0);
		const idx = new ClientSearchIndex({ defaultCountry: 'IT', aggregates });
		idx.replaceAll(cards);
		const name = (cards[7] as Client).lastName.toLowerCase();
		const texts = ['', ...Array.from(name, (_, i) => name.slice(0, i + 1))];
		const check = () => {
			for (const over of questions) {
				const f = filters(over);
				// Prefix by prefix, so the later texts narrow the earlier small results.
				for (const text of texts) {
					const got = ids(idx.query(listQuery({ text, filters: f }))).sort();
					expect(got, `${JSON.stringify(over)} "${text}"`).toEqual(expected(aggregates, text, f));
				}
			}
		};
		check();
		// One client's first visit (a single refresh patches the cached orders).
		const first = cards.find((_, i) => i % 3 !== 0) as Client;
		aggregates.set(first.id, visit(1, 50_000, 20261111));
		idx.refreshAggregates([first.id]);
		check();
		// A sync of many visits (a bulk refresh updates in place and drops the orders).
		const shifted = aggregatesOf(1);
		aggregates.clear();
		for (const [id, agg] of shifted) aggregates.set(id, agg);
		idx.refreshAggregates(cards.map((c) => c.id));
		check();
	});
});
