// Bulk actions on the list: one storage write for many cards, stamped like single writes so the
// merge rules still hold when another device edited the same cards offline.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as clients from '$lib/db/clients';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { ValidationError } from '$lib/db/errors';
import { emptyClientFields, type Client, type ClientFields } from '$lib/domain/client';
import { HybridClock, compareHlc } from '$lib/domain/hlc';
import { DELETED_CLOCK_KEY, mergeClients } from '$lib/domain/merge';
import { stampWrite } from '$lib/domain/stamp';

const open: SchedarioDatabase[] = [];
let counter = 0;

async function freshDatabase(): Promise<SchedarioDatabase> {
	const db = await createSchedarioDatabase({
		name: `clients-bulk-${Date.now()}-${counter++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	open.push(db);
	return db;
}

afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.close()));
});

let now = Date.now();
const context = (device: string): clients.WriteContext => ({
	clock: new HybridClock(device, () => now),
	deviceId: device,
	author: ''
});

const person = (firstName: string, extra: Partial<ClientFields> = {}): ClientFields => ({
	...emptyClientFields(),
	firstName,
	lastName: 'Rossi',
	...extra
});

/** Another device's offline edit of a card it had synced before the bulk action. */
function remoteEdit(base: Client, clock: HybridClock, patch: Partial<ClientFields>): Client {
	now += 1;
	const previous = { fields: clients.fieldsOf(base), clock: base.clock, sets: base.sets };
	const s = stampWrite(previous, { ...clients.fieldsOf(base), ...patch }, clock.tick());
	return { ...base, ...s.fields, clock: s.clock, sets: s.sets };
}

async function seed(db: SchedarioDatabase, ctx: clients.WriteContext, n: number) {
	const list = Array.from({ length: n }, (_, i) =>
		person(`P${i}`, i === 0 ? { categoryIds: ['vip'] } : {})
	);
	return clients.bulkCreate(db, list, ctx);
}

describe('bulkModify', () => {
	it('writes every changed card in one storage write, each stamped with the same new HLC', async () => {
		const db = await freshDatabase();
		const ctx = context('reception');
		const cards = await seed(db, ctx, 5);
		const created = ctx.clock.last!;
		const batches: number[] = [];
		const sub = clients.changes$(db).subscribe((batch) => batches.push(batch.length));
		now += 10;

		const result = await clients.bulkModify(
			db,
			cards.map((c) => c.id),
			(c) => ({ categoryIds: [...c.categoryIds, 'vip'] }),
			ctx
		);
		sub.unsubscribe();

		expect(result.written).toHaveLength(4);
		expect(result.unchanged).toBe(1); // P0 was already in the category
		expect(result.missing).toEqual([]);
		expect(batches).toEqual([4]);
		const stamps = new Set(result.written.map((c) => c.clock.categoryIds));
		expect(stamps.size).toBe(1);
		const [stamp] = [...stamps];
		expect(stamp).toBe(ctx.clock.last);
		expect(compareHlc(stamp!, created)).toBeGreaterThan(0);
		// Only the changed field is stamped: the name keeps its creation stamp.
		expect(result.written[0]!.clock.firstName).toBe(created);
		for (const c of cards) expect((await clients.get(db, c.id))?.categoryIds).toEqual(['vip']);
	});

	it('a concurrent add on another device survives a bulk removal from the category', async () => {
		const db = await freshDatabase();
		const ctx = context('reception');
		const [card] = await seed(db, ctx, 1);
		const tablet = new HybridClock('tablet', () => now);
		// The tablet, offline, adds a second category to the card it had synced.
		const offline = remoteEdit(card!, tablet, { categoryIds: ['vip', 'sposa'] });
		now += 10;
		const result = await clients.bulkModify(
			db,
			[card!.id],
			(c) => ({ categoryIds: c.categoryIds.filter((id) => id !== 'vip') }),
			ctx
		);
		const merged = mergeClients(result.written[0]!, offline);
		expect(merged.categoryIds).toEqual(['sposa']);
		expect(mergeClients(offline, result.written[0]!)).toEqual(merged);
	});

	it('a later edit on another device undoes a bulk archive (per-field last writer)', async () => {
		const db = await freshDatabase();
		const ctx = context('reception');
		const cards = await seed(db, ctx, 3);
		now += 10;
		const { written } = await clients.bulkModify(
			db,
			cards.map((c) => c.id),
			() => ({ archived: true }),
			ctx
		);
		expect(written.every((c) => c.archived)).toBe(true);
		const tablet = new HybridClock('tablet', () => now);
		tablet.receive(ctx.clock.last!);
		const unarchived = remoteEdit(written[1]!, tablet, { archived: false });
		expect(mergeClients(written[1]!, unarchived).archived).toBe(false);
		// …and an older offline edit of another field keeps the archive and its own change.
		const older = { ...cards[2]!, note: 'old', clock: { ...cards[2]!.clock } };
		const merged = mergeClients(written[2]!, older);
		expect(merged.archived).toBe(true);
	});

	it('an invalid patch throws before anything is written', async () => {
		const db = await freshDatabase();
		const ctx = context('reception');
		const cards = await seed(db, ctx, 3);
		await expect(
			clients.bulkModify(
				db,
				cards.map((c) => c.id),
				(c) => (c.firstName === 'P2' ? { firstName: 'x'.repeat(500) } : { archived: true }),
				ctx
			)
		).rejects.toBeInstanceOf(ValidationError);
		for (const c of cards) expect((await clients.get(db, c.id))?.archived).toBe(false);
	});

	it('reports ids that are gone and changes the rest', async () => {
		const db = await freshDatabase();
		const ctx = context('reception');
		const [a, b] = await seed(db, ctx, 2);
		await clients.remove(db, b!.id, ctx);
		const result = await clients.bulkModify(
			db,
			[a!.id, b!.id, 'nope'],
			() => ({ archived: true }),
			ctx
		);
		expect(result.written.map((c) => c.id)).toEqual([a!.id]);
		expect(result.missing.sort()).toEqual([b!.id, 'nope'].sort());
	});
});

describe('bulkRemove', () => {
	it('deletes in one write with stamped tombstones that keep no personal data', async () => {
		const db = await freshDatabase();
		const ctx = context('reception');
		const cards = await seed(db, ctx, 4);
		const batches: number[] = [];
		const sub = clients.changes$(db).subscribe((batch) => batches.push(batch.length));
		now += 10;
		const result = await clients.bulkRemove(
			db,
			cards.slice(0, 3).map((c) => c.id),
			ctx
		);
		sub.unsubscribe();
		expect(batches).toEqual([3]);
		expect(result.written).toHaveLength(3);
		for (const tomb of result.written) {
			expect(tomb.firstName).toBe('');
			expect(tomb.lastName).toBe('');
			expect(tomb.sets).toBeUndefined();
			expect(tomb.clock[DELETED_CLOCK_KEY]).toBe(ctx.clock.last);
		}
		const left = await clients.all(db);
		expect(left.map((c) => c.id)).toEqual([cards[3]!.id]);
	});

	it('the delete wins over an older offline edit from another device', async () => {
		const db = await freshDatabase();
		const ctx = context('reception');
		const [card] = await seed(db, ctx, 1);
		const tablet = new HybridClock('tablet', () => now);
		const offline = remoteEdit(card!, tablet, { note: 'edited offline' });
		now += 10;
		const { written } = await clients.bulkRemove(db, [card!.id], ctx);
		const merged = mergeClients(
			{ ...written[0]!, _deleted: true },
			{ ...offline, _deleted: false }
		);
		expect(merged._deleted).toBe(true);
		expect(merged.note).toBe('');
	});
});
