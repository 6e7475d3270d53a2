import { describe, expect, it } from 'vitest';
import { CLIENT_FIELDS, emptyClientFields, type ClientFields } from '../../src/lib/domain/client';
import { changedFields, deepEqual, stampClock } from '../../src/lib/domain/stamp';

const H1 = '1763942400000-0000-dev1';
const H2 = '1763942400001-0000-dev1';

function card(overrides: Partial<ClientFields> = {}): ClientFields {
	return { ...emptyClientFields(), firstName: 'Maria', lastName: 'Rossi', ...overrides };
}

describe('deepEqual', () => {
	it.each([
		[1, 1, true],
		['a', 'a', true],
		[null, null, true],
		[null, undefined, false],
		[0, '0', false],
		[NaN, NaN, true],
		[[1, 2], [1, 2], true],
		[[1, 2], [2, 1], false],
		[[1], [1, 1], false],
		[{ a: 1, b: [1] }, { b: [1], a: 1 }, true],
		[{ a: 1 }, { a: 1, b: 2 }, false],
		[{ a: 1, b: undefined }, { a: 1 }, true],
		[{ a: { b: { c: 'x' } } }, { a: { b: { c: 'y' } } }, false],
		[[], {}, false],
		[{}, null, false]
	])('deepEqual(%j, %j) = %s', (a, b, equal) => {
		expect(deepEqual(a, b)).toBe(equal);
		expect(deepEqual(b, a)).toBe(equal);
	});
});

describe('changedFields', () => {
	it('on create every field counts as changed', () => {
		expect(changedFields(null, card())).toEqual(CLIENT_FIELDS);
	});

	it('lists only the fields whose value differs', () => {
		const before = card({
			phones: [{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' }]
		});
		const after: ClientFields = {
			...structuredClone(before),
			lastName: 'Bianchi',
			address: { ...before.address, city: 'Roma' },
			consents: { ...before.consents, marketingSms: true }
		};
		expect(changedFields(before, after).sort()).toEqual(['address', 'consents', 'lastName']);
		expect(changedFields(before, structuredClone(before))).toEqual([]);
	});

	it('compares arrays in order', () => {
		expect(changedFields(card({ tags: ['vip', 'new'] }), card({ tags: ['new', 'vip'] }))).toEqual([
			'tags'
		]);
	});
});

describe('stampClock', () => {
	it('stamps every field on create', () => {
		const clock = stampClock(null, card(), {}, H1);
		expect(Object.keys(clock).sort()).toEqual([...CLIENT_FIELDS].sort());
		expect(new Set(Object.values(clock))).toEqual(new Set([H1]));
	});

	it('restamps only the changed fields and keeps the others', () => {
		const before = card();
		const clock1 = stampClock(null, before, {}, H1);
		const after = card({ note: 'Prefers mornings', allergies: ['nickel'] });
		const clock2 = stampClock(before, after, clock1, H2);
		expect(clock2.note).toBe(H2);
		expect(clock2.allergies).toBe(H2);
		expect(clock2.firstName).toBe(H1);
		expect(Object.entries(clock2).filter(([, h]) => h === H2)).toHaveLength(2);
		// The input clock is not mutated.
		expect(clock1.note).toBe(H1);
	});

	it('an unchanged save leaves the clock as it was', () => {
		const before = card();
		const clock1 = stampClock(null, before, {}, H1);
		expect(stampClock(before, structuredClone(before), clock1, H2)).toEqual(clock1);
	});
});
