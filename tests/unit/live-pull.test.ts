// A change ping pulls at once from the checkpoint RxDB holds in memory and hands the page to
// RxDB as a stream batch, instead of a 'RESYNC' (which reads the checkpoint from storage first):
// the same documents and the same stored checkpoint as the resync gives, falling back to
// 'RESYNC' whenever the fast path cannot know (real RxDB over fake-indexeddb, an in-memory server).
import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import {
	livePuller,
	storedPullCheckpoint,
	type LiveCheckpoint,
	type LiveStreamItem
} from '$lib/db/live-pull';

type Item = LiveStreamItem<string>;

function fakePuller(o: {
	checkpoint: LiveCheckpoint | null;
	active?: boolean;
	pages?: Array<string[] | Error>;
	limit?: number;
}) {
	const emitted: Item[] = [];
	const asked: number[] = [];
	const pages = [...(o.pages ?? [])];
	const puller = livePuller<string>({
		limit: o.limit ?? 3,
		checkpoint: () => o.checkpoint,
		isActive: () => o.active ?? false,
		emit: (item) => emitted.push(item),
		pull: async (from) => {
			asked.push(from.seq);
			const page = pages.shift() ?? [];
			if (page instanceof Error) throw page;
			return { documents: page, checkpoint: { seq: from.seq + page.length } };
		}
	});
	return { puller, emitted, asked };
}

describe('livePuller', () => {
	it('pulls from the checkpoint in memory and hands the page over as a batch', async () => {
		const f = fakePuller({ checkpoint: { seq: 7 }, pages: [['a', 'b']] });
		f.puller.ping();
		await expect.poll(() => f.emitted).toEqual([{ documents: ['a', 'b'], checkpoint: { seq: 9 } }]);
		expect(f.asked).toEqual([7]);
	});

	it('says RESYNC when it cannot know: no checkpoint yet, a replication at work', async () => {
		const none = fakePuller({ checkpoint: null });
		none.puller.ping();
		const busy = fakePuller({ checkpoint: { seq: 1 }, active: true });
		busy.puller.ping();
		await expect.poll(() => [...none.emitted, ...busy.emitted]).toEqual(['RESYNC', 'RESYNC']);
		expect([...none.asked, ...busy.asked]).toEqual([]);
	});

	it('leaves the rest of a full page, and a failed pull, to a RESYNC; nothing new emits nothing', async () => {
		const full = fakePuller({ checkpoint: { seq: 0 }, pages: [['a', 'b', 'c']] });
		full.puller.ping();
		await expect
			.poll(() => full.emitted)
			.toEqual([{ documents: ['a', 'b', 'c'], checkpoint: { seq: 3 } }, 'RESYNC']);
		const failed = fakePuller({ checkpoint: { seq: 0 }, pages: [new Error('offline')] });
		failed.puller.ping();
		await expect.poll(() => failed.emitted).toEqual(['RESYNC']);
		const empty = fakePuller({ checkpoint: { seq: 4 }, pages: [[]] });
		empty.puller.ping();
		await expect.poll(() => empty.asked).toEqual([4]);
		expect(empty.emitted).toEqual([]);
	});
});

// ---------------------------------------------------------------- with a real RxDB replication

const open: SchedarioDatabase[] = [];
const isActive = (state: RxReplicationState<unknown, unknown>) => {
	let now = false;
	state.active$.subscribe((a) => (now = a)).unsubscribe();
	return now;
};
const states: RxReplicationState<unknown, unknown>[] = [];
let counter = 0;
afterEach(async () => {
	await Promise.all(states.splice(0).map((s) => s.cancel()));
	await Promise.all(open.splice(0).map((db) => db.close()));
});

interface ServerDoc {
	id: string;
	name: string;
	createdAt: number;
	_deleted: boolean;
}

