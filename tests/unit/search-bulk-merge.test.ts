// A batch of many cards (a first sync's 5,000-card page) is merged into the index's cached sort
// orders instead of dropping them for a full re-sort (search-order.ts › mergeIntoView): after any
// sequence of batches, single writes, removals and queries, every column and direction answers
// exactly as a fresh index built from the same cards.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyClientFields, type Client } from '../../src/lib/domain/client';
import { sortNameOf } from '../../src/lib/domain/normalize';
import { NO_FILTERS, SORT_COLUMNS, type SortSpec } from '../../src/lib/domain/query';
import { ClientSearchIndex } from '../../src/lib/domain/search';
import type { VisitAggregate } from '../../src/lib/domain/visit-stats';
import { generateClientFields } from '../fixtures/clients';

const POOL = 700;
const CATEGORIES = ['cat-a', 'cat-b', 'cat-c', 'cat-new'];
const categoryName = (id: string) =>
	({ 'cat-a': 'Viso', 'cat-b': 'Corpo', 'cat-c': 'Alpha' })[id] ?? 'Zeta';

const cards: Client[] = generateClientFields(POOL, { seed: 11 }).map((fields, i) => {
	const f = { ...emptyClientFields(), ...fields };
	return {
		...f,
		id: `b${String(i).padStart(4, '0')}`,
		// Equal names on purpose (ties are broken by id).
		firstName: i % 9 === 0 ? 'Anna' : f.firstName,
		lastName: i % 9 === 0 ? 'Bianchi' : f.lastName,
		categoryIds: i % 5 === 0 ? [] : [CATEGORIES[i % 3] as string],
		sortName: '',
		createdAt: 1e12 + ((i * 7919) % POOL),
		createdBy: 'test',
		updatedAt: 0,
		clock: {},
		archived: i % 13 === 0,
		blacklisted: false
	};
});
for (const c of cards) c.sortName = sortNameOf(c);

// Some cards have visits, so the aggregate columns have values and empties.
const aggregates = new Map<string, VisitAggregate>();
cards.forEach((c, i) => {
	if (i % 4 === 0) {
		aggregates.set(c.id, {
			visitCount: (i % 7) + 1,
			totalSpent: (i % 11) * 1000,
			firstVisit: 20_000 + (i % 17),
			lastVisit: 20_100 + (i % 19)
		} as VisitAggregate);
	}
});

/** A new version of card `n`: renamed (moves in the name order), a new category, archived. */
function edited(n: number, round: number): Client {
	const card = cards[n] as Client;
	const changed = {
		...card,
		lastName: `${card.lastName}${'z'.repeat((round % 3) + 1)}`,
		categoryIds: round % 2 === 0 ? ['cat-new'] : card.categoryIds,
		archived: round % 5 === 0 ? !card.archived : card.archived
	};
	return { ...changed, sortName: sortNameOf(changed) };
}

type Step =
	| { kind: 'query'; column: SortSpec['column']; direction: SortSpec['direction'] }
	| { kind: 'bulk'; from: number; size: number; editEvery: number; repeat: boolean }
	| { kind: 'one'; card: number }
	| { kind: 'remove'; card: number };

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('query' as const),
			column: fc.constantFrom(...SORT_COLUMNS),
			direction: fc.constantFrom<SortSpec['direction']>('asc', 'desc')
		})
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('bulk' as const),
			from: fc.nat(POOL - 1),
			size: fc.integer({ min: 200, max: 450 }),
			editEvery: fc.integer({ min: 1, max: 6 }),
			repeat: fc.boolean()
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({ kind: fc.constant('one' as const), card: fc.nat(POOL - 1) })
	},
	{
		weight: 1,
		arbitrary: fc.record({ kind: fc.constant('remove' as const), card: fc.nat(POOL - 1) })
	}
);

const ids = (clients: readonly Client[]) => clients.map((c) => c.id);

describe('bulk upserts merged into the cached sort orders', () => {
	it('answers every column like a fresh index after any batches (property)', () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 2, maxLength: 16 }), (steps) => {
				const live = new Map(cards.slice(0, 150).map((c) => [c.id, c]));
				const idx = new ClientSearchIndex({ defaultCountry: 'IT', aggregates });
				idx.replaceAll([...live.values()]);
				let round = 0;
				for (const s of steps) {
					round += 1;
					if (s.kind === 'query') {
						const query = {
							text: '',
							filters: { ...NO_FILTERS, archived: 'all' as const },
							sort: { column: s.column, direction: s.direction },
							today: '2026-06-01'
						};
						const fresh = new ClientSearchIndex({ defaultCountry: 'IT', aggregates });
						fresh.replaceAll([...live.values()]);
						expect(ids(idx.query(query, { categoryName }))).toEqual(
							ids(fresh.query(query, { categoryName }))
						);
					} else if (s.kind === 'bulk') {
						const batch: Client[] = [];
						for (let k = 0; k < s.size; k++) {
							const n = (s.from + k) % POOL;
							batch.push(k % s.editEvery === 0 ? edited(n, round) : (cards[n] as Client));
						}
						// The same card twice in one batch: the later version wins.
						if (s.repeat) batch.push(edited(s.from, round + 1));
						idx.upsertMany(batch);
						for (const c of batch) live.set(c.id, c);
					} else if (s.kind === 'one') {
						const c = edited(s.card, round);
						idx.upsert(c);
						live.set(c.id, c);
					} else {
						const id = (cards[s.card] as Client).id;
						idx.remove(id);
						live.delete(id);
					}
				}
			}),
			{ numRuns: 80 }
		);
	});
});
