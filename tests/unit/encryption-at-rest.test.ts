// Encryption at rest (issue 7): with the salon's data key, the device database stores the health
// fields and the notes' text as ciphertext — the raw IndexedDB records hold no plaintext — while
// the app's reads (repositories, the fast start-up read) return it as written.
import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { emptyClientFields } from '$lib/domain/client';
import { HybridClock } from '$lib/domain/hlc';
import { newDeviceId } from '$lib/domain/ids';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import * as clients from '$lib/db/clients';
import * as notes from '$lib/db/notes';
import { importDataKey, openText, sealText } from '$lib/db/aes-gcm-storage';

const KEY = 'q2N5c3RlbS1kYXRhLWtleS1mb3ItdGVzdHMtb25seS0x'.slice(0, 43);
const ALLERGY = 'Nichel-ZQX';
const CONTRA = 'Gravidanza-KWV';
const CARD_NOTE = 'Pelle-sensibile-JHM';
const NOTE = 'Reazione-al-peeling-BPT';
const SECRETS = [ALLERGY, CONTRA, CARD_NOTE, NOTE];

const open: SchedarioDatabase[] = [];
afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.close()));
});

const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });

async function openDb(name: string, password?: string): Promise<SchedarioDatabase> {
	const db = await createSchedarioDatabase({ name, storage: storage(), password });
	open.push(db);
	return db;
}

/** Every record of every IndexedDB database of `name`, as stored, as one string. */
async function rawRecords(name: string): Promise<string> {
	const all: unknown[] = [];
	for (const info of await indexedDB.databases()) {
		if (!info.name?.includes(name)) continue;
		const idb = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(info.name as string);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		for (const store of Array.from(idb.objectStoreNames)) {
			const rows = await new Promise<unknown[]>((resolve, reject) => {
				const req = idb.transaction(store, 'readonly').objectStore(store).getAll();
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			all.push(...rows);
		}
		idb.close();
	}
	return JSON.stringify(all);
}

async function writeHealthData(db: SchedarioDatabase) {
	const deviceId = newDeviceId();
	const ctx = { clock: new HybridClock(deviceId), deviceId, author: '' };
	const client = await clients.create(
		db,
		{
			...emptyClientFields(),
			firstName: 'Maria',
			lastName: 'Rossi',
			allergies: [ALLERGY],
			contraindications: [CONTRA],
			note: CARD_NOTE
		},
		ctx
	);
	await notes.add(db, client.id, { text: NOTE, author: 'Giulia' }, { ...ctx, deviceName: 'Tab' });
	return client;
}

describe('encryption at rest', () => {
	it('stores no plaintext health field or note text, and the app reads them back', async () => {
		const name = `enc-${Date.now()}`;
		const db = await openDb(name, KEY);
		const client = await writeHealthData(db);

		const raw = await rawRecords(name);
		expect(raw).toContain('Maria'); // the reader does see the documents…
		for (const secret of SECRETS) expect(raw).not.toContain(secret); // …but no health data

		const read = await clients.get(db, client.id);
		expect(read).toMatchObject({
			allergies: [ALLERGY],
			contraindications: [CONTRA],
			note: CARD_NOTE
		});
		expect(Object.values(read?.sets?.allergies ?? {}).flatMap((e) => Object.values(e.a))).toEqual([
			ALLERGY
		]);
		// The one-read start-up path (Dexie underneath the encryption wrapper) opens the rows too,
		// and gives exactly what RxDB's own query gives.
		const fast = await clients.all(db);
		expect(fast.map((c) => c.allergies)).toEqual([[ALLERGY]]);
		const docs = await db.clients.find().exec();
		expect(fast).toEqual(docs.map((d) => clients.toClient(d.toMutableJSON())));
		// So do the progressive start-up reads (client-load.ts): first screen, by id, batches.
		expect(await clients.firstByName(db, 10)).toEqual(fast);
		expect(await clients.byIds(db, [client.id])).toEqual(fast);
		const batches: unknown[] = [];
		for await (const batch of clients.inBatches(db, 10)) batches.push(...batch);
		expect(batches).toEqual(fast);
		expect((await notes.list(db, [client.id])).map((n) => n.text)).toEqual([NOTE]);
	});

	it('keeps them readable across a reopen with the key, and refuses another key', async () => {
		const name = `enc-reopen-${Date.now()}`;
		const first = await openDb(name, KEY);
		const client = await writeHealthData(first);
		await first.close();
		open.splice(open.indexOf(first), 1);

		await expect(
			createSchedarioDatabase({
				name,
				storage: storage(),
				password: 'another-key-of-43-chars-aaaaaaaaaaaaaaaaaaa'
			})
		).rejects.toThrow();
		const again = await openDb(name, KEY);
		expect((await clients.get(again, client.id))?.allergies).toEqual([ALLERGY]);
	});

	it('stores them in plaintext without a key (the control: the raw reader finds them)', async () => {
		const name = `plain-${Date.now()}`;
		const db = await openDb(name);
		await writeHealthData(db);
		const raw = await rawRecords(name);
		for (const secret of SECRETS) expect(raw).toContain(secret);
	});

	it('seals all encrypted paths of a document into one authenticated value', async () => {
		const name = `enc-bundle-${Date.now()}`;
		const db = await openDb(name, KEY);
		await writeHealthData(db);
		const rows = JSON.parse(await rawRecords(name)) as Array<Record<string, unknown>>;
		const card = rows.find((r) => r.firstName === 'Maria') as Record<string, unknown>;
		expect(card.allergies).toMatch(/^g1\./);
		expect(card).not.toHaveProperty('contraindications');
		expect(card).not.toHaveProperty('note');
		expect(card.sets).toEqual({ phones: {}, emails: {}, categoryIds: {}, tags: {} });

		const key = await importDataKey(KEY);
		const sealed = await sealText(key, 'Nichel');
		expect(await openText(key, sealed)).toBe('Nichel');
		const [format, iv, data] = sealed.split('.') as [string, string, string];
		const flipped = `${data[0] === 'A' ? 'B' : 'A'}${data.slice(1)}`;
		await expect(openText(key, `${format}.${iv}.${flipped}`)).rejects.toThrow();
		await expect(openText(await importDataKey('another-key'), sealed)).rejects.toThrow();
	});
});
