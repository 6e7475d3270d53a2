// Visits merge per field by HLC (merge.ts › mergeVisits): concurrent edits on two devices
// converge whatever the delivery order, and an edit to one field never undoes another's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HybridClock } from '$lib/domain/hlc';
import { canonicalJson } from '$lib/domain/sync-protocol';
import { mergeDocs, mergeVisits, type VisitDoc } from '$lib/domain/merge';
import { stampFields } from '$lib/domain/stamp';
import { VISIT_FIELDS, type Visit, type VisitFields } from '$lib/domain/visit';
import { makeVisit } from '../fixtures/visits';

function edit(v: Visit, patch: Partial<VisitFields>, clock: HybridClock): Visit {
	const next = { ...v, ...patch };
	return { ...next, clock: stampFields(v, next, VISIT_FIELDS, v.clock, clock.tick()) };
}

function base(): Visit {
	const v = makeVisit({ note: 'Colore 7.4', amountPaid: 5500, staffName: 'Giulia' }, 'v-1');
	return { ...v, clock: stampFields(null, v, VISIT_FIELDS, {}, '1763942400000-0000-dev1') };
}

describe('mergeVisits', () => {
	it('two devices edit different fields offline: both edits survive', () => {
		let t = 1_763_942_500_000;
		const tablet = new HybridClock('tablet', () => t);
		const reception = new HybridClock('reception', () => t);
		const v = base();
		const a = edit(v, { note: 'Colore 7.4 + 6.3, ossigeno 20 vol' }, tablet);
		t += 1000;
		const b = edit(v, { amountPaid: 6000, status: 'done' }, reception);
		const merged = mergeVisits(a, b);
		expect(merged.note).toBe('Colore 7.4 + 6.3, ossigeno 20 vol');
		expect(merged.amountPaid).toBe(6000);
		expect(canonicalJson(mergeVisits(b, a))).toBe(canonicalJson(merged));
	});

	it('the same field edited on both: the later stamp wins on every device', () => {
		let t = 1_763_942_500_000;
		const tablet = new HybridClock('tablet', () => t);
		const reception = new HybridClock('reception', () => t);
		const v = base();
		const early = edit(v, { note: 'first' }, reception);
		t += 5;
		const late = edit(v, { note: 'second' }, tablet);
		expect(mergeVisits(early, late).note).toBe('second');
		expect(mergeVisits(late, early).note).toBe('second');
		expect(mergeDocs('visits', early as VisitDoc, late as VisitDoc)).toEqual(
			mergeVisits(late, early)
		);
	});

	const patchArb = fc.record(
		{
			note: fc.string({ maxLength: 20 }),
			amountPaid: fc.integer({ min: 0, max: 100_000 }),
			status: fc.constantFrom('done', 'no-show', 'cancelled' as const),
			staffName: fc.constantFrom('', 'Giulia', 'Ana', 'Мария'),
			at: fc.constantFrom('2026-01-15T10:00', '2026-01-16T11:30')
		},
		{ requiredKeys: [] }
	);

	it('random concurrent histories converge: commutative, associative, idempotent', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(fc.integer({ min: 0, max: 2 }), patchArb, fc.integer({ min: 0, max: 3 })),
					{
						maxLength: 12
					}
				),
				(steps) => {
					let t = 1_763_942_500_000;
					const clocks = ['a', 'b', 'c'].map((id) => new HybridClock(id, () => t));
					const replicas: Visit[] = [base(), base(), base()];
					for (const [who, patch, advance] of steps) {
						t += advance;
						replicas[who] = edit(
							replicas[who] as Visit,
							patch as Partial<VisitFields>,
							clocks[who]!
						);
					}
					const [a, b, c] = replicas as [VisitDoc, VisitDoc, VisitDoc];
					const abc = canonicalJson(mergeVisits(mergeVisits(a, b), c));
					expect(canonicalJson(mergeVisits(a, mergeVisits(b, c)))).toBe(abc);
					expect(canonicalJson(mergeVisits(mergeVisits(c, a), b))).toBe(abc);
					expect(canonicalJson(mergeVisits(mergeVisits(b, a), mergeVisits(a, c)))).toBe(abc);
					expect(canonicalJson(mergeVisits(a, a))).toBe(canonicalJson({ ...a, _deleted: false }));
				}
			),
			{ numRuns: 200 }
		);
	});

	it('catalogue: a removed item stays removed, else the newer edit wins', () => {
		const item = {
			id: 'c',
			kind: 'service',
			name: 'Colore',
			price: 5500,
			active: true,
			createdAt: 1,
			updatedAt: 2
		};
		const repriced = { ...item, price: 6000, updatedAt: 5, _deleted: false };
		const removed = { ...item, _deleted: true };
		expect(mergeDocs('catalog', repriced, removed)).toBe(removed);
		expect(mergeDocs('catalog', removed, repriced)).toBe(removed);
		expect(mergeDocs('catalog', { ...item, _deleted: false }, repriced)).toBe(repriced);
	});
});
