// "Syncing n changes" counts every local change the server has not acknowledged, across
// collections and beyond one push batch, from RxDB's own replication bookkeeping (a real RxDB
// over fake-indexeddb, a push handler that fails while "offline").
import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { coalesce, countUnacknowledged, mayMovePending } from '$lib/db/pending-changes';
import { pendingTally, trackPending } from '$lib/db/pending-tally';

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

describe('pendingTally', () => {
	it('recounts only the collection asked, once per burst, and reports the sum when it changes', async () => {
		const counts: Record<'a' | 'b', number> = { a: 2, b: 5 };
		const calls: string[] = [];
		const totals: number[] = [];
		const queued: Array<() => void> = [];
		const tally = pendingTally(
			['a', 'b'] as const,
			async (c) => {
				calls.push(c);
				return counts[c];
			},
			(total) => totals.push(total),
			(run) => queued.push(run)
		);
		const drain = async () => {
			while (queued.length > 0) queued.shift()!();
			await new Promise((r) => setTimeout(r, 0));
		};
		tally.recountAll();
		await drain();
		expect(calls.sort()).toEqual(['a', 'b']);
		expect(totals).toEqual([7]);

		// A burst on one collection: one deferred count of that collection alone.
		calls.length = 0;
		counts.a = 3;
		tally.recount('a');
		tally.recount('a');
		tally.recount('a');
		expect(calls).toEqual([]); // deferred: the caller's own work goes first
		await drain();
		expect(calls).toEqual(['a']);
		expect(totals).toEqual([7, 8]);

		// A count that finds the same figure reports nothing new.
		tally.recount('b');
		await drain();
		expect(totals).toEqual([7, 8]);
	});
});

describe('trackPending', () => {
	it('reports the exact total across collections as it changes, offline and after a sync', async () => {
		const db = await freshDatabase();
		const network = { up: false };
		// Made before replication starts (offline, before a reload): counted once it has started.
		await db.sources.bulkInsert([0, 1, 2].map(source));
		const remote = [7, 8].map((i) => ({
			id: `c${i}`,
			name: `Remote ${i}`,
			color: '#aa3366',
			createdAt: 1,
			_deleted: false
		}));
		const sources = replicate(db, 'sources', network);
		const categories = replicate(db, 'categories', network, remote);
		const totals: number[] = [];
		const contexts: string[] = [];
		const sub = db.categories.eventBulks$.subscribe((b) => contexts.push(b.context));
		const tracked = trackPending(
			[
				{ collection: 'sources', writes$: db.sources.eventBulks$ as never, replication: sources },
				{
					collection: 'categories',
					writes$: db.categories.eventBulks$ as never,
					replication: categories
				}
			],
			(total) => totals.push(total)
		);
		const last = () => totals.at(-1);
		try {
			await expect.poll(last).toBe(3);
			await db.sources.bulkInsert([3, 4].map(source));
			await expect.poll(last).toBe(5);
			await db.sources
				.findOne('s1')
				.exec()
				.then((d) => d?.incrementalPatch({ name: 'Renamed' }));
			await db.categories.insert({ id: 'c0', name: 'Viso', color: '#aa3366', createdAt: 1 });
			await expect.poll(last).toBe(6);
			expect(last()).toBe(
				(await countUnacknowledged(sources)) + (await countUnacknowledged(categories))
			);

			network.up = true;
			await Promise.all([sources.awaitInSync(), categories.awaitInSync()]);
			await expect.poll(last).toBe(0);
			// The pulled categories arrived, in writes the tally does not recount for.
			expect(await db.categories.count().exec()).toBe(3);
			const pulled = contexts.filter((context) => !mayMovePending({ context }));
			expect(pulled.length).toBeGreaterThan(0);
		} finally {
			sub.unsubscribe();
			tracked.stop();
		}
	});
});
