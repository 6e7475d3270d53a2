// The first sync of an empty device (src/lib/db/bootstrap.ts, first-sync.ts) against the real
// sync server over HTTP, with the app's own replication; Dexie over fake-indexeddb stands in for
// the browser's IndexedDB. It must leave the device as the normal replication would: every card,
// every tombstone, nothing pushed back, nothing pending — and later edits on either side must
// still merge field by field. A device that already holds data takes the normal path; a
// bootstrap cut off half-way is completed by the normal replication, nothing lost or doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getChangedDocumentsSince } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { bootstrapCollection } from '$lib/db/bootstrap';
import * as clients from '$lib/db/clients';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { startReplication, type Replication } from '$lib/db/replication';
import type { SyncCredentials } from '$lib/db/sync-api';
import { HybridClock } from '$lib/domain/hlc';
import { newDeviceId } from '$lib/domain/ids';
import {
	clientWireSchema,
	MAX_BOOTSTRAP_PULL_LIMIT,
	MAX_PULL_LIMIT
} from '$lib/domain/sync-protocol';
import {
	api,
	clientDoc,
	clientTombstone,
	createSalon,
	salonPath,
	sqliteBackend,
	stamp,
	startServer,
	type Backend,
	type Session,
	type TestServer
} from './support/api.js';

class SilentEventSource {
	addEventListener(): void {}
	close(): void {}
}
(globalThis as { EventSource?: unknown }).EventSource ??= SilentEventSource;

const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });

let backend: Backend;
let s: TestServer;
let owner: Session;
let creds: SyncCredentials;
const LIVE = 2_150; // three pull pages of 1,000
const DEAD = 40;
const liveIds: string[] = [];
const deadIds: string[] = [];

type Doc = Record<string, unknown>;

async function push(who: Session, collection: string, rows: unknown[]) {
	const res = await api<{ conflicts: unknown[] }>(
		s.url,
		'POST',
		salonPath(who.salonId, `${collection}/push`),
		{ token: who.token, body: { rows } }
	);
	expect(res.status).toBe(200);
	return res.body.conflicts;
}

async function pullAll(collection: string): Promise<{ docs: Doc[]; seq: number }> {
	const docs: Doc[] = [];
	let checkpoint: { seq: number } | null = null;
	for (;;) {
		const res: { body: { documents: Doc[]; checkpoint: { seq: number } } } = await api<{
			documents: Doc[];
			checkpoint: { seq: number };
		}>(s.url, 'POST', salonPath(owner.salonId, `${collection}/pull`), {
			token: owner.token,
			body: { checkpoint, limit: 1000 }
		});
		docs.push(...res.body.documents);
		checkpoint = res.body.checkpoint;
		if (res.body.documents.length < 1000) return { docs, seq: res.body.checkpoint.seq };
	}
}

beforeAll(async () => {
	backend = sqliteBackend();
	s = await startServer(await backend.open(), { RATE_LIMIT_PER_SECOND: '10000' });
	owner = await createSalon(s);
	creds = {
		serverUrl: s.url,
		salonId: owner.salonId,
		deviceId: owner.deviceId,
		token: owner.token
	};
	const at = s.now();
	const rows: unknown[] = [];
	for (let i = 0; i < LIVE; i++) {
		const id = `c-${String(i).padStart(5, '0')}`;
		liveIds.push(id);
		rows.push({
			assumedMasterState: null,
			newDocumentState: clientDoc(id, at, { firstName: `Anna${i}`, lastName: `Bianchi${i % 97}` })
		});
	}
	for (let i = 0; i < DEAD; i++) {
		const id = `d-${String(i).padStart(5, '0')}`;
		deadIds.push(id);
		rows.push({ assumedMasterState: null, newDocumentState: clientTombstone(id, at, at) });
	}
	for (let i = 0; i < rows.length; i += 200) {
		expect(await push(owner, 'clients', rows.slice(i, i + 200))).toEqual([]);
	}
}, 120_000);
afterAll(async () => {
	await s?.stop();
	await backend?.dispose();
});

function openDb(name: string) {
	return createSchedarioDatabase({ name, storage: storage() });
}

const errorCodes: Array<string | null> = [];
function start(db: SchedarioDatabase): Replication {
	return startReplication(db, creds, {
		onStatus: (status) => {
			if (status.errorCode !== undefined) errorCodes.push(status.errorCode);
		},
		onUnauthorized: () => {}
	});
}

