// Staff members: the PIN (salted PBKDF2, never in clear), the synced document and its merge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HybridClock } from '$lib/domain/hlc';
import { mergeDocs } from '$lib/domain/merge';
import { hashPin, NO_PIN, verifyPin } from '$lib/domain/pin';
import {
	lockScreenOrder,
	mergeStaff,
	stampStaff,
	staffInputSchema,
	type StaffFields,
	type StaffMember
} from '$lib/domain/staff';
import { canonicalJson, documentSchemaFor } from '$lib/domain/sync-protocol';
import { makeStaff } from '../fixtures/staff';

// Few iterations keep the tests fast; the count is stored, so verification uses the same.
const FAST = 1000;

describe('PIN hashing', () => {
	it('verifies the right PIN and refuses a wrong one', async () => {
		const stored = await hashPin('4821', FAST);
		expect(await verifyPin('4821', stored)).toBe(true);
		expect(await verifyPin('4822', stored)).toBe(false);
		expect(await verifyPin('48210', stored)).toBe(false);
	});

	it('salts every hash and never stores the PIN itself', async () => {
		const a = await hashPin('123456', FAST);
		const b = await hashPin('123456', FAST);
		expect(a.pinSalt).not.toBe(b.pinSalt);
		expect(a.pinHash).not.toBe(b.pinHash);
		expect(JSON.stringify(a)).not.toContain('123456');
		expect(a.pinIterations).toBe(FAST);
		expect(atob(a.pinHash)).toHaveLength(32);
	});

	it('uses the iteration count stored with the hash', async () => {
		const stored = await hashPin('0000', 2000);
		expect(await verifyPin('0000', stored)).toBe(true);
		expect(await verifyPin('0000', { ...stored, pinIterations: 1000 })).toBe(false);
	});

	it('accepts only 4 to 8 digits', async () => {
		for (const bad of ['123', '123456789', '12a4', ' 1234', '']) {
			await expect(hashPin(bad, FAST)).rejects.toThrow();
		}
		await expect(hashPin('12345678', FAST)).resolves.toMatchObject({ pinIterations: FAST });
	});

	it('matches nothing without a PIN or with a corrupted hash', async () => {
		expect(await verifyPin('1234', NO_PIN)).toBe(false);
		const stored = await hashPin('1234', FAST);
		expect(await verifyPin('1234', { ...stored, pinSalt: '%%%' })).toBe(false);
		expect(await verifyPin('1234', { ...stored, pinHash: btoa('short') })).toBe(false);
	});
});

function edit(m: StaffMember, patch: Partial<StaffFields>, clock: HybridClock): StaffMember {
	const next = { ...m, ...patch };
	return { ...next, clock: stampStaff(m, next, clock.tick()) };
}

