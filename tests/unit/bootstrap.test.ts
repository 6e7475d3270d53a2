// The bootstrap of an empty collection (src/lib/db/bootstrap.ts) on Dexie over fake-indexeddb,
// with a scripted server: what it stores must be what the app reads back (encrypted at rest too),
// a page that fails the wire schema is never stored, and the upstream checkpoint it hands to RxDB
// is given only when nothing but the bootstrap wrote — otherwise a local change written meanwhile
// would sit before the checkpoint and never be pushed.
import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB } from 'fake-indexeddb';
import { getChangedDocumentsSince } from 'rxdb';
import { bootstrapCollection, type BootstrapPage } from '$lib/db/bootstrap';
import * as clients from '$lib/db/clients';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { toWireDoc } from '$lib/db/wire-docs';
import { ctx, storage, wireClients } from './bootstrap-support';
import { emptyClientFields } from '$lib/domain/client';
import { clientWireSchema } from '$lib/domain/sync-protocol';

const KEY = 'Zm9yLXRlc3RzLW9ubHktYS1kYXRhLWtleS1vZi00My1j';
const open: SchedarioDatabase[] = [];
afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.close()));
});
let n = 0;
async function openDb(password?: string): Promise<SchedarioDatabase> {
	const db = await createSchedarioDatabase({
		name: `boot-${Date.now()}-${n++}`,
		storage: storage(),
		password
	});
	open.push(db);
	return db;
}

/** A server answering pages of `limit` from `docs`; `before(k)` runs before page k answers. */
function server(docs: unknown[], before?: (page: number) => Promise<void>) {
	let page = 0;
	return async (checkpoint: { seq: number } | null, limit: number): Promise<BootstrapPage> => {
		await before?.(++page);
		const from = checkpoint?.seq ?? 0;
		const documents = docs.slice(from, from + limit);
		return { documents, checkpoint: { seq: from + documents.length } };
	};
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
			all.push(
				await new Promise<unknown[]>((resolve, reject) => {
					const req = idb.transaction(store, 'readonly').objectStore(store).getAll();
					req.onsuccess = () => resolve(req.result);
					req.onerror = () => reject(req.error);
				})
			);
		}
		idb.close();
	}
	return JSON.stringify(all);
}

const options = (db: SchedarioDatabase, pull: ReturnType<typeof server>) => ({
	collection: db.clients as never,
	replicationIdentifier: 'test-clients',
	pull,
	limit: 4,
	isValid: (doc: unknown) => clientWireSchema.safeParse(doc).success,
	isStopped: () => false
});

describe('bootstrapCollection', () => {
	it('stores every page in one write each, readable as written, and gives both checkpoints', async () => {
		const docs = await wireClients(10);
		const db = await openDb();
		// The progress a first sync shows: the documents written so far, after each page.
		const progress: number[] = [];
		const result = await bootstrapCollection({
			...options(db, server(docs)),
			onWritten: (written) => progress.push(written)
		});
		expect(result?.written).toBe(10);
		expect(result?.downstream).toEqual({ seq: 10 });
		expect(progress).toEqual([4, 8, 10]);
		const stored = await getChangedDocumentsSince(db.clients.storageInstance, 100);
		expect(result?.upstream).toEqual(stored.checkpoint);
		const read = (await db.clients.find().exec()).map((d) => toWireDoc(d.toMutableJSON()));
		expect(read.sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(
			[...docs].sort((a, b) => String(a.id).localeCompare(String(b.id)))
		);
		// Marked as written from the master, at the revision height RxDB reads.
		for (const doc of stored.documents) {
			expect(doc._meta).toMatchObject({ o: { _rev: 1 } });
			expect(doc._rev.startsWith('1-')).toBe(true);
		}
	});

	it('stores into an encrypted database through its encryption', async () => {
		const docs = await wireClients(3);
		const db = await openDb(KEY);
		await bootstrapCollection(options(db, server(docs)));
		const id = String(docs[0]!.id);
		expect((await clients.get(db, id))?.allergies).toEqual(docs[0]!.allergies);
		const raw = await rawRecords(db.name);
		expect(raw).toContain(id);
		expect(raw).not.toContain(String((docs[0]!.allergies as string[])[0]));
	});

	it('leaves a collection that holds anything to the normal replication', async () => {
		const docs = await wireClients(3);
		const db = await openDb();
		await clients.create(db, { ...emptyClientFields(), firstName: 'Local', lastName: 'X' }, ctx());
		let pulls = 0;
		const result = await bootstrapCollection(
			options(
				db,
				server(docs, async () => {
					pulls++;
				})
			)
		);
		expect(result).toBeNull();
		expect(pulls).toBe(0);
	});

	it('never stores a page with a document the wire schema refuses, and stops before it', async () => {
		const docs = await wireClients(10);
		const bad = [...docs];
		bad[5] = { ...docs[5], clock: 'not a clock' };
		const db = await openDb();
		const result = await bootstrapCollection(options(db, server(bad)));
		expect(result?.written).toBe(4);
		expect(result?.downstream).toEqual({ seq: 4 });
		expect(await db.clients.count().exec()).toBe(4);
		expect(await clients.get(db, String(docs[5]!.id))).toBeUndefined();
	});

	it('asks for the next page before checking this one, and drops it when this one is bad', async () => {
		const docs = await wireClients(12);
		const bad = [...docs];
		bad[6] = { ...docs[6], clock: 'not a clock' };
		const db = await openDb();
		let checked = 0;
		const checkedWhenAsked: number[] = [];
		const result = await bootstrapCollection({
			...options(
				db,
				server(bad, async () => {
					checkedWhenAsked.push(checked);
				})
			),
			isValid: (doc: unknown) => {
				checked++;
				return clientWireSchema.safeParse(doc).success;
			}
		});
		// Page 2 was asked for before any document of page 1 was checked; page 3 before page 2's.
		expect(checkedWhenAsked).toEqual([0, 0, 4]);
		expect(result?.written).toBe(4);
		expect(await db.clients.count().exec()).toBe(4);
	});

	it('gives no upstream checkpoint when the app wrote a card while it ran', async () => {
		const docs = await wireClients(10);
		const db = await openDb();
		let localId = '';
		const result = await bootstrapCollection(
			options(
				db,
				server(docs, async (page) => {
					if (page === 2) {
						const c = await clients.create(
							db,
							{ ...emptyClientFields(), firstName: 'Typed', lastName: 'Meanwhile' },
							ctx()
						);
						localId = c.id;
					}
				})
			)
		);
		// Bootstrap stopped at the conflict-free point it reached; the local card is kept…
		expect(await clients.get(db, localId)).toBeDefined();
		expect(result?.written).toBe(10);
		// …and the upstream will scan from the start, so it is pushed.
		expect(result?.upstream).toBeUndefined();
	});

	it('gives no upstream checkpoint when a bootstrapped card was edited while it ran', async () => {
		const docs = await wireClients(10);
		const db = await openDb();
		const result = await bootstrapCollection(
			options(
				db,
				server(docs, async (page) => {
					if (page === 3) await clients.update(db, String(docs[0]!.id), { note: 'edited' }, ctx());
				})
			)
		);
		expect(result?.written).toBe(10);
		expect(result?.upstream).toBeUndefined();
	});
});
