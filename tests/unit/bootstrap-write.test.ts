// The bootstrap's native IndexedDB page write (src/lib/db/bootstrap-write.ts) against RxDB's own
// bulkWrite on the same Dexie storage (fake-indexeddb): the same page given to each must leave
// the same raw rows, emit the same change events, and read back the same through RxDB
// (changes since, counts, the list's sortName order, live queries). A page with a document that
// exists already must write nothing. Encryption at rest keeps RxDB's path.
import { afterEach, describe, expect, it } from 'vitest';
import { getChangedDocumentsSince, type RxStorageInstance } from 'rxdb';
import type { RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { asReplicatedDoc } from '$lib/db/bootstrap';
import { rawInsertWriter } from '$lib/db/bootstrap-write';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { storage, wireClients } from './bootstrap-support';

const KEY = 'Zm9yLXRlc3RzLW9ubHktYS1kYXRhLWtleS1vZi00My1j';
const CONTEXT = 'replication-downstream-test';
const open: SchedarioDatabase[] = [];
afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.close()));
});
let n = 0;
async function openDb(password?: string): Promise<SchedarioDatabase> {
	const name = `rawwrite-${Date.now()}-${n++}`;
	const db = await createSchedarioDatabase({ name, storage: storage(), password });
	open.push(db);
	return db;
}

type Doc = Record<string, unknown>;
type Instance = RxStorageInstance<unknown, unknown, unknown, unknown>;
const target = (db: SchedarioDatabase) =>
	(db.clients.storageInstance as unknown as { originalStorageInstance: Instance })
		.originalStorageInstance;

/** Every raw Dexie row of the clients' table, in key order. */
async function rawRows(db: SchedarioDatabase): Promise<unknown[]> {
	const state = await (target(db) as unknown as RxStorageInstanceDexie<Doc>).internals;
	return state.dexieTable.toArray();
}

/** The page as the bootstrap stores it: one write time, marked as written from the master. A
 *  tombstone, and a key the Dexie storage escapes ('|'), take the slow conversion. */
function page(wire: Doc[], lwt: number): Doc[] {
	const meta = { lwt, o: { _rev: 1, hash: 'h' } };
	return wire.map((doc, i) => {
		const out = asReplicatedDoc(doc, meta, '1-token');
		if (i === 1) out._deleted = true;
		if (i === 2) out.extra = { '|escaped': [{ '|deep': 1 }] };
		return out;
	});
}

/** Change event bulks of `db`'s clients storage, without their random ids. */
function recordBulks(db: SchedarioDatabase): unknown[] {
	const bulks: unknown[] = [];
	target(db)
		.changeStream()
		.subscribe((bulk) => bulks.push({ ...bulk, id: undefined }));
	return bulks;
}

/** What a database shows after the pages were written into a fresh one by `path`. Each path
 *  in turn: RxDB free opens at most 13 collections at once. */
async function afterWriting(path: 'raw' | 'rxdb', pages: Doc[][]) {
	const db = await openDb();
	const bulks = recordBulks(db);
	const write = path === 'raw' ? await rawInsertWriter(target(db)) : null;
	if (path === 'raw') expect(write).not.toBeNull();
	for (const docs of pages) {
		if (write) expect(await write(structuredClone(docs), CONTEXT)).toBe(true);
		else {
			const rows = structuredClone(docs).map((document) => ({ document }));
			expect((await target(db).bulkWrite(rows as never, CONTEXT)).error).toEqual([]);
		}
	}
	const snapshot = {
		rows: await rawRows(db),
		bulks,
		since3: await getChangedDocumentsSince(target(db), 3),
		since100: await getChangedDocumentsSince(target(db), 100),
		byName: (await db.clients.find({ sort: [{ sortName: 'asc' }, { id: 'asc' }] }).exec()).map(
			(d) => d.toJSON(true)
		),
		count: await db.clients.count().exec()
	};
	await db.close();
	open.splice(open.indexOf(db), 1);
	return snapshot;
}

describe('rawInsertWriter', () => {
	it('stores rows identical to what RxDB bulkWrite stores, and emits the same events', async () => {
		const wire = await wireClients(9);
		const pages = [page(wire.slice(0, 5), 1000), page(wire.slice(5), 2000)];
		const [raw, rxdb] = [await afterWriting('raw', pages), await afterWriting('rxdb', pages)];
		expect(raw.rows).toHaveLength(9);
		expect(raw.rows).toEqual(rxdb.rows);
		expect(JSON.stringify(raw.rows)).toContain('__escaped'); // the slow conversion ran
		expect(raw.bulks).toHaveLength(2);
		expect(raw.bulks).toEqual(rxdb.bulks);
		// The tombstone is stored but not announced.
		expect((raw.bulks[0] as { events: unknown[] }).events).toHaveLength(4);
	});

	it('leaves changes-since, counts and the list order exactly as RxDB bulkWrite does', async () => {
		const wire = await wireClients(8);
		const pages = [page(wire.slice(0, 4), 1000), page(wire.slice(4), 2000)];
		const [raw, rxdb] = [await afterWriting('raw', pages), await afterWriting('rxdb', pages)];
		expect(raw.since3.documents).toHaveLength(3);
		expect(raw.since3).toEqual(rxdb.since3);
		expect(raw.since100.documents).toHaveLength(8);
		expect(raw.since100).toEqual(rxdb.since100);
		expect(raw.byName).toHaveLength(6); // one tombstone per page
		expect(raw.byName).toEqual(rxdb.byName);
		expect(raw.count).toBe(6);
		expect(raw.count).toBe(rxdb.count);
	});

	it('brings every card to a query the app has open, from the events alone', async () => {
		const wire = await wireClients(6);
		const db = await openDb();
		const seen: number[] = [];
		const sub = db.clients.find().$.subscribe((docs) => seen.push(docs.length));
		await expect.poll(() => seen.at(-1)).toBe(0);
		const write = await rawInsertWriter(target(db));
		expect(await write!(page(wire, 1000), CONTEXT)).toBe(true);
		await expect.poll(() => seen.at(-1)).toBe(5); // six written, one a tombstone
		sub.unsubscribe();
	});

	it('writes nothing of a page holding a document that exists, and announces nothing', async () => {
		const wire = await wireClients(6);
		const db = await openDb();
		const bulks = recordBulks(db);
		const write = await rawInsertWriter(target(db));
		expect(await write!(page(wire.slice(0, 2), 1000), CONTEXT)).toBe(true);
		const clash = page([...wire.slice(2, 4), wire[0]!, ...wire.slice(4)], 2000);
		expect(await write!(clash, CONTEXT)).toBe(false);
		const ids = (await rawRows(db)).map((row) => (row as Doc).id);
		expect(ids.sort()).toEqual([wire[0]!.id, wire[1]!.id].sort());
		expect(bulks).toHaveLength(1);
		// The documents given are left as they were (their booleans are set for the write only).
		expect(clash.every((doc) => typeof doc._deleted === 'boolean')).toBe(true);
	});

	it('keeps RxDB path under encryption at rest (the Dexie instance is wrapped)', async () => {
		const db = await openDb(KEY);
		expect(await rawInsertWriter(target(db))).toBeNull();
	});
});
