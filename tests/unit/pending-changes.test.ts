// "Syncing n changes" counts every local change the server has not acknowledged, across
// collections and beyond one push batch, from RxDB's own replication bookkeeping (a real RxDB
// over fake-indexeddb, a push handler that fails while "offline").
import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { coalesce, countUnacknowledged, mayMovePending } from '$lib/db/pending-changes';

const open: SchedarioDatabase[] = [];
const states: RxReplicationState<unknown, unknown>[] = [];
let counter = 0;

afterEach(async () => {
	await Promise.all(states.splice(0).map((s) => s.cancel()));
	await Promise.all(open.splice(0).map((db) => db.close()));
});

async function freshDatabase(): Promise<SchedarioDatabase> {
	const db = await createSchedarioDatabase({
		name: `pending-${Date.now()}-${counter++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	open.push(db);
	return db;
}

/** A replication whose server is unreachable until `network.up` is true. */
function replicate(
	db: SchedarioDatabase,
	collection: 'sources' | 'categories',
	network: { up: boolean },
	remote: object[] = []
) {
	let pulled = false;
	const state = replicateRxCollection<unknown, unknown>({
		replicationIdentifier: `test-${collection}`,
		collection: db[collection] as never,
		live: true,
		retryTime: 20,
		waitForLeadership: false,
		pull: {
			handler: async () => {
				if (!network.up) throw new Error('offline');
				const documents = pulled ? [] : remote;
				pulled = true;
				return { documents: documents as never[], checkpoint: { done: true } };
			}
		},
		push: {
			batchSize: 200,
			handler: async () => {
				if (!network.up) throw new Error('offline');
				return [];
			}
		}
	});
	states.push(state as RxReplicationState<unknown, unknown>);
	return state;
}

const source = (i: number) => ({ id: `s${i}`, name: `Source ${i}`, createdAt: 1000 + i });

describe('countUnacknowledged', () => {
	it('counts every unpushed change across collections and beyond one batch, then none', async () => {
		const db = await freshDatabase();
		const network = { up: false };
		const sources = replicate(db, 'sources', network);
		const categories = replicate(db, 'categories', network);
		await Promise.all([sources.startPromise, categories.startPromise]);

		await db.sources.bulkInsert(Array.from({ length: 250 }, (_, i) => source(i)));
		await db.categories.bulkInsert(
			['Viso', 'Corpo', 'Unghie'].map((name, i) => ({
				id: `c${i}`,
				name,
				color: '#aa3366',
				createdAt: 1
			}))
		);
		const total = async () =>
			(await countUnacknowledged(sources)) + (await countUnacknowledged(categories));
		expect(await total()).toBe(253);
		// An edit of a document already waiting is still one change; a delete of one too.
		await db.sources
			.findOne('s1')
			.exec()
			.then((d) => d?.incrementalPatch({ name: 'Renamed' }));
		await db.sources
			.findOne('s2')
			.exec()
			.then((d) => d?.remove());
		expect(await total()).toBe(253);

		network.up = true;
		await Promise.all([sources.awaitInSync(), categories.awaitInSync()]);
		expect(await total()).toBe(0);

		// A local edit made offline after the push is one change again.
		network.up = false;
		await db.categories
			.findOne('c0')
			.exec()
			.then((d) => d?.incrementalPatch({ name: 'Viso+' }));
		expect(await total()).toBe(1);
		network.up = true;
		await categories.awaitInSync();
		expect(await total()).toBe(0);
	});

	it('does not count documents pulled from the server', async () => {
		const db = await freshDatabase();
		const network = { up: true };
		const remote = [0, 1, 2, 3, 4].map((i) => ({ ...source(i), _deleted: false }));
		const sources = replicate(db, 'sources', network, remote);
		await sources.awaitInSync();
		expect(await db.sources.count().exec()).toBe(5);
		expect(await countUnacknowledged(sources)).toBe(0);
	});

	it('tells pulled writes (never pending) from local writes, as RxDB labels them', async () => {
		const db = await freshDatabase();
		const bulks: { context: string; ids: string[] }[] = [];
		db.sources.eventBulks$.subscribe((bulk) =>
			bulks.push({ context: bulk.context, ids: bulk.events.map((e) => e.documentId) })
		);
		const remote = [0, 1, 2].map((i) => ({ ...source(i), _deleted: false }));
		const network = { up: true };
		const sources = replicate(db, 'sources', network, remote);
		await sources.awaitInSync();
		network.up = false;
		await db.sources.insert(source(9));
		const pulled = bulks.filter((b) => b.ids.includes('s0'));
		const local = bulks.filter((b) => b.ids.includes('s9'));
		expect(pulled.length).toBeGreaterThan(0);
		expect(pulled.every((b) => !mayMovePending(b))).toBe(true);
		expect(local.length).toBe(1);
		expect(local.every((b) => mayMovePending(b))).toBe(true);
		expect(await countUnacknowledged(sources)).toBe(1);
	});

	it('is 0 for a replication that has not started (a tab that is not the leader)', async () => {
		const db = await freshDatabase();
		const state = replicate(db, 'sources', { up: false });
		await state.cancel();
		expect(await countUnacknowledged(state)).toBe(0);
	});
});

describe('coalesce', () => {
	it('runs a burst of calls as the one running plus one more, and the last run sees the end', async () => {
		let runs = 0;
		let release: () => void = () => undefined;
		const gate = new Promise<void>((r) => (release = r));
		let value = 0;
		let seen = -1;
		const run = coalesce(async () => {
			runs += 1;
			if (runs === 1) await gate;
			seen = value;
		});
		run();
		for (value = 1; value <= 5; value++) run();
		value = 5;
		release();
		await expect.poll(() => runs).toBe(2);
		expect(seen).toBe(5);
	});
});