/** The page sizes of the client pulls sent while `run` runs; `old` makes the server answer as
 *  one from before larger first-sync pages (400 on a limit above MAX_PULL_LIMIT). */
async function watchPulls<T>(old: boolean, run: () => Promise<T>): Promise<number[]> {
	const limits: number[] = [];
	const real = globalThis.fetch;
	globalThis.fetch = async (input, init) => {
		const url = String(input);
		if (url.endsWith('/clients/pull') && typeof init?.body === 'string') {
			const limit = (JSON.parse(init.body) as { limit: number }).limit;
			limits.push(limit);
			if (old && limit > MAX_PULL_LIMIT) {
				const error = { code: 'bad_request', message: 'limit: too big', path: 'limit' };
				return new Response(JSON.stringify({ error }), { status: 400 });
			}
		}
		return real(input, init);
	};
	try {
		await run();
	} finally {
		globalThis.fetch = real;
	}
	return limits;
}

/** Every stored client document, tombstones included, with RxDB's bookkeeping. */
async function stored(db: SchedarioDatabase): Promise<Doc[]> {
	const all = await getChangedDocumentsSince(db.clients.storageInstance, 100_000);
	return all.documents as unknown as Doc[];
}

function expectSameAsServer(local: Doc[], server: Doc[]) {
	expect(local).toHaveLength(server.length);
	const byId = new Map(local.map((d) => [d.id, d]));
	for (const doc of server) {
		const mine = byId.get(doc.id);
		expect(mine, String(doc.id)).toBeDefined();
		const { _meta: _m, _rev: _r, _attachments: _a, ...content } = mine!;
		expect(content).toEqual(doc);
	}
}

const ctx = (deviceId = newDeviceId()) => ({
	clock: new HybridClock(deviceId),
	deviceId,
	author: ''
});

