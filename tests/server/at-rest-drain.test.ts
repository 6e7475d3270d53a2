// Encryption at rest, switching databases (src/lib/db/at-rest.ts): the database a device leaves
// is drained against the real sync server before it is removed. A change the server never
// acknowledged is pushed first; when the server cannot be reached the database is kept, change
// and all — an unsynced change is never deleted. Dexie over fake-indexeddb stands in for the
// browser's IndexedDB; the replication is the app's own, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { drainDatabase } from '$lib/db/at-rest';
import * as clients from '$lib/db/clients';
import { createSchedarioDatabase } from '$lib/db/database';
import * as notes from '$lib/db/notes';
import type { SyncCredentials } from '$lib/db/sync-api';
import { emptyClientFields } from '$lib/domain/client';
import { HybridClock } from '$lib/domain/hlc';
import { newDeviceId } from '$lib/domain/ids';
import {
	api,
	createSalon,
	salonPath,
	sqliteBackend,
	startServer,
	type Backend,
	type TestServer
} from './support/api.js';

// Node has no EventSource. The stream only says "something changed" (pull and push work without
// it), so a silent one is enough here; the browser's real one is covered by the e2e tests.
class SilentEventSource {
	addEventListener(): void {}
	close(): void {}
}
(globalThis as { EventSource?: unknown }).EventSource ??= SilentEventSource;

const KEY = 'Zm9yLXRlc3RzLW9ubHktYS1kYXRhLWtleS1vZi00My1j';
const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });

let backend: Backend;
let s: TestServer;
let creds: SyncCredentials;

beforeAll(async () => {
	backend = sqliteBackend();
	s = await startServer(await backend.open());
	const owner = await createSalon(s);
	creds = {
		serverUrl: s.url,
		salonId: owner.salonId,
		deviceId: owner.deviceId,
		token: owner.token
	};
});
afterAll(async () => {
	await s?.stop();
	await backend?.dispose();
});

/** A database holding a card and a note that were never pushed. */
async function withUnsyncedChange(name: string, allergy: string, password?: string) {
	const db = await createSchedarioDatabase({ name, storage: storage(), password });
	const deviceId = newDeviceId();
	const ctx = { clock: new HybridClock(deviceId), deviceId, author: '' };
	const client = await clients.create(
		db,
		{ ...emptyClientFields(), firstName: 'Anna', lastName: name, allergies: [allergy] },
		ctx
	);
	await notes.add(
		db,
		client.id,
		{ text: `note ${allergy}`, author: '' },
		{ ...ctx, deviceName: 'T' }
	);
	await db.close();
	return client.id;
}

async function serverDoc(
	collection: string,
	id: string
): Promise<Record<string, unknown> | undefined> {
	const res = await api<{ documents: Array<Record<string, unknown>> }>(
		s.url,
		'POST',
		salonPath(creds.salonId, `${collection}/pull`),
		{ token: creds.token, body: { checkpoint: null, limit: 1000 } }
	);
	return res.body.documents.find((d) => d.id === id || d.clientId === id);
}

async function localClientIds(name: string, password?: string): Promise<string[]> {
	const db = await createSchedarioDatabase({ name, storage: storage(), password });
	try {
		return (await db.clients.find().exec()).map((d) => d.id);
	} finally {
		await db.close();
	}
}

describe('drainDatabase', () => {
	it('pushes the unsynced change of a plain database, then removes it', async () => {
		const id = await withUnsyncedChange('drain-plain', 'Nickel-A');
		expect(await serverDoc('clients', id)).toBeUndefined();

		expect(await drainDatabase({ name: 'drain-plain', storage: storage() }, creds, () => {})).toBe(
			'drained'
		);
		expect(await serverDoc('clients', id)).toMatchObject({ allergies: ['Nickel-A'] });
		expect(await serverDoc('notes', id)).toMatchObject({ text: 'note Nickel-A' });
		expect(await localClientIds('drain-plain')).toEqual([]);
	});

	it('drains an encrypted database with its key', async () => {
		const id = await withUnsyncedChange('drain-encrypted', 'Latex-B', KEY);
		const result = await drainDatabase(
			{ name: 'drain-encrypted', storage: storage(), password: KEY },
			creds,
			() => {}
		);
		expect(result).toBe('drained');
		// The server receives plaintext: encryption is only at rest on the device.
		expect(await serverDoc('clients', id)).toMatchObject({ allergies: ['Latex-B'] });
		expect(await localClientIds('drain-encrypted', KEY)).toEqual([]);
	});

	it('keeps the database and its unsynced change when the server cannot be reached', async () => {
		const id = await withUnsyncedChange('drain-offline', 'Pollen-C');
		const unreachable = { ...creds, serverUrl: 'http://127.0.0.1:9' };
		expect(
			await drainDatabase({ name: 'drain-offline', storage: storage() }, unreachable, () => {})
		).toBe('kept');
		expect(await localClientIds('drain-offline')).toEqual([id]);
		expect(await serverDoc('clients', id)).toBeUndefined();
		// Back online, the next start drains it.
		expect(
			await drainDatabase({ name: 'drain-offline', storage: storage() }, creds, () => {})
		).toBe('drained');
		expect(await serverDoc('clients', id)).toMatchObject({ allergies: ['Pollen-C'] });
	});
});
