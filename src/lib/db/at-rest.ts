// Moving this device's data between its plain and its encrypted database when the owner turns
// encryption at rest on or off (README › Privacy and security). The two are never open together
// (the free RxDB opens at most 13 collections per page and each has 10), so the database the app
// left is drained before the app opens the other one, which then fills itself from the server.
import { createSchedarioDatabase, type CreateDatabaseOptions } from './database';
import { startReplication } from './replication';
import type { SyncCredentials } from './sync-api';

export type DrainResult = 'drained' | 'kept';

/**
 * Opens a database the app has left, pushes whatever it holds that the server has not
 * acknowledged (RxDB resumes its own upstream from where it stopped), and removes it once
 * nothing is left unsynced. Offline, refused or revoked: it is closed and kept for the next
 * start — an unsynced change is never deleted.
 */
export async function drainDatabase(
	opts: CreateDatabaseOptions,
	creds: SyncCredentials,
	onUnauthorized: (code: 'unauthorized' | 'device_revoked') => void
): Promise<DrainResult> {
	const db = await createSchedarioDatabase(opts);
	let giveUp = (): void => undefined;
	const givenUp = new Promise<'given-up'>((resolve) => (giveUp = () => resolve('given-up')));
	const replication = startReplication(db, creds, {
		onStatus: (status) => {
			if (status.offline === true || (status.errorCode ?? null) !== null) giveUp();
		},
		onUnauthorized: (code) => {
			giveUp();
			onUnauthorized(code);
		}
	});
	let isDrained: boolean;
	try {
		const outcome = await Promise.race([replication.awaitInSync().then(() => 'in-sync'), givenUp]);
		// Counted only after catching up: before it starts, the replication has nothing to count.
		isDrained = outcome === 'in-sync' && (await replication.countPending()) === 0;
	} finally {
		await replication.stop();
	}
	if (isDrained) {
		await db.remove();
		await deleteIndexedDbFiles(opts.name);
		return 'drained';
	}
	await db.close();
	return 'kept';
}

/** RxDB's Dexie storage empties a removed database's tables but leaves the IndexedDB databases
 *  (one per collection, `rxdb-dexie-<name>--<version>--<collection>`): delete them too, so the
 *  browser can drop their files. Where `indexedDB.databases()` is missing, the empty ones stay. */
async function deleteIndexedDbFiles(name: string): Promise<void> {
	const idb = globalThis.indexedDB;
	if (!idb?.databases) return;
	const prefix = `rxdb-dexie-${name}--`;
	for (const info of await idb.databases()) {
		if (!info.name?.startsWith(prefix)) continue;
		await new Promise<void>((done) => {
			const request = idb.deleteDatabase(info.name as string);
			// Blocked or failed: already empty, and retried by nothing — harmless either way.
			request.onsuccess = request.onerror = request.onblocked = () => done();
		});
	}
}