describe('first sync of an empty device', () => {
	it('bootstraps every card and tombstone, pushes nothing back, leaves nothing pending', async () => {
		const before = await pullAll('clients');
		const db = await openDb('boot-empty');
		const replication = start(db);
		try {
			const limits = await watchPulls(false, () => replication.awaitInSync());
			// Pages of MAX_BOOTSTRAP_PULL_LIMIT: one holds the whole salon here.
			expect(limits[0]).toBe(MAX_BOOTSTRAP_PULL_LIMIT);
			const local = await stored(db);
			expectSameAsServer(local, before.docs);
			// Written by the bootstrap: RxDB's own insert path never leaves `_meta.o`.
			expect(local.every((d) => (d._meta as { o?: unknown }).o !== undefined)).toBe(true);
			expect(
				local
					.filter((d) => d._deleted)
					.map((d) => d.id)
					.sort()
			).toEqual(deadIds);
			expect(await replication.countPending()).toBe(0);
			// Nothing was pushed back: the server's log did not move.
			expect((await pullAll('clients')).seq).toBe(before.seq);
		} finally {
			await replication.stop();
			await db.close();
		}
	}, 60_000);

	it('reports itself busy from its start until every collection has caught up once', async () => {
		const before = await pullAll('clients');
		const db = await openDb('boot-status');
		// Each `active` report in order, with how many cards were stored when it was made.
		const reports: Array<{ active: boolean; stored: Promise<number> }> = [];
		const replication = startReplication(db, creds, {
			onStatus: (status) => {
				if (status.active !== undefined) {
					reports.push({ active: status.active, stored: db.clients.count().exec() });
				}
			},
			onUnauthorized: () => {}
		});
		try {
			await replication.awaitInSync();
			await expect.poll(() => reports.at(-1)?.active).toBe(false);
			// Busy first (never "synced" before a single answer), idle only once: at the end, with
			// every live card of the salon stored.
			expect(reports.map((r) => r.active)).toEqual([true, false]);
			const live = before.docs.filter((d) => !d._deleted).length;
			expect(await reports[1]!.stored).toBe(live);
		} finally {
			await replication.stop();
			await db.close();
		}
	}, 60_000);

	it('falls back to pages of MAX_PULL_LIMIT against an older server, without a sync error', async () => {
		const before = await pullAll('clients');
		const db = await openDb('boot-old-server');
		errorCodes.length = 0;
		const replication = start(db);
		try {
			const limits = await watchPulls(true, () => replication.awaitInSync());
			expect(limits.slice(0, 2)).toEqual([MAX_BOOTSTRAP_PULL_LIMIT, MAX_PULL_LIMIT]);
			expect(limits.slice(1).every((l) => l === MAX_PULL_LIMIT)).toBe(true);
			const local = await stored(db);
			expectSameAsServer(local, before.docs);
			expect(local.every((d) => (d._meta as { o?: unknown }).o !== undefined)).toBe(true);
			expect(errorCodes.filter((c) => c !== null)).toEqual([]);
		} finally {
			await replication.stop();
			await db.close();
		}
	}, 60_000);

	it('merges a later edit on each side of a bootstrapped card, field by field', async () => {
		const db = await openDb('boot-edit');
		let replication = start(db);
		const id = liveIds[7]!;
		try {
			await replication.awaitInSync();
			// The other device edits the first name…
			const server = (await pullAll('clients')).docs.find((d) => d.id === id)!;
			const at = s.now();
			const remote = {
				...server,
				firstName: 'Remote',
				updatedAt: at,
				clock: { ...(server.clock as object), firstName: stamp(at, 'other') }
			};
			expect(
				await push(owner, 'clients', [{ assumedMasterState: server, newDocumentState: remote }])
			).toEqual([]);
			// …while this one, offline from it, edits the note (no master state recorded here yet:
			// its push meets a conflict, the merge keeps both, the merged card is pushed).
			await replication.stop();
			await clients.update(db, id, { note: 'Local note' }, ctx());
			replication = start(db);
			await replication.awaitInSync();
			await expect
				.poll(async () => (await pullAll('clients')).docs.find((d) => d.id === id)?.note)
				.toBe('Local note');
			const merged = (await pullAll('clients')).docs.find((d) => d.id === id)!;
			expect(merged.firstName).toBe('Remote');
			expect(clientWireSchema.safeParse(merged).success).toBe(true);
			await expect.poll(async () => (await clients.get(db, id))?.firstName).toBe('Remote');
			expect((await clients.get(db, id))?.note).toBe('Local note');
			await expect.poll(() => replication.countPending()).toBe(0);
		} finally {
			await replication.stop();
			await db.close();
		}
	}, 60_000);

	it('takes the normal path on a device that already holds a card, and pushes it', async () => {
		const db = await openDb('boot-not-empty');
		const mine = await clients.create(
			db,
			{
				...(await import('$lib/domain/client')).emptyClientFields(),
				firstName: 'Local',
				lastName: 'Only'
			},
			ctx()
		);
		const replication = start(db);
		try {
			await replication.awaitInSync();
			const local = await stored(db);
			expect(local.length).toBe(LIVE + DEAD + 1);
			// RxDB's own downstream wrote them: no `_meta.o` on inserted documents.
			expect(local.some((d) => (d._meta as { o?: unknown }).o !== undefined)).toBe(false);
			await expect
				.poll(async () => (await pullAll('clients')).docs.some((d) => d.id === mine.id))
				.toBe(true);
			expect(await replication.countPending()).toBe(0);
		} finally {
			await replication.stop();
			await db.close();
		}
	}, 60_000);

	it('completes a bootstrap cut off after its first page with the normal replication', async () => {
		const before = await pullAll('clients');
		const db = await openDb('boot-cut');
		let pages = 0;
		const result = await bootstrapCollection({
			collection: db.clients as never,
			replicationIdentifier: `schedario-${creds.salonId}-clients-v1`,
			limit: 1000,
			isValid: () => true,
			isStopped: () => false,
			pull: async (checkpoint, limit) => {
				if (++pages > 1) throw new Error('network lost');
				const res = await api<{ documents: Doc[]; checkpoint: { seq: number } }>(
					s.url,
					'POST',
					salonPath(owner.salonId, 'clients/pull'),
					{ token: owner.token, body: { checkpoint, limit } }
				);
				return res.body;
			}
		});
		expect(result?.written).toBe(1000);
		await db.close(); // the tab is closed
		const reopened = await openDb('boot-cut');
		const replication = start(reopened);
		try {
			await replication.awaitInSync();
			expectSameAsServer(await stored(reopened), before.docs);
			await expect.poll(() => replication.countPending()).toBe(0);
			// The cards already written were recognised as the server's: nothing was written back.
			expect((await pullAll('clients')).seq).toBe(before.seq);
		} finally {
			await replication.stop();
			await reopened.close();
		}
	}, 60_000);
});
