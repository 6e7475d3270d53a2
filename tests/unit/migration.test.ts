// A real schema migration: a database written with client schema v0 is reopened by the app's
// createSchedarioDatabase (schema v1) and every stored card is converted on open.
import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { CLIENT_FIELDS, clientSchema, emptyClientFields, type Client } from '$lib/domain/client';
import { isEqualDoc, mergeClients } from '$lib/domain/merge';
import { documentSchemaFor } from '$lib/domain/sync-protocol';
import { createSchedarioDatabase } from '$lib/db/database';
import * as clients from '$lib/db/clients';
import { clientV0ToV1, clientV1ToV2, clientV2ToV3, clientV3ToV4 } from '$lib/db/migrations/client';
import { authorOf } from '$lib/domain/authorship';
import { HybridClock } from '$lib/domain/hlc';
import { clientSchemaLiteral, type ClientDocType } from '$lib/db/schemas/client.schema';
import { clientJsonSchemaV0, type ClientDocTypeV0 } from '$lib/db/schemas/client-v0.schema';

const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
const open: { close(): Promise<unknown> }[] = [];
let counter = 0;

afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.close()));
});

function v0Card(overrides: Partial<ClientDocTypeV0>): ClientDocTypeV0 {
	const { phones: _p, emails: _e, discountPercent: _d, ...fields } = emptyClientFields();
	const stamp = '1763942400000-0000-abc123';
	const clock: Record<string, string> = {};
	for (const field of [
		...CLIENT_FIELDS.filter((f) => f !== 'phones' && f !== 'emails' && f !== 'discountPercent'),
		'phone',
		'email'
	]) {
		clock[field] = stamp;
	}
	return {
		...fields,
		id: `v0-${counter++}`,
		phone: '',
		email: '',
		createdAt: 1763942400000,
		createdBy: 'Reception',
		updatedAt: 1763942400000,
		clock,
		...overrides
	} as ClientDocTypeV0;
}

describe('client schema v0 → v1', () => {
	it('migrates stored documents when the app opens an old database', async () => {
		const name = `migration-${Date.now()}-${counter++}`;
		const old = await createRxDatabase<{ clients: RxCollection<ClientDocTypeV0> }>({
			name,
			storage: storage(),
			multiInstance: false
		});
		await old.addCollections({ clients: { schema: clientJsonSchemaV0 } });
		const withContacts = v0Card({
			firstName: 'Nicolò',
			lastName: "D'Angelo",
			phone: '0039 333-123 4567',
			email: '  Nicolo.DAngelo@Example.IT ',
			clock: {
				...v0Card({}).clock,
				phone: '1763942400500-0001-abc123',
				email: '1763942400600-0002-abc123'
			}
		});
		const withoutContacts = v0Card({ firstName: 'Anna', lastName: 'Bianchi' });
		const unparsable = v0Card({
			firstName: 'Zoe',
			lastName: 'Verdi',
			phone: 'chiedere alla figlia'
		});
		await old.clients.bulkInsert([withContacts, withoutContacts, unparsable]);
		await old.close();

		const db = await createSchedarioDatabase({ name, storage: storage() });
		open.push(db);
		const migrated = new Map((await clients.all(db)).map((c) => [c.id, c]));

		expect(migrated.size).toBe(3);
		const nicolo = migrated.get(withContacts.id);
		expect(nicolo).toMatchObject({
			firstName: 'Nicolò',
			phones: [{ e164: '+393331234567', raw: '0039 333-123 4567', label: 'mobile' }],
			emails: ['nicolo.dangelo@example.it'],
			sortName: 'd angelo nicolo'
		});
		expect(nicolo).not.toHaveProperty('phone');
		expect(nicolo).not.toHaveProperty('email');
		expect(nicolo?.clock.phones).toBe('1763942400500-0001-abc123');
		expect(nicolo?.clock.emails).toBe('1763942400600-0002-abc123');
		expect(nicolo?.clock).not.toHaveProperty('phone');
		expect(nicolo?.clock).not.toHaveProperty('email');

		expect(migrated.get(withoutContacts.id)).toMatchObject({
			phones: [],
			emails: [],
			sortName: 'bianchi anna'
		});
		// Text that is not a number is kept as typed, never dropped.
		expect(migrated.get(unparsable.id)?.phones).toEqual([
			{ e164: '', raw: 'chiedere alla figlia', label: 'mobile' }
		]);
		for (const client of migrated.values()) {
			expect(clientSchema.safeParse(client).success, client.id).toBe(true);
		}
	});

	it('the strategy alone produces a valid v1 card with every field clocked', () => {
		const card = clientV0ToV1(
			v0Card({ firstName: 'Maria', lastName: 'Rossi', phone: '333 1234567' })
		);
		// (v1 had no discount: v2 → v3 adds it.)
		expect(clientSchema.parse(clientV2ToV3(card)).phones[0]?.e164).toBe('+393331234567');
		expect(Object.keys(card.clock).sort()).toEqual(
			CLIENT_FIELDS.filter((f) => f !== 'discountPercent').sort()
		);
	});
});

