// Merge rules by example (DESIGN.md › Merge rules): two devices start from one synced card and
// edit it offline; merging their versions must keep what each meant.
import { describe, expect, it } from 'vitest';
import { emptyClientFields, type ClientFields, type Phone } from '../../src/lib/domain/client';
import { HybridClock } from '../../src/lib/domain/hlc';
import {
	conflictHandlerFor,
	isEqualDoc,
	mergeClients,
	mergeDocs,
	resolveConflict,
	toTombstone,
	type ClientDoc
} from '../../src/lib/domain/merge';
import { stampWrite } from '../../src/lib/domain/stamp';
import { documentSchemaFor } from '../../src/lib/domain/sync-protocol';

let now = 1_763_942_400_000;
const tablet = new HybridClock('tablet', () => now);
const reception = new HybridClock('reception', () => now);

function created(fields: Partial<ClientFields>): ClientDoc {
	const first = { ...emptyClientFields(), firstName: 'Maria', lastName: 'Rossi', ...fields };
	const s = stampWrite(null, first, reception.tick());
	return {
		...s.fields,
		id: 'c1',
		sortName: 'rossi maria',
		createdAt: now,
		createdBy: 'Reception',
		updatedAt: now,
		clock: s.clock,
		sets: s.sets,
		_deleted: false
	};
}

/** A local edit on `clock`'s device, as the repository writes it. */
function edit(doc: ClientDoc, clock: HybridClock, patch: Partial<ClientFields>): ClientDoc {
	now += 1;
	const s = stampWrite(
		{ fields: doc, clock: doc.clock, sets: doc.sets },
		{ ...doc, ...patch },
		clock.tick()
	);
	return { ...doc, ...s.fields, clock: s.clock, sets: s.sets, updatedAt: now };
}

const mobile: Phone = { e164: '+393331234567', raw: '333 1234567', label: 'mobile' };
const work: Phone = { e164: '+393479876543', raw: '347 9876543', label: 'work' };

describe('mergeClients: scalar fields', () => {
	it('takes each field from the later write, so edits of different fields both survive', () => {
		const base = created({ note: 'base' });
		const a = edit(base, tablet, { profession: 'Avvocata' });
		const b = edit(base, reception, { note: 'preferisce il mattino', firstName: 'Marta' });
		const merged = mergeClients(a, b);
		expect(merged).toMatchObject({
			profession: 'Avvocata',
			note: 'preferisce il mattino',
			firstName: 'Marta',
			sortName: 'rossi marta',
			updatedAt: Math.max(a.updatedAt, b.updatedAt)
		});
		expect(isEqualDoc(merged, mergeClients(b, a))).toBe(true);
	});

	it('breaks a same-millisecond tie on one field by the device id inside the stamp', () => {
		const base = created({});
		const a = edit(base, tablet, { note: 'from the tablet' });
		now -= 1; // both write in the same millisecond
		const b = edit(base, reception, { note: 'from reception' });
		// 'tablet' > 'reception' as node ids, so the tablet's stamp is the larger one.
		expect(mergeClients(a, b).note).toBe('from the tablet');
		expect(mergeClients(b, a).note).toBe('from the tablet');
	});
});

describe('mergeClients: add-wins sets', () => {
	it('keeps a concurrent add when the other device removes a different element', () => {
		const base = created({ allergies: ['nichel'] });
		const a = edit(base, tablet, { allergies: ['nichel', 'lattice'] });
		const b = edit(base, reception, { allergies: [] });
		expect(mergeClients(a, b).allergies).toEqual(['lattice']);
	});

	it('keeps an element added on one device while another removed the copy it had seen', () => {
		const base = created({ tags: ['vip'] });
		const removed = edit(base, tablet, { tags: [] });
		// Reception removes and adds it back: a new add the tablet never saw.
		const readded = edit(edit(base, reception, { tags: [] }), reception, { tags: ['vip'] });
		expect(mergeClients(removed, readded).tags).toEqual(['vip']);
	});

	it('a removal of an element the remover had seen sticks, even against an older copy', () => {
		const base = created({ tags: ['vip', 'sposa'] });
		const removed = edit(base, tablet, { tags: ['sposa'] });
		const unrelated = edit(base, reception, { note: 'x' });
		const merged = mergeClients(removed, unrelated);
		expect(merged.tags).toEqual(['sposa']);
		expect(mergeClients(merged, base).tags).toEqual(['sposa']);
	});

	it('unions concurrent adds and folds the same element typed differently into one', () => {
		const base = created({});
		const a = edit(base, tablet, { tags: ['VIP'], emails: ['maria@example.it'] });
		const b = edit(base, reception, { tags: ['vip', 'sposa'], categoryIds: ['c2'] });
		const merged = mergeClients(a, b);
		expect(merged.tags).toHaveLength(2);
		expect(merged.tags).toContain('sposa');
		expect(merged.emails).toEqual(['maria@example.it']);
		expect(merged.categoryIds).toEqual(['c2']);
	});

	it("a phone's new label replaces the old one; a concurrent new phone is kept too", () => {
		const base = created({ phones: [mobile] });
		const relabelled = edit(base, tablet, { phones: [{ ...mobile, label: 'home' }] });
		const added = edit(base, reception, { phones: [mobile, work] });
		expect(mergeClients(relabelled, added).phones).toEqual([{ ...mobile, label: 'home' }, work]);
	});
});

