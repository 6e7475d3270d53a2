// Shared by the bootstrap unit tests: Dexie over fake-indexeddb, and valid wire clients made by
// the app itself on another device.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import * as clients from '$lib/db/clients';
import { createSchedarioDatabase } from '$lib/db/database';
import { toWireDoc } from '$lib/db/wire-docs';
import { emptyClientFields } from '$lib/domain/client';
import { HybridClock } from '$lib/domain/hlc';
import { newDeviceId } from '$lib/domain/ids';

export const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });

export const ctx = () => {
	const deviceId = newDeviceId();
	return { clock: new HybridClock(deviceId), deviceId, author: '' };
};

let n = 0;

/** `count` valid wire clients, made by the app itself on another device. */
export async function wireClients(count: number): Promise<Record<string, unknown>[]> {
	// Closed before the device under test opens: RxDB free opens at most 13 collections.
	const source = await createSchedarioDatabase({
		name: `src-${Date.now()}-${n++}`,
		storage: storage()
	});
	const c = ctx();
	for (let i = 0; i < count; i++) {
		await clients.create(
			source,
			{
				...emptyClientFields(),
				firstName: `Anna${i}`,
				lastName: i % 2 ? 'Rossi' : 'Bianchi',
				allergies: [`Nichel-${i}`]
			},
			c
		);
	}
	try {
		return (await source.clients.find().exec()).map((d) => toWireDoc(d.toMutableJSON()));
	} finally {
		await source.close();
	}
}