describe('client schema v1 → v2 (add-wins set metadata)', () => {
	const stamp = '1763942400000-0000-abc123';
	function v1Card(overrides: Partial<ClientDocType> = {}): ClientDocType {
		const clock: Record<string, string> = {};
		for (const field of CLIENT_FIELDS) clock[field] = stamp;
		return {
			...emptyClientFields(),
			id: `v1-${counter++}`,
			firstName: 'Anna',
			lastName: 'Bianchi',
			sortName: 'bianchi anna',
			createdAt: 1763942400000,
			createdBy: 'Reception',
			updatedAt: 1763942400000,
			clock,
			...overrides
		} as ClientDocType;
	}

	it('tags every element with its field stamp and position, and folds duplicates', () => {
		const migrated = clientV1ToV2(v1Card({ tags: ['Vip', 'sposa', 'VIP'], allergies: ['nichel'] }));
		expect(migrated.tags).toEqual(['Vip', 'sposa']);
		expect(migrated.sets?.tags).toEqual({
			vip: { a: { [`${stamp}#0`]: 'Vip' }, r: [] },
			sposa: { a: { [`${stamp}#1`]: 'sposa' }, r: [] }
		});
		expect(migrated.sets?.allergies).toEqual({
			nichel: { a: { [`${stamp}#0`]: 'nichel' }, r: [] }
		});
		expect(clientSchema.safeParse(migrated).success).toBe(true);
	});

	it('merges with the same card still in v1 as an equal, on every device', () => {
		const old = v1Card({ phones: [{ e164: '+393331234567', raw: '333 1234567', label: 'home' }] });
		const migrated = clientV1ToV2(old);
		expect(
			isEqualDoc(
				mergeClients(old as Client, migrated as Client),
				mergeClients(migrated as Client, migrated as Client)
			)
		).toBe(true);
		expect(clientV1ToV2(old)).toEqual(migrated);
	});

	it('leaves tombstones without set metadata and without their creator', () => {
		const tombstone = { ...v1Card({ firstName: '', lastName: '', sortName: '' }), _deleted: true };
		const migrated = clientV1ToV2(tombstone);
		expect(migrated).toEqual({ ...tombstone, createdBy: '' });
		expect('sets' in migrated).toBe(false);
		expect(documentSchemaFor('clients').safeParse(migrated).success).toBe(true);
	});
});

describe('client schema v2 → v3 (per-client discount)', () => {
	/** The v2 schema: v3 without the discount. */
	function v2Schema() {
		const { discountPercent: _d, ...properties } = clientSchemaLiteral.properties;
		return {
			...clientSchemaLiteral,
			version: 2,
			properties,
			required: clientSchemaLiteral.required.filter((f) => f !== 'discountPercent')
		};
	}

	it('stored v2 cards open with a 0 % discount, unstamped, and still valid on the wire', async () => {
		const name = `migration-v3-${Date.now()}-${counter++}`;
		const old = await createRxDatabase<{ clients: RxCollection<Record<string, unknown>> }>({
			name,
			storage: storage(),
			multiInstance: false
		});
		await old.addCollections({ clients: { schema: v2Schema() as never } });
		const { discountPercent: _d, ...fields } = emptyClientFields();
		await old.clients.insert({
			...fields,
			id: 'v2-card',
			firstName: 'Ana',
			lastName: 'Sousa',
			sortName: 'sousa ana',
			createdAt: 1763942400000,
			createdBy: '',
			updatedAt: 1763942400000,
			clock: { firstName: '1763942400000-0000-abc123' }
		});
		await old.close();

		const db = await createSchedarioDatabase({ name, storage: storage() });
		open.push(db);
		const [card] = await clients.all(db);
		expect(card).toMatchObject({ id: 'v2-card', firstName: 'Ana', discountPercent: 0 });
		expect(card?.clock).not.toHaveProperty('discountPercent');
		expect(clientSchema.safeParse(card).success).toBe(true);
		expect(documentSchemaFor('clients').safeParse({ ...card, _deleted: false }).success).toBe(true);
	});

	it('an unstamped 0 loses to a discount set on a device that already had v3', () => {
		const { discountPercent: _d, ...v2 } = {
			...emptyClientFields(),
			id: 'x',
			firstName: 'Ana',
			sortName: 'ana',
			createdAt: 1,
			createdBy: '',
			updatedAt: 1,
			clock: { firstName: '1763942400000-0000-abc123' }
		};
		const migrated = clientV2ToV3(v2 as never);
		const other = {
			...migrated,
			discountPercent: 15,
			clock: { ...migrated.clock, discountPercent: '1763942400000-0000-abc123' }
		};
		expect(mergeClients(migrated as never, other as never).discountPercent).toBe(15);
		expect(mergeClients(other as never, migrated as never).discountPercent).toBe(15);
	});
});

/** The v3 schema: v4 without the editor. */
function v3Schema() {
	const { editedBy: _e, ...properties } = clientSchemaLiteral.properties;
	return { ...clientSchemaLiteral, version: 3, properties };
}

