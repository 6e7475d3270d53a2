// The consents repository on a real Dexie storage (fake-indexeddb): records are appended and
// listed newest first, a bad record writes nothing, an erased card's records become tombstones
// without personal data.
import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import * as consentsDb from '$lib/db/consents';
import { ValidationError } from '$lib/db/errors';
import { makeConsent, CONSENT_T0 } from '../fixtures/consents';

const open: SchedarioDatabase[] = [];
let counter = 0;

async function freshDatabase(): Promise<SchedarioDatabase> {
	const db = await createSchedarioDatabase({
		name: `consent-repo-${Date.now()}-${counter++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	open.push(db);
	return db;
}

afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.close()));
});

const ctx = { deviceId: 'tablet', staffId: 'staff-1' };
const input = () => {
	const { id: _i, signedAt: _s, deviceId: _d, staffId: _st, ...rest } = makeConsent();
	return rest;
};

describe('consents repository', () => {
	it('appends records with device, staff and time, newest first', async () => {
		const db = await freshDatabase();
		const first = await consentsDb.add(db, input(), ctx, CONSENT_T0);
		const second = await consentsDb.add(
			db,
			{
				...input(),
				kind: 'withdrawn',
				choices: [{ scope: 'processing', choice: 'refused' }],
				signature: { width: 0, height: 0, strokes: [] }
			},
			ctx,
			CONSENT_T0 + 10
		);
		const list = await consentsDb.list(db, [first.clientId]);
		expect(list.map((r) => r.id)).toEqual([second.id, first.id]);
		expect(list[1]).toMatchObject({ deviceId: 'tablet', staffId: 'staff-1', signedAt: CONSENT_T0 });
	});

	it('a record without a signature is refused and nothing is written', async () => {
		const db = await freshDatabase();
		const bad = { ...input(), signature: { width: 600, height: 200, strokes: [] } };
		await expect(consentsDb.add(db, bad, ctx)).rejects.toBeInstanceOf(ValidationError);
		expect(await db.consents.count().exec()).toBe(0);
	});

	it("an erased card's records become tombstones without personal data", async () => {
		const db = await freshDatabase();
		const record = await consentsDb.add(db, input(), ctx);
		expect(await consentsDb.removeForClients(db, [record.clientId])).toBe(1);
		expect(await consentsDb.list(db, [record.clientId])).toEqual([]);
		const stored = await db.consents.storageInstance.findDocumentsById([record.id], true);
		expect(stored[0]).toMatchObject({ _deleted: true, signerName: '', choices: [] });
		expect(stored[0]?.signature.strokes).toEqual([]);
	});
});
