// The search index reuses one scratch array across queries and hands out its own result arrays
// (search.ts): a long-lived index must answer every question exactly as a fresh one built from
// the same cards, through any sequence of typing and book changes, and never write into an
// array it already gave out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Client } from '../../src/lib/domain/client';
import { sortNameOf } from '../../src/lib/domain/normalize';
import { NO_FILTERS, type ClientFilters, type SortSpec } from '../../src/lib/domain/query';
import { ClientSearchIndex } from '../../src/lib/domain/search';
import { shareStamps } from '../../src/lib/domain/share-stamps';
import { ids, searchableCards } from '../fixtures/search-books';

const cards: Client[] = searchableCards(400, 7, 'r');

/** What a person types: prefixes, narrowing and widening, a clear, then another text. */
const TEXTS = ['', 'm', 'ma', 'mar', 'mari', 'ro', 'ross', 'r', '3', '33', '333', 'a', 'gm', 'x'];

type Step =
	| { kind: 'type'; text: string; archived: ClientFilters['archived']; column: SortSpec['column'] }
	| { kind: 'edit'; card: number }
	| { kind: 'add'; card: number }
	| { kind: 'remove'; card: number }
	| { kind: 'prepare' };

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('type' as const),
			text: fc.constantFrom(...TEXTS),
			archived: fc.constantFrom<ClientFilters['archived']>('active', 'archived', 'all'),
			column: fc.constantFrom<SortSpec['column']>('name', 'phone', 'createdAt')
		})
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), card: fc.nat(399) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), card: fc.nat(399) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), card: fc.nat(399) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('prepare' as const) }) }
);

describe('a long-lived index (scratch array, narrowing, cached answers, prepared texts)', () => {
	it('answers every query like a fresh index, and never changes an answer it gave (property)', () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
				const live = new Map(cards.slice(0, 200).map((c) => [c.id, c]));
				const idx = new ClientSearchIndex({ defaultCountry: 'IT' });
				idx.replaceAll([...live.values()]);
				const given: { answer: readonly Client[]; ids: string[] }[] = [];
				for (const s of steps) {
					if (s.kind === 'type') {
						const query = {
							text: s.text,
							filters: { ...NO_FILTERS, archived: s.archived },
							sort: { column: s.column, direction: 'asc' as const },
							today: '2026-06-01'
						};
						const fresh = new ClientSearchIndex({ defaultCountry: 'IT' });
						fresh.replaceAll([...live.values()]);
						const answer = idx.query(query);
						expect(ids(answer)).toEqual(ids(fresh.query(query)));
						given.push({ answer, ids: ids(answer) });
					} else if (s.kind === 'prepare') {
						// What start-up does at an idle moment: joins the texts ahead of a search.
						idx.prepare();
					} else if (s.kind === 'remove') {
						const id = (cards[s.card] as Client).id;
						idx.remove(id);
						live.delete(id);
					} else {
						const card = cards[s.card] as Client;
						const changed =
							s.kind === 'edit'
								? { ...card, lastName: `${card.lastName}a`, archived: !card.archived }
								: card;
						const written = { ...changed, sortName: sortNameOf(changed) };
						idx.upsert(written);
						live.set(written.id, written);
					}
				}
				for (const g of given) expect(ids(g.answer)).toEqual(g.ids);
				// The start-up snapshot's count, without a query: the default list's length.
				const shown = idx.query({
					text: '',
					filters: NO_FILTERS,
					sort: { column: 'name', direction: 'asc' },
					today: '2026-06-01'
				});
				expect(idx.countActive()).toBe(shown.length);
			}),
			{ numRuns: 150 }
		);
	});
});

describe('shareStamps', () => {
	it('leaves every value and key of the clock as it was', () => {
		// Built at run time, so equal values are distinct string objects, as read from storage.
		const stamp = (n: number) => ['1795521183664-000', String(n), '-uaj9bvsvfmnk'].join('');
		const clock = { firstName: stamp(0), lastName: stamp(0), phones: stamp(1), tags: stamp(0) };
		const before = { ...clock };
		shareStamps(clock);
		expect(clock).toEqual(before);
		expect(Object.keys(clock)).toEqual(['firstName', 'lastName', 'phones', 'tags']);
	});

	it('leaves a frozen clock alone', () => {
		const clock = Object.freeze({ a: 'x', b: 'x' });
		expect(() => shareStamps(clock)).not.toThrow();
		expect(clock).toEqual({ a: 'x', b: 'x' });
	});
});
