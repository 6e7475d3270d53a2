import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { CLIENT_FIELDS, emptyClientFields, type ClientFields } from '$lib/domain/client';
import { HybridClock, compareHlc } from '$lib/domain/hlc';
import { newDeviceId } from '$lib/domain/ids';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import * as clients from '$lib/db/clients';
import { ValidationError } from '$lib/db/errors';

const open: SchedarioDatabase[] = [];
let counter = 0;

async function freshDatabase(): Promise<SchedarioDatabase> {
	const db = await createSchedarioDatabase({
		name: `client-repo-${Date.now()}-${counter++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	open.push(db);
	return db;
}

function context(): clients.WriteContext {
	const deviceId = newDeviceId();
	return { clock: new HybridClock(deviceId), deviceId, author: 'Giulia' };
}

function maria(overrides: Partial<ClientFields> = {}): ClientFields {
	return {
		...emptyClientFields(),
		firstName: 'Maria',
		lastName: 'Rossi',
		phones: [{ e164: '+393331234567', raw: '333 123 4567', label: 'mobile' }],
		emails: ['maria.rossi@example.it'],
		...overrides
	};
}

afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.close()));
});

describe('clients repository', () => {
	it('create stores the card and stamps every field with one HLC', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const created = await clients.create(db, maria({ lastName: 'Nicolò' }), ctx);

		expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(created.sortName).toBe('nicolo maria');
		expect(created.createdBy).toBe('Giulia');
		expect(Object.keys(created.clock).sort()).toEqual([...CLIENT_FIELDS].sort());
		expect(new Set(Object.values(created.clock)).size).toBe(1);
		expect(Object.values(created.clock)[0]).toBe(ctx.clock.last);

		const stored = await clients.get(db, created.id);
		expect(stored).toEqual(created);
	});

	it('update stamps only the changed fields, with a later HLC', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const created = await clients.create(db, maria(), ctx);
		const updated = await clients.update(
			db,
			created.id,
			{ lastName: 'Bianchi', note: 'Preferisce il martedì', phones: created.phones },
			ctx
		);

		expect(updated.lastName).toBe('Bianchi');
		expect(updated.sortName).toBe('bianchi maria');
		for (const field of CLIENT_FIELDS) {
			const before = created.clock[field] as string;
			const after = updated.clock[field] as string;
			if (field === 'lastName' || field === 'note') {
				expect(compareHlc(after, before), field).toBeGreaterThan(0);
			} else {
				expect(after, field).toBe(before);
			}
		}
		expect(await clients.get(db, created.id)).toEqual(updated);
	});

	it('an update that changes nothing writes nothing', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const created = await clients.create(db, maria(), ctx);
		const doc = await db.clients.findOne(created.id).exec();
		const same = await clients.update(db, created.id, { firstName: 'Maria' }, ctx);
		const after = await db.clients.findOne(created.id).exec();

		expect(same).toEqual(created);
		expect(after?.revision).toBe(doc?.revision);
	});

	it('an invalid update throws a ValidationError and changes nothing', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const created = await clients.create(db, maria(), ctx);
		const revision = (await db.clients.findOne(created.id).exec())?.revision;

		await expect(
			clients.update(db, created.id, { note: 'x'.repeat(5001) }, ctx)
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			clients.update(db, created.id, { firstName: '', lastName: ' ' }, ctx)
		).rejects.toMatchObject({ issues: [{ path: 'lastName', code: 'nameRequired' }] });
		await expect(
			clients.update(db, created.id, { gender: 'robot' } as unknown as Partial<ClientFields>, ctx)
		).rejects.toMatchObject({ code: 'validation', issues: [{ path: 'gender' }] });

		expect(await clients.get(db, created.id)).toEqual(created);
		expect((await db.clients.findOne(created.id).exec())?.revision).toBe(revision);
	});

	it('an invalid create throws and inserts nothing', async () => {
		const db = await freshDatabase();
		await expect(
			clients.create(db, maria({ emails: Array(11).fill('a@b.it') }), context())
		).rejects.toBeInstanceOf(ValidationError);
		expect(await clients.all(db)).toEqual([]);
	});

	it('concurrent local writes to different fields both survive', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const created = await clients.create(db, maria(), ctx);
		await Promise.all([
			clients.update(db, created.id, { note: 'A' }, ctx),
			clients.update(db, created.id, { profession: 'Avvocata' }, ctx),
			clients.modify(db, created.id, (c) => ({ tags: [...c.tags, 'vip'] }), ctx),
			clients.modify(db, created.id, (c) => ({ tags: [...c.tags, 'sposa'] }), ctx)
		]);
		const stored = await clients.get(db, created.id);
		expect(stored).toMatchObject({ note: 'A', profession: 'Avvocata' });
		expect(stored?.tags.slice().sort()).toEqual(['sposa', 'vip']);
	});

	it('delete leaves a tombstone without personal data', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const kept = await clients.create(db, maria({ firstName: 'Anna' }), ctx);
		const gone = await clients.create(db, maria({ note: 'allergica al nichel' }), ctx);
		await clients.remove(db, gone.id);

		expect(await clients.get(db, gone.id)).toBeUndefined();
		expect((await clients.all(db)).map((c) => c.id)).toEqual([kept.id]);

		const raw = await db.clients.storageInstance.findDocumentsById([gone.id], true);
		expect(raw).toHaveLength(1);
		expect(raw[0]).toMatchObject({
			id: gone.id,
			_deleted: true,
			firstName: '',
			lastName: '',
			note: '',
			phones: [],
			emails: []
		});
	});

	it('a delete with a context stamps clock._deleted and drops the set metadata', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const gone = await clients.create(db, maria({ allergies: ['nichel'] }), ctx);
		expect(Object.keys(gone.sets?.allergies ?? {})).toEqual(['nichel']);
		await clients.remove(db, gone.id, ctx);

		const raw = await db.clients.storageInstance.findDocumentsById([gone.id], true);
		const tombstone = raw[0] as unknown as Record<string, unknown> & {
			clock: Record<string, string>;
		};
		expect(tombstone.sets).toBeUndefined();
		// Who created the card is a staff id, not the client's data: the tombstone keeps it.
		expect(tombstone.createdBy).toBe(gone.createdBy);
		expect(tombstone.clock._deleted).toBe(ctx.clock.last);
		expect(compareHlc(tombstone.clock._deleted as string, gone.clock.firstName as string)).toBe(1);
	});

	it('every write keeps the add-wins set metadata and derives the arrays from it', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const created = await clients.create(db, maria({ tags: ['vip', 'VIP', 'sposa'] }), ctx);
		// 'VIP' is the same element as 'vip' (folded): typed twice, kept once.
		expect(created.tags).toEqual(['vip', 'sposa']);
		const addTag = Object.keys(created.sets?.tags.vip?.a ?? {})[0];
		expect(addTag).toBe(`${ctx.clock.last}#0`);

		const relabelled = await clients.update(
			db,
			created.id,
			{
				tags: ['sposa'],
				phones: [{ e164: '+393331234567', raw: '333 123 4567', label: 'work' }]
			},
			ctx
		);
		expect(relabelled.tags).toEqual(['sposa']);
		// The removal records the tag it saw; the relabel is a remove and an add.
		expect(relabelled.sets?.tags.vip).toEqual({ a: {}, r: [addTag] });
		const phone = relabelled.sets?.phones['+393331234567'];
		expect(phone?.r).toHaveLength(1);
		expect(Object.values(phone?.a ?? {})).toEqual([
			{ e164: '+393331234567', raw: '333 123 4567', label: 'work' }
		]);
		expect(await clients.get(db, created.id)).toEqual(relabelled);

		// Re-ordering a set is not a change: the order is that of the first add.
		const same = await clients.update(db, created.id, { tags: ['sposa'] }, ctx);
		expect(same).toEqual(relabelled);
	});

	it('changes$ reports inserts, updates and deletions, one batch per write', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const seen: clients.ClientChange[] = [];
		const batches: number[] = [];
		const subscription = clients.changes$(db).subscribe((batch) => {
			batches.push(batch.length);
			seen.push(...batch);
		});
		const created = await clients.create(db, maria(), ctx);
		await clients.update(db, created.id, { note: 'ciao' }, ctx);
		await clients.remove(db, created.id);
		const many = await clients.bulkCreate(db, [maria(), maria(), maria()], ctx);
		subscription.unsubscribe();

		expect(batches).toEqual([1, 1, 1, 3]);
		expect(seen.slice(3).map((c) => (c.kind === 'upsert' ? c.client.id : c.id))).toEqual(
			many.map((c) => c.id)
		);
		seen.splice(3);

		expect(seen.map((c) => c.kind)).toEqual(['upsert', 'upsert', 'remove']);
		expect(seen[1]).toMatchObject({ kind: 'upsert', client: { id: created.id, note: 'ciao' } });
		expect(seen[2]).toEqual({ kind: 'remove', id: created.id, lwt: expect.any(Number) });
		// Each change carries its storage write time, newer with every write (list-snapshot.ts).
		const [a, b, c] = seen.map((change) => change.lwt) as [number, number, number];
		expect(a).toBeLessThan(b);
		expect(b).toBeLessThan(c);
	});
});
