// Merge rule 5 (DESIGN.md; erasure.ts): an erased card absorbs every other version in any order,
// with duplicates, and keeps no personal data; attached documents' tombstones win their merge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyClientFields, type ClientFields } from '$lib/domain/client';
import {
	ERASED_CLOCK_KEY,
	erasedFormOf,
	isErasedClient,
	toErasedClient,
	withoutErasedClients
} from '$lib/domain/erasure';
import { HybridClock } from '$lib/domain/hlc';
import {
	isEqualDoc,
	mergeClients,
	mergeDocs,
	toTombstone,
	type ClientDoc
} from '$lib/domain/merge';
import { sortNameOf } from '$lib/domain/normalize';
import { stampWrite } from '$lib/domain/stamp';
import { canonicalJson, documentSchemaFor } from '$lib/domain/sync-protocol';
import { makeConsent } from '../fixtures/consents';
import { makeVisit } from '../fixtures/visits';

const T0 = 1_763_942_400_000;
const NAMES = ['Maria', 'Anna', 'Giulia'];
const TAGS = ['vip', 'sposa', 'nuova'];

type Step =
	| { kind: 'edit'; device: number; pick: number; dt: number }
	| { kind: 'delete'; device: number; dt: number }
	| { kind: 'erase'; dt: number }
	| { kind: 'sync'; device: number; from: number; dt: number };

const device = fc.integer({ min: 0, max: 2 });
const dt = fc.integer({ min: 0, max: 5 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc.record({ kind: fc.constant('edit' as const), device, pick: fc.nat(8), dt })
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, dt }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), dt }) },
	{
		weight: 3,
		arbitrary: fc.record({ kind: fc.constant('sync' as const), device, from: device, dt })
	}
);