describe('mergeClients: more elements than a field shows', () => {
	const phone = (n: number): Phone => ({
		e164: `+3933312345${String(n).padStart(2, '0')}`,
		raw: `333 12345${String(n).padStart(2, '0')}`,
		label: 'mobile'
	});

	it('shows the first ten phones, keeps the rest, and a write removes only what it showed', () => {
		const base = created({});
		const a = edit(base, tablet, { phones: [0, 1, 2, 3, 4, 5].map(phone) });
		const b = edit(base, reception, { phones: [6, 7, 8, 9, 10, 11].map(phone) });
		const merged = mergeClients(a, b);
		expect(merged.phones).toHaveLength(10);
		expect(Object.keys(merged.sets?.phones ?? {})).toHaveLength(12);
		expect(documentSchemaFor('clients').safeParse(merged).success).toBe(true);

		const hidden = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
			.map(phone)
			.filter((p) => !merged.phones.some((q) => q.e164 === p.e164));
		expect(hidden).toHaveLength(2);
		// Removing one shown phone brings the first hidden one into view; the other stays.
		const fewer = edit(merged, tablet, { phones: merged.phones.slice(1) });
		expect(fewer.phones).toHaveLength(10);
		expect(fewer.phones).toContainEqual(hidden[0]);
		expect(
			Object.values(fewer.sets?.phones ?? {}).filter((e) => Object.keys(e.a).length > 0)
		).toHaveLength(11);
	});
});

describe('mergeClients: deletes', () => {
	it('a delete after every edit wins and leaves no personal data', () => {
		const base = created({ note: 'allergica', phones: [mobile] });
		const a = edit(base, tablet, { note: 'allergica al nichel' });
		now += 1;
		const gone = toTombstone(base, reception.tick(), now);
		const merged = mergeClients(a, gone);
		expect(merged._deleted).toBe(true);
		expect(merged).toMatchObject({
			note: '',
			phones: [],
			firstName: '',
			sortName: '',
			// Bookkeeping, not the client's data: who created the card (merge-properties.test.ts).
			createdBy: base.createdBy
		});
		expect(merged.sets).toBeUndefined();
		expect(isEqualDoc(merged, mergeClients(gone, a))).toBe(true);
	});

	it('an edit after the delete revives the card with only what was written after it', () => {
		const base = created({ note: 'old', phones: [mobile] });
		now += 1;
		const gone = toTombstone(base, tablet.tick(), now);
		const later = edit(base, reception, { lastName: 'Bianchi', phones: [mobile, work] });
		const merged = mergeClients(gone, later);
		expect(merged._deleted).toBe(false);
		expect(merged).toMatchObject({ lastName: 'Bianchi', firstName: '', note: '', phones: [work] });
	});

	it('reads a tombstone without a delete stamp as deleted at its last write', () => {
		const base = created({ note: 'x' });
		const legacy = toTombstone(base, undefined, now);
		expect(mergeClients(legacy, base)._deleted).toBe(true);
		const later = edit(base, tablet, { note: 'y' });
		expect(mergeClients(legacy, later)).toMatchObject({ _deleted: false, note: 'y' });
	});
});

describe('cards without set metadata (written before it existed)', () => {
	it('merge as if every element was added by the field’s last write', () => {
		const base = created({ allergies: ['nichel'] });
		const { sets: _sets, ...bare } = base;
		expect(isEqualDoc(mergeClients(bare, bare), base)).toBe(true);
		const removed = edit(base, tablet, { allergies: [] });
		expect(mergeClients(bare, removed).allergies).toEqual([]);
	});
});

describe('mergeDocs for configuration collections', () => {
	const category = { id: 'k1', name: 'VIP', color: '#ff0000', createdAt: 1, _deleted: false };

	it('categories and sources: a tombstone wins, else one deterministic version', () => {
		const renamed = { ...category, name: 'Vip gold' };
		const deleted = { ...category, _deleted: true };
		expect(mergeDocs('categories', renamed, deleted)).toBe(deleted);
		expect(mergeDocs('sources', deleted, renamed)).toBe(deleted);
		expect(mergeDocs('categories', category, renamed)).toEqual(
			mergeDocs('categories', renamed, category)
		);
	});

	it('settings: the later updatedAt wins, a tie is broken the same way on both sides', () => {
		const older = { key: 'salonName', value: 'Bella', updatedAt: 10, _deleted: false };
		const newer = { key: 'salonName', value: 'Bellissima', updatedAt: 11, _deleted: false };
		expect(mergeDocs('settings', older, newer)).toBe(newer);
		expect(mergeDocs('settings', newer, older)).toBe(newer);
		const tie = { ...older, value: 'Zeta' };
		expect(mergeDocs('settings', older, tie)).toBe(mergeDocs('settings', tie, older));
	});
});

describe('conflict handler helpers', () => {
	it('resolveConflict merges the local and the master version', () => {
		const base = created({});
		const local = edit(base, tablet, { tags: ['vip'] });
		const master = edit(base, reception, { note: 'dal server' });
		expect(resolveConflict({ newDocumentState: local, realMasterState: master })).toMatchObject({
			tags: ['vip'],
			note: 'dal server'
		});
	});

	it('conflictHandlerFor resolves with the collection given, whatever context RxDB passes', async () => {
		const older = { key: 'salonName', value: 'Bella', updatedAt: 10, _deleted: false };
		const newer = { ...older, value: 'Bellissima', updatedAt: 11 };
		const handler = conflictHandlerFor<typeof older>('settings');
		const resolve = handler.resolve as (i: unknown, context: string) => Promise<typeof older>;
		expect(await resolve({ newDocumentState: older, realMasterState: newer }, 'replication')).toBe(
			newer
		);
		expect(handler.isEqual(older, { ...older })).toBe(true);
	});

	it('isEqualDoc ignores key order and RxDB bookkeeping, not data', () => {
		expect(isEqualDoc({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1, _rev: '1-x' })).toBe(
			true
		);
		expect(isEqualDoc({ a: 1 }, { a: 2 })).toBe(false);
		expect(isEqualDoc({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
	});
});