/** A device replicating `sources` from an in-memory server whose documents carry a seq. */
async function device(
	server: { docs: Array<{ seq: number; doc: ServerDoc }> },
	network = { pushes: true }
) {
	const db = await createSchedarioDatabase({
		name: `live-pull-${Date.now()}-${counter++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	open.push(db);
	const stream$ = new Subject<RxReplicationPullStreamItem<unknown, LiveCheckpoint | null>>();
	const pulls: number[] = [];
	const pull = async (from: LiveCheckpoint | null, limit: number) => {
		const after = from?.seq ?? 0;
		pulls.push(after);
		const page = server.docs.filter((d) => d.seq > after).slice(0, limit);
		return {
			documents: page.map((d) => d.doc) as never[],
			checkpoint: { seq: page.at(-1)?.seq ?? after }
		};
	};
	const state = replicateRxCollection<unknown, LiveCheckpoint | null>({
		replicationIdentifier: 'live-pull-test',
		collection: db.sources as never,
		live: true,
		retryTime: 20,
		waitForLeadership: false,
		pull: { batchSize: 2, stream$, handler: (cp, n) => pull(cp ?? null, n) },
		push: {
			handler: async () => {
				if (!network.pushes) throw new Error('offline');
				return [];
			}
		}
	});
	states.push(state as RxReplicationState<unknown, unknown>);
	let active = false;
	state.active$.subscribe((a) => (active = a));
	const emitted: string[] = [];
	const puller = livePuller<never>({
		pull: (from, limit) => pull(from, limit),
		limit: 2,
		checkpoint: () => storedPullCheckpoint(state as RxReplicationState<unknown, unknown>),
		isActive: () => active,
		emit: (item) => {
			emitted.push(item === 'RESYNC' ? item : 'batch');
			stream$.next(item);
		}
	});
	await state.awaitInSync();
	const names = async () => (await db.sources.find().exec()).map((d) => `${d.id}:${d.name}`).sort();
	return { db, state, stream$, puller, pulls, emitted, names };
}

describe('livePuller with RxDB', () => {
	it('brings what the server holds and stores its checkpoint, as a RESYNC would', async () => {
		const server = { docs: [] as Array<{ seq: number; doc: ServerDoc }> };
		let seq = 0;
		const put = (id: string, name: string) => {
			server.docs = server.docs.filter((d) => d.doc.id !== id);
			server.docs.push({ seq: ++seq, doc: { id, name, createdAt: 1, _deleted: false } });
		};
		const serverNames = () => server.docs.map((d) => `${d.doc.id}:${d.doc.name}`).sort();
		put('s1', 'Instagram');
		put('s2', 'Passaparola');
		const dev = await device(server);
		expect(await dev.names()).toEqual(serverNames());
		expect(storedPullCheckpoint(dev.state as never)).toEqual({ seq: 2 });

		// Another device edits one and adds two: a full page of 2, then the rest by RESYNC.
		put('s1', 'Instagram ADV');
		put('s3', 'Volantino');
		put('s4', 'Sito');
		const before = dev.pulls.length;
		dev.puller.ping();
		await expect.poll(() => dev.names()).toEqual(serverNames());
		await dev.state.awaitInSync();
		await expect.poll(() => storedPullCheckpoint(dev.state as never)).toEqual({ seq: 5 });
		// The fast path asked from the checkpoint it held (2), not from the start.
		expect(dev.pulls[before]).toBe(2);

		// One more change: one pull from the stored checkpoint, nothing read twice.
		put('s2', 'Passaparola!');
		const n = dev.pulls.length;
		dev.puller.ping();
		await expect.poll(() => dev.names()).toEqual(serverNames());
		await expect.poll(() => storedPullCheckpoint(dev.state as never)).toEqual({ seq: 6 });
		expect(dev.pulls.slice(n)).toEqual([5]);
		expect(dev.emitted).toEqual(['batch', 'RESYNC', 'batch']);

		// A RESYNC (the slow path) afterwards finds nothing the fast path missed.
		const m = dev.pulls.length;
		dev.stream$.next('RESYNC');
		await expect.poll(() => dev.pulls.length).toBeGreaterThan(m);
		await dev.state.awaitInSync();
		expect(dev.pulls.slice(m)).toEqual([6]);
		expect(await dev.names()).toEqual(serverNames());
	});

	it('leaves a collection with a push in progress to RESYNC, and keeps the local change', async () => {
		const server = {
			docs: [{ seq: 1, doc: { id: 's1', name: 'Instagram', createdAt: 1, _deleted: false } }]
		};
		const network = { pushes: true };
		const dev = await device(server, network);
		network.pushes = false;
		await dev.db.sources
			.findOne('s1')
			.exec()
			.then((d) => d?.incrementalPatch({ name: 'Mine, offline' }));
		await expect.poll(() => isActive(dev.state as never)).toBe(true);
		server.docs = [{ seq: 2, doc: { id: 's1', name: 'Theirs', createdAt: 1, _deleted: false } }];
		const n = dev.pulls.length;
		dev.puller.ping();
		await expect.poll(() => dev.emitted).toEqual(['RESYNC']);
		// The fast path made no pull of its own; RxDB keeps the unpushed local change.
		expect(dev.pulls.slice(n).every((after) => after === 1)).toBe(true);
		expect(await dev.names()).toEqual(['s1:Mine, offline']);
		network.pushes = true;
		await dev.state.awaitInSync();
	});
});