/** A v3 card as stored before v4 (no `editedBy`). */
function v3Card(id: string, i = 0) {
	return {
		...emptyClientFields(),
		id,
		firstName: i === 0 ? 'Ana' : `Ana ${i}`,
		lastName: 'Sousa',
		sortName: i === 0 ? 'sousa ana' : `sousa ana ${i}`,
		createdAt: 1763942400000 + i,
		createdBy: '',
		updatedAt: 1763942400000 + i,
		clock: { firstName: '1763942400000-0000-abc123' }
	};
}

/** A database written by the app at client schema v3, holding `cards`, closed. */
async function v3Database(name: string, cards: Record<string, unknown>[]): Promise<void> {
	const old = await createRxDatabase<{ clients: RxCollection<Record<string, unknown>> }>({
		name,
		storage: storage(),
		multiInstance: false
	});
	await old.addCollections({ clients: { schema: v3Schema() as never } });
	await old.clients.bulkInsert(cards);
	await old.close();
}

describe('client schema v3 → v4 (editedBy, issue 7)', () => {
	it('stored v3 cards open unchanged, valid on the wire; the next write records its editor', async () => {
		const name = `migration-v4-${Date.now()}-${counter++}`;
		const v3 = v3Card('v3-card');
		await v3Database(name, [v3]);

		const db = await createSchedarioDatabase({ name, storage: storage() });
		open.push(db);
		const [card] = await clients.all(db);
		expect(card).toEqual(v3);
		expect(clientV3ToV4(v3 as never)).toEqual(v3);
		expect(authorOf('clients', card)).toBeNull();
		expect(documentSchemaFor('clients').safeParse({ ...card, _deleted: false }).success).toBe(true);

		const ctx = { clock: new HybridClock('tablet'), deviceId: 'tablet', author: 'staff-anna' };
		const edited = await clients.update(db, 'v3-card', { profession: 'Dentista' }, ctx);
		expect(edited.editedBy).toBe('staff-anna');
		expect(authorOf('clients', await clients.get(db, 'v3-card'))).toBe('staff-anna');
		await clients.remove(db, 'v3-card', { ...ctx, author: 'staff-bea' });
		const tombstone = (await db.clients.findOne('v3-card').exec()) ?? undefined;
		expect(tombstone).toBeUndefined();
		const stored = await db.clients.storageInstance.findDocumentsById(['v3-card'], true);
		expect(stored[0]).toMatchObject({ _deleted: true, editedBy: 'staff-bea', firstName: '' });
		const { _meta: _m, _rev: _r, _attachments: _a, ...wire } = stored[0] as Record<string, unknown>;
		expect(documentSchemaFor('clients').safeParse(wire).success).toBe(true);
	});

	it('the merge keeps the editor of the latest write, in any order; absent when neither has one', () => {
		const base = {
			...emptyClientFields(),
			id: 'x',
			firstName: 'Ana',
			sortName: 'ana',
			createdAt: 1,
			createdBy: '',
			updatedAt: 1,
			clock: { firstName: '1763942400000-0000-abc123' }
		};
		const older = {
			...base,
			note: 'a',
			editedBy: 'staff-1',
			clock: { ...base.clock, note: '1763942400001-0000-abc123' }
		};
		const newer = {
			...base,
			tags: [],
			profession: 'x',
			editedBy: 'staff-2',
			clock: { ...base.clock, profession: '1763942400002-0000-def456' }
		};
		expect(mergeClients(older as never, newer as never).editedBy).toBe('staff-2');
		expect(mergeClients(newer as never, older as never).editedBy).toBe('staff-2');
		expect(mergeClients(base as never, base as never)).not.toHaveProperty('editedBy');
	});
});

describe('opening a database whose cards must migrate', () => {
	it('migrates more cards than one batch, and reports that it runs only while it does', async () => {
		const name = `migration-batch-${Date.now()}-${counter++}`;
		const count = 57;
		const cards = Array.from({ length: count }, (_, i) =>
			v3Card(`card-${String(i).padStart(5, '0')}`, i + 1)
		);
		await v3Database(name, cards);

		const calls: boolean[] = [];
		const db = await createSchedarioDatabase({
			name,
			storage: storage(),
			onMigration: (running) => calls.push(running),
			migrationBatch: 20
		});
		expect(calls).toEqual([true, false]);
		const stored = await clients.all(db);
		expect(stored).toHaveLength(count);
		expect([...stored].sort((a, b) => a.id.localeCompare(b.id))).toEqual(cards);
		await db.close();

		// Opened again: nothing left to migrate, nothing reported.
		const again = await createSchedarioDatabase({
			name,
			storage: storage(),
			onMigration: (running) => calls.push(running)
		});
		open.push(again);
		expect(calls).toEqual([true, false]);
		expect(await clients.all(again)).toHaveLength(count);
	});

	it('a new database reports no migration', async () => {
		const calls: boolean[] = [];
		const db = await createSchedarioDatabase({
			name: `migration-none-${Date.now()}-${counter++}`,
			storage: storage(),
			onMigration: (running) => calls.push(running)
		});
		open.push(db);
		expect(calls).toEqual([]);
	});
});
