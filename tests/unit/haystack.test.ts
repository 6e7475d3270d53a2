import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, Haystack } from '../../src/lib/domain/haystack';

/** Slots whose count moved from 0 to 1 for `needle`, sorted. */
function found(h: Haystack, needle: string, slots = 4 * CHUNK_SIZE): number[] {
	const counts = new Uint16Array(slots);
	const moved = h.mark(needle, counts, 0);
	const hit = [...counts.keys()].filter((slot) => counts[slot] === 1);
	expect(moved).toBe(hit.length);
	return hit;
}

describe('Haystack', () => {
	it('finds each text containing the needle once, however often it occurs', () => {
		const h = new Haystack();
		h.set(0, ' maria rossi');
		h.set(1, ' rosa ross');
		h.set(2, 'ross\nross');
		h.set(3, ' anna verdi');
		expect(found(h, 'ross')).toEqual([0, 1, 2]);
		expect(found(h, ' ro')).toEqual([0, 1]);
		expect(found(h, 'zz')).toEqual([]);
		expect(found(h, '')).toEqual([]);
	});

	it('never matches across two texts', () => {
		const h = new Haystack();
		h.set(0, 'abc');
		h.set(1, 'def');
		expect(found(h, 'cd')).toEqual([]);
		expect(found(h, 'c')).toEqual([0]);
		expect(found(h, 'd')).toEqual([1]);
	});

	it('moves only slots at the expected count, so calls chain into an AND', () => {
		const h = new Haystack();
		h.set(0, ' maria rossi');
		h.set(1, ' mario verdi');
		h.set(2, ' sara rossi');
		const counts = new Uint16Array(3);
		expect(h.mark(' mar', counts, 0)).toBe(2);
		expect(h.mark(' ross', counts, 1)).toBe(1);
		expect([...counts]).toEqual([2, 1, 0]);
	});

	it('follows replacements and deletions across chunks', () => {
		const h = new Haystack();
		const n = 2 * CHUNK_SIZE + 7;
		for (let slot = 0; slot < n; slot++) h.set(slot, `t${slot};`);
		expect(h.size).toBe(n);
		h.set(5, 'replaced');
		h.delete(6);
		h.delete(n - 1);
		h.delete(6); // already gone: nothing happens
		expect(h.size).toBe(n - 2);
		expect(found(h, 't5;')).toEqual([]);
		expect(found(h, 'replaced')).toEqual([5]);
		expect(found(h, 't6;')).toEqual([]);
		// The text moved into slot 6's place is still found under its own slot.
		expect(found(h, `t${CHUNK_SIZE - 1};`)).toEqual([CHUNK_SIZE - 1]);
		h.set(6, 'back');
		expect(found(h, 'back')).toEqual([6]);
		h.clear();
		expect(h.size).toBe(0);
		expect(found(h, 't1')).toEqual([]);
	});

	it('agrees with includes() on each text (property)', () => {
		const text = fc.string({ unit: fc.constantFrom(...'ab \n1'.split('')), maxLength: 8 });
		const op = fc.oneof(
			fc.record({ slot: fc.nat(40), text: fc.option(text, { nil: null }) }),
			fc.constant(null)
		);
		fc.assert(
			fc.property(
				fc.array(op, { maxLength: 60 }),
				fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1'), minLength: 1, maxLength: 3 }),
				(ops, needle) => {
					const h = new Haystack();
					const model = new Map<number, string>();
					for (const o of ops) {
						if (o === null) continue;
						if (o.text === null) {
							h.delete(o.slot);
							model.delete(o.slot);
						} else {
							h.set(o.slot, o.text);
							model.set(o.slot, o.text);
						}
					}
					const expected = [...model]
						.filter(([, t]) => t.includes(needle))
						.map(([slot]) => slot)
						.sort((a, b) => a - b);
					expect(found(h, needle, 41)).toEqual(expected);
				}
			),
			{ numRuns: 300 }
		);
	});
});