/** Every state three devices and the server's erasures produce along a random history. */
function statesOf(steps: Step[]): ClientDoc[] {
	let now = T0;
	const clocks = [0, 1, 2].map((i) => new HybridClock(`dev${i}`, () => now));
	const first: ClientFields = {
		...emptyClientFields(),
		firstName: 'Maria',
		lastName: 'Rossi',
		phones: [{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' }],
		allergies: ['nichel']
	};
	const created = stampWrite(null, first, clocks[0]!.tick());
	const start: ClientDoc = {
		...created.fields,
		id: 'c1',
		sortName: sortNameOf(first),
		createdAt: now,
		createdBy: 'dev0',
		updatedAt: now,
		clock: created.clock,
		sets: created.sets,
		_deleted: false
	};
	const docs = [start, start, start];
	const states: ClientDoc[] = [start];
	for (const step of steps) {
		now += step.dt;
		if (step.kind === 'erase') {
			states.push(toErasedClient('c1', now));
			continue;
		}
		const doc = docs[step.device]!;
		if (step.kind === 'sync') {
			docs[step.device] = mergeClients(doc, docs[step.from]!);
		} else if (doc._deleted) {
			continue; // a deleted card is not shown, so nobody edits it on that device
		} else if (step.kind === 'delete') {
			docs[step.device] = toTombstone(doc, clocks[step.device]!.tick(), now);
		} else {
			// A stale device keeps editing whatever it shows, even a card erased elsewhere.
			const next = {
				...doc,
				firstName: NAMES[step.pick % NAMES.length]!,
				tags: [...doc.tags, TAGS[step.pick % TAGS.length]!]
			};
			const s = stampWrite(
				{ fields: doc, clock: doc.clock, sets: doc.sets },
				next,
				clocks[step.device]!.tick()
			);
			docs[step.device] = {
				...doc,
				...s.fields,
				clock: s.clock,
				sets: s.sets,
				updatedAt: now,
				_deleted: false
			};
		}
		states.push(docs[step.device]!);
	}
	return states;
}

const historyArb = fc.record({
	steps: fc.array(stepArb, { minLength: 1, maxLength: 20 }),
	order: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
	dups: fc.array(fc.nat(), { maxLength: 6 })
});

const hasErasure = (steps: Step[]) => steps.some((s) => s.kind === 'erase');
const emptied = canonicalJson({ ...emptyClientFields(), sortName: '', createdBy: '' });
const personalPart = (d: ClientDoc) => {
	const { id: _i, createdAt: _c, updatedAt: _u, clock: _k, _deleted: _d, sets: _s, ...rest } = d;
	return canonicalJson(rest);
};

describe('merge rule 5: an erasure absorbs every version of the card', () => {
	it('merge(erased, x) = erased and merge(x, erased) = erased, for any state x', () => {
		fc.assert(
			fc.property(historyArb, fc.nat(), (h, i) => {
				const states = statesOf(h.steps);
				const erased = toErasedClient('c1', T0 + 1);
				const x = states[i % states.length]!;
				// Two erasures of one card: either one, the same on both sides (a total order).
				if (isErasedClient(x)) {
					const both = canonicalJson(mergeClients(erased, x));
					expect([canonicalJson(erased), canonicalJson(x)]).toContain(both);
					expect(canonicalJson(mergeClients(x, erased))).toBe(both);
					return;
				}
				expect(canonicalJson(mergeClients(erased, x))).toBe(canonicalJson(erased));
				expect(canonicalJson(mergeClients(x, erased))).toBe(canonicalJson(erased));
			}),
			{ numRuns: 300 }
		);
	});

	it('is commutative, associative and idempotent with erasures among the states', () => {
		fc.assert(
			fc.property(historyArb, fc.nat(), fc.nat(), fc.nat(), (h, i, j, k) => {
				const states = statesOf(h.steps);
				const a = states[i % states.length]!;
				const b = states[j % states.length]!;
				const c = states[k % states.length]!;
				expect(isEqualDoc(mergeClients(a, b), mergeClients(b, a))).toBe(true);
				expect(
					isEqualDoc(mergeClients(mergeClients(a, b), c), mergeClients(a, mergeClients(b, c)))
				).toBe(true);
				const ab = mergeClients(a, b);
				expect(isEqualDoc(mergeClients(ab, ab), ab)).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('every delivery order, with duplicates, ends erased and empty once an erasure is in', () => {
		fc.assert(
			fc.property(historyArb, (h) => {
				const states = statesOf(h.steps);
				const order = states
					.map((_, i) => i)
					.sort((x, y) => h.order[x % 40]! - h.order[y % 40]! || x - y);
				const inbox = [...order, ...h.dups].map((i) => states[i % states.length]!);
				const shuffled = inbox.reduce((acc, s) => mergeClients(acc, s));
				const inOrder = states.reduce((acc, s) => mergeClients(acc, s));
				expect(canonicalJson(shuffled)).toBe(canonicalJson(inOrder));
				if (!hasErasure(h.steps)) return;
				expect(isErasedClient(shuffled)).toBe(true);
				expect(shuffled._deleted).toBe(true);
				expect(personalPart(shuffled)).toBe(emptied);
				expect(shuffled.sets).toBeUndefined();
				// Only the erasure's stamps: no field history survives.
				expect(Object.keys(shuffled.clock).sort()).toEqual(['_deleted', ERASED_CLOCK_KEY]);
				expect(documentSchemaFor('clients').safeParse(shuffled).success).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('the wire refuses a live card that carries the erasure stamp', () => {
		const live = { ...toErasedClient('c1', T0), firstName: 'Maria', _deleted: false };
		const parsed = documentSchemaFor('clients').safeParse(live);
		expect(parsed.success).toBe(false);
	});
});

describe('attached documents of an erased client', () => {
	it('an erased visit keeps no data, passes the wire and wins over a stale edit', () => {
		const visit = {
			...makeVisit({ note: 'Colore 7.4', amountPaid: 5500, staffName: 'Giulia' }, 'v-1'),
			_deleted: false
		};
		const erased = erasedFormOf('visits', visit, T0)!;
		expect(erased).toMatchObject({ note: '', amountPaid: 0, staffName: '', services: [] });
		expect(documentSchemaFor('visits').safeParse(erased).success).toBe(true);
		const stale = { ...visit, note: 'Colore 8.1', updatedAt: visit.updatedAt + 99 };
		expect(mergeDocs('visits', stale, erased as typeof stale)).toEqual(erased);
		expect(mergeDocs('visits', erased as typeof stale, stale)).toEqual(erased);
	});

	it('notes, files and links: the erased form is a valid tombstone that wins', () => {
		const note = {
			id: 'n1',
			clientId: 'c1',
			text: 'Allergica al nichel',
			author: 'Giulia',
			deviceId: 'dev1',
			deviceName: 'Tablet',
			createdAt: T0,
			pinned: true,
			clock: { created: `${T0}-0000-dev1`, pin: `${T0}-0000-dev1` },
			_deleted: false
		};
		const link = {
			id: 'c1~c2',
			a: 'c1',
			b: 'c2',
			kind: 'merge' as const,
			undone: false,
			by: 'dev1',
			staff: 'Giulia',
			at: T0,
			clock: { state: `${T0 + 9}-0000-dev1` },
			origin: 'manual' as const,
			choices: { firstName: 'Maria' },
			_deleted: false
		};
		for (const [collection, doc] of [
			['notes', note],
			['links', link]
		] as const) {
			const erased = erasedFormOf(collection, doc, T0)!;
			expect(documentSchemaFor(collection).safeParse(erased).success).toBe(true);
			expect(mergeDocs(collection, doc as never, erased as never)).toEqual(erased);
			expect(mergeDocs(collection, erased as never, doc as never)).toEqual(erased);
		}
		const consent = {
			...makeConsent({ clientId: 'c1', signerName: 'Maria Rossi' }),
			_deleted: false
		};
		const erasedConsent = erasedFormOf('consents', consent, T0)!;
		expect(documentSchemaFor('consents').safeParse(erasedConsent).success).toBe(true);
		expect(JSON.stringify(erasedConsent)).not.toContain('Maria');
		expect(mergeDocs('consents', consent, erasedConsent as typeof consent)).toEqual(erasedConsent);
		expect(mergeDocs('consents', erasedConsent as typeof consent, consent)).toEqual(erasedConsent);
		const file = erasedFormOf(
			'files',
			{ id: 'f1', clientId: 'c1', name: 'a.jpg', data: 'AAAA' },
			T0
		);
		expect(file).toMatchObject({ name: '', data: '', thumb: '', _deleted: true });
	});

	it("an import batch loses the erased clients' ids and values, and only when it named them", () => {
		const batch = {
			id: 'i1',
			createdIds: ['c1', 'c3'],
			filled: [
				{ id: 'c1', field: 'note', previous: '""', value: '"x"', clock: '' },
				{ id: 'c3', field: 'note', previous: '""', value: '"y"', clock: '' }
			]
		};
		const erased = new Set(['c1']);
		expect(withoutErasedClients(batch, erased)).toEqual({
			id: 'i1',
			createdIds: ['c3'],
			filled: [batch.filled[1]]
		});
		expect(withoutErasedClients(batch, new Set(['c9']))).toBeNull();
	});
});