describe('staff documents', () => {
	it('the wire refuses a PIN in clear and unknown roles', () => {
		const schema = documentSchemaFor('staff');
		const doc = { ...makeStaff(), _deleted: false };
		expect(schema.safeParse(doc).success).toBe(true);
		expect(schema.safeParse({ ...doc, pin: '1234' }).success).toBe(false);
		expect(schema.safeParse({ ...doc, role: 'Owner!' }).success).toBe(false);
		expect(schema.safeParse({ ...doc, name: '' }).success).toBe(false);
	});

	it('the form input trims the name and needs one', () => {
		const input = { name: '  Anna ', role: 'reception', locationId: null, active: true };
		expect(staffInputSchema.parse(input).name).toBe('Anna');
		expect(staffInputSchema.safeParse({ ...input, name: '   ' }).success).toBe(false);
	});

	it('merges per field: a rename on one device and a role change on another both survive', () => {
		let t = 1_763_942_500_000;
		const tablet = new HybridClock('tablet', () => t);
		const desk = new HybridClock('desk', () => t);
		const base = makeStaff({ clock: stampStaff(null, makeStaff(), '1763942400000-0000-dev1') });
		const a = { ...edit(base, { name: 'Giulia B.' }, tablet), editedBy: 'owner-1' };
		t += 1000;
		const b = { ...edit(base, { role: 'reception' }, desk), editedBy: 'owner-2' };
		const merged = mergeStaff(a, b);
		expect(merged.name).toBe('Giulia B.');
		expect(merged.role).toBe('reception');
		// The later write's author.
		expect(merged.editedBy).toBe('owner-2');
		expect(canonicalJson(mergeStaff(b, a))).toBe(canonicalJson(merged));
		expect(
			canonicalJson(mergeDocs('staff', { ...a, _deleted: false }, { ...b, _deleted: false }))
		).toBe(canonicalJson(merged));
	});

	it('keeps the three PIN fields of one write together', async () => {
		let t = 1_763_942_500_000;
		const tablet = new HybridClock('tablet', () => t);
		const desk = new HybridClock('desk', () => t);
		const base = makeStaff({ clock: stampStaff(null, makeStaff(), '1763942400000-0000-dev1') });
		const pinA = await hashPin('1111', FAST);
		const pinB = await hashPin('2222', FAST);
		const a = edit(base, pinA, tablet);
		t += 1;
		const b = edit(base, pinB, desk);
		const merged = mergeStaff(a, b);
		expect(await verifyPin('2222', merged)).toBe(true);
		expect(merged.pinSalt).toBe(pinB.pinSalt);
	});

	it('is a join: commutative, associative, idempotent over random edits', () => {
		const fieldEdit = fc.oneof(
			fc.record({ name: fc.constantFrom('Anna', 'Bea', 'Carla') }),
			fc.record({ role: fc.constantFrom('owner', 'reception', 'therapist') }),
			fc.record({ active: fc.boolean() }),
			fc.record({ locationId: fc.constantFrom(null, 'loc-1', 'loc-2') }),
			fc.record({ pinHash: fc.constantFrom('h1', 'h2'), pinSalt: fc.constantFrom('s1', 's2') })
		);
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fieldEdit), { maxLength: 8 }),
				(edits) => {
					let t = 1_763_942_500_000;
					const clocks = ['a', 'b', 'c'].map((n) => new HybridClock(`dev${n}`, () => t));
					const base = makeStaff({ id: 's', clock: {} });
					const versions: StaffMember[] = [base, base, base];
					for (const [who, patch] of edits) {
						t += 7;
						versions[who] = edit(versions[who]!, patch, clocks[who]!);
					}
					const [x, y, z] = versions as [StaffMember, StaffMember, StaffMember];
					const j = (p: StaffMember, q: StaffMember) => canonicalJson(mergeStaff(p, q));
					expect(j(x, y)).toBe(j(y, x));
					expect(canonicalJson(mergeStaff(mergeStaff(x, y), z))).toBe(
						canonicalJson(mergeStaff(x, mergeStaff(y, z)))
					);
					expect(canonicalJson(mergeStaff(x, x))).toBe(canonicalJson({ ...x, _deleted: false }));
				}
			)
		);
	});
});

describe('lock screen order', () => {
	it('lists who can sign in, this location first, others last', () => {
		const here = makeStaff({ name: 'Zoe', locationId: 'milano', pinHash: 'h' });
		const any = makeStaff({ name: 'Bea', locationId: null, pinHash: 'h' });
		const away = makeStaff({ name: 'Anna', locationId: 'roma', pinHash: 'h' });
		const inactive = makeStaff({ name: 'Carla', active: false, pinHash: 'h' });
		const noPin = makeStaff({ name: 'Dora' });
		const order = lockScreenOrder([here, any, away, inactive, noPin], 'milano');
		expect(order.map((m) => m.name)).toEqual(['Bea', 'Zoe', 'Anna']);
		expect(lockScreenOrder([here, away], null).map((m) => m.name)).toEqual(['Anna', 'Zoe']);
	});
});
