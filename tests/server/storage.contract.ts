// One behaviour, two databases: every SyncStorage adapter must pass this suite
// (storage-sqlite.test.ts, storage-postgres.test.ts). Each test makes its own salons with random
// ids, so the tests share one storage and one database without seeing each other.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
	ChangeNotice,
	PairingCodeRecord,
	PushRow,
	RevisionInput,
	SyncStorage
} from '../../sync-server/src/storage/types.js';
import {
	describeChange,
	insert,
	makeDevice,
	makeDoc,
	makeSalon,
	T0,
	type WireDoc
} from './support/storage-factories.js';

export function describeStorageContract(name: string, open: () => Promise<SyncStorage>): void {
	describe(`SyncStorage contract: ${name}`, () => {
		let storage: SyncStorage;
		const push = (salonId: string, rows: PushRow[], collection = 'clients', device = 'dev-1') =>
			storage.push(salonId, collection, device, rows, T0 + 1000, describeChange);

		beforeAll(async () => {
			storage = await open();
			await storage.migrate();
		});
		afterAll(async () => {
			await storage?.close();
		});

		it('migrates idempotently and reports its kind', async () => {
			await storage.migrate();
			expect(['sqlite', 'postgres']).toContain(storage.kind);
		});

		it('creates a salon with its owner device', async () => {
			const before = await storage.countSalons();
			const { salonId, owner } = await makeSalon(storage);
			expect(await storage.countSalons()).toBe(before + 1);
			expect(await storage.salonExists(salonId)).toBe(true);
			expect(await storage.salonExists(randomUUID())).toBe(false);
			expect(await storage.listDevices(salonId)).toEqual([owner]);
			expect(await storage.findDeviceByTokenHash(owner.tokenHash)).toEqual(owner);
		});

		it('refuses an owner device of another salon and writes nothing', async () => {
			const before = await storage.countSalons();
			const salonId = randomUUID();
			await expect(
				storage.createSalon({ id: salonId, name: 'X', createdAt: T0 }, makeDevice(randomUUID()))
			).rejects.toThrow();
			expect(await storage.salonExists(salonId)).toBe(false);
			expect(await storage.countSalons()).toBe(before);
		});

		it('creates, finds, lists, touches and revokes devices within one salon', async () => {
			const { salonId, owner } = await makeSalon(storage);
			const other = await makeSalon(storage);
			const staff = makeDevice(salonId, { createdAt: T0 + 5, locationId: 'loc-milano' });
			await storage.createDevice(staff);
			expect(await storage.findDeviceByTokenHash(staff.tokenHash)).toEqual(staff);
			expect(await storage.findDeviceByTokenHash('no-such-hash')).toBeNull();
			expect((await storage.listDevices(salonId)).map((d) => d.id)).toEqual([owner.id, staff.id]);
			expect((await storage.listDevices(other.salonId)).map((d) => d.id)).toEqual([other.owner.id]);
			await expect(
				storage.createDevice(makeDevice(salonId, { tokenHash: staff.tokenHash }))
			).rejects.toThrow();

			await storage.touchDevice(staff.id, T0 + 60_000);
			await storage.touchDevice(staff.id, T0 + 30_000); // a late, older touch must not win
			expect((await storage.findDeviceByTokenHash(staff.tokenHash))?.lastSeenAt).toBe(T0 + 60_000);

			expect(await storage.revokeDevice(other.salonId, staff.id, T0 + 1)).toBe(false);
			expect(await storage.revokeDevice(salonId, staff.id, T0 + 70_000)).toBe(true);
			expect(await storage.revokeDevice(salonId, staff.id, T0 + 80_000)).toBe(false);
			expect((await storage.findDeviceByTokenHash(staff.tokenHash))?.revokedAt).toBe(T0 + 70_000);
			expect((await storage.findDeviceByTokenHash(owner.tokenHash))?.revokedAt).toBeNull();
		});

		it('counts pairing attempts and consumes a code once', async () => {
			const { salonId, owner } = await makeSalon(storage);
			const codeId = randomUUID().slice(0, 8);
			const code: PairingCodeRecord = {
				codeId,
				salonId,
				secretHash: 'hash-of-secret',
				expiresAt: Date.now() + 600_000,
				attempts: 0,
				usedAt: null,
				createdBy: owner.id,
				locationId: null
			};
			await storage.createPairingCode(code);
			expect(await storage.findPairingCode(codeId)).toEqual(code);
			expect(await storage.findPairingCode('none')).toBeNull();
			expect(await storage.recordPairingAttempt(codeId)).toBe(1);
			expect(await storage.recordPairingAttempt(codeId)).toBe(2);
			expect(await storage.recordPairingAttempt('none')).toBe(0);
			// A live code keeps its id: a second code drawing the same id must pick another.
			await expect(storage.createPairingCode({ ...code, secretHash: 'other' })).rejects.toThrow(
				/in use/
			);
			expect(await storage.consumePairingCode(codeId, T0 + 10)).toBe(true);
			expect(await storage.consumePairingCode(codeId, T0 + 20)).toBe(false);
			expect(await storage.consumePairingCode('none', T0)).toBe(false);
			expect(await storage.findPairingCode(codeId)).toEqual({
				...code,
				attempts: 2,
				usedAt: T0 + 10
			});
			// Once used, the id is free again.
			const fresh = { ...code, secretHash: 'fresh', attempts: 0, usedAt: null };
			await storage.createPairingCode(fresh);
			expect(await storage.findPairingCode(codeId)).toEqual(fresh);
		});

		it('pages a backlog larger than one batch in seq order without gaps or repeats', async () => {
			const { salonId } = await makeSalon(storage);
			const ids = Array.from({ length: 2500 }, (_, i) => `c-${String(i).padStart(5, '0')}`);
			for (let i = 0; i < ids.length; i += 200) {
				const result = await push(
					salonId,
					ids.slice(i, i + 200).map((id) => insert(makeDoc(id)))
				);
				expect(result).toEqual({ conflicts: [], seq: i + Math.min(200, ids.length - i) });
			}
			const pages: number[] = [];
			const seen: string[] = [];
			let after = 0;
			let lastSeq = 0;
			for (;;) {
				const page = await storage.pull(salonId, 'clients', after, 1000);
				if (page.length === 0) break;
				pages.push(page.length);
				for (const doc of page) {
					expect(doc.seq).toBe(lastSeq + 1);
					lastSeq = doc.seq;
					seen.push(doc.id);
					expect(doc.data).toEqual(makeDoc(doc.id));
				}
				after = page.at(-1)!.seq;
			}
			expect(pages).toEqual([1000, 1000, 500]);
			expect(seen).toEqual(ids);
			expect(await storage.pull(salonId, 'sources', 0, 1000)).toEqual([]);
		});

		it('accepts, detects conflicts and treats a re-push as already applied', async () => {
			const { salonId } = await makeSalon(storage);
			const v1 = makeDoc('maria');
			expect(await push(salonId, [insert(v1)])).toEqual({ conflicts: [], seq: 1 });
			// Key order differs from the stored JSON: comparison is canonical, not textual.
			const reordered = {
				_deleted: false,
				phones: [],
				lastName: 'Rossi',
				firstName: 'Maria',
				id: 'maria'
			};
			expect(await push(salonId, [{ assumed: null, next: reordered }])).toEqual({
				conflicts: [],
				seq: null
			});

			const v2 = makeDoc('maria', { phones: ['+393331234567'] });
			expect(await push(salonId, [{ assumed: v1, next: v2 }])).toEqual({ conflicts: [], seq: 2 });
			// Idempotent re-push of the same row (e.g. the response was lost): no write, no conflict.
			expect(await push(salonId, [{ assumed: v1, next: v2 }])).toEqual({
				conflicts: [],
				seq: null
			});
			// A stale device that still believes v1 is the master gets the master back.
			const stale = makeDoc('maria', { email: 'maria@example.it' });
			expect(await push(salonId, [{ assumed: v1, next: stale }])).toEqual({
				conflicts: [v2],
				seq: null
			});
			// A device that never saw the doc and tries to create it also conflicts.
			expect(await push(salonId, [insert(stale)])).toEqual({ conflicts: [v2], seq: null });

			const pulled = await storage.pull(salonId, 'clients', 0, 10);
			expect(pulled).toEqual([{ id: 'maria', seq: 2, data: v2 }]);
			expect((await storage.revisions(salonId, 'clients', 'maria')).map((r) => r.seq)).toEqual([
				1, 2
			]);
		});

		it('handles several rows of one document in one push in order', async () => {
			const { salonId } = await makeSalon(storage);
			const a1 = makeDoc('a');
			const a2 = makeDoc('a', { lastName: 'Bianchi' });
			const result = await push(salonId, [
				insert(a1),
				{ assumed: a1, next: a2 },
				insert(makeDoc('a', { lastName: 'X' }))
			]);
			expect(result).toEqual({ conflicts: [a2], seq: 2 });
			expect(await storage.pull(salonId, 'clients', 0, 10)).toEqual([
				{ id: 'a', seq: 2, data: a2 }
			]);
		});

		it('writes nothing when describe() throws in the middle of a push', async () => {
			const { salonId } = await makeSalon(storage);
			await push(salonId, [insert(makeDoc('keep'))]);
			const failing = (prev: unknown, next: unknown): RevisionInput => {
				if ((next as WireDoc).id === 'boom') throw new Error('describe failed');
				return describeChange(prev, next);
			};
			await expect(
				storage.push(
					salonId,
					'clients',
					'dev-1',
					[
						insert(makeDoc('first')),
						{ assumed: makeDoc('keep'), next: makeDoc('keep', { lastName: 'Verdi' }) },
						insert(makeDoc('boom'))
					],
					T0,
					failing
				)
			).rejects.toThrow('describe failed');
			expect(await storage.pull(salonId, 'clients', 0, 10)).toEqual([
				{ id: 'keep', seq: 1, data: makeDoc('keep') }
			]);
			expect(await storage.revisions(salonId, 'clients', 'first')).toEqual([]);
			// The counter did not move either: the next accepted write is seq 2.
			expect(await push(salonId, [insert(makeDoc('next'))])).toEqual({ conflicts: [], seq: 2 });
		});

		it('replicates tombstones like any document and records the deletion', async () => {
			const { salonId } = await makeSalon(storage);
			const live = makeDoc('gone', { createdAt: T0 });
			await push(salonId, [insert(live)]);
			const tombstone: WireDoc = {
				id: 'gone',
				createdAt: T0,
				firstName: '',
				lastName: '',
				phones: [],
				_deleted: true
			};
			expect(await push(salonId, [{ assumed: live, next: tombstone }])).toEqual({
				conflicts: [],
				seq: 2
			});
			expect(await storage.pull(salonId, 'clients', 1, 10)).toEqual([
				{ id: 'gone', seq: 2, data: tombstone }
			]);
			const revisions = await storage.revisions(salonId, 'clients', 'gone');
			expect(revisions.map((r) => r.deleted)).toEqual([false, true]);
			// A stale edit of the deleted doc is a conflict that returns the tombstone.
			expect(
				await push(salonId, [{ assumed: live, next: makeDoc('gone', { lastName: 'Neri' }) }])
			).toEqual({ conflicts: [tombstone], seq: null });
		});

		it("keys settings by `key` and shares one seq across a salon's collections", async () => {
			const { salonId } = await makeSalon(storage);
			const setting = { key: 'locale', value: 'it', updatedAt: T0, _deleted: false };
			expect(await push(salonId, [insert(makeDoc('c1'))])).toEqual({ conflicts: [], seq: 1 });
			expect(await push(salonId, [{ assumed: null, next: setting }], 'settings')).toEqual({
				conflicts: [],
				seq: 2
			});
			expect(await storage.pull(salonId, 'settings', 0, 10)).toEqual([
				{ id: 'locale', seq: 2, data: setting }
			]);
			await expect(
				push(salonId, [{ assumed: null, next: { id: 'x', _deleted: false } }], 'settings')
			).rejects.toThrow();
		});

		it('keeps salons apart: own sequences, own documents, same ids allowed', async () => {
			const a = await makeSalon(storage);
			const b = await makeSalon(storage);
			const inA = makeDoc('shared-id', { firstName: 'Anna' });
			const inB = makeDoc('shared-id', { firstName: 'Bea' });
			expect(await push(a.salonId, [insert(makeDoc('only-a')), insert(inA)])).toEqual({
				conflicts: [],
				seq: 2
			});
			// Salon B creating the same id is not a conflict with salon A: its master is empty.
			expect(await push(b.salonId, [insert(inB)])).toEqual({ conflicts: [], seq: 1 });
			expect(await storage.pull(b.salonId, 'clients', 0, 100)).toEqual([
				{ id: 'shared-id', seq: 1, data: inB }
			]);
			expect((await storage.pull(a.salonId, 'clients', 0, 100)).map((d) => d.data)).toEqual([
				makeDoc('only-a'),
				inA
			]);
			expect(await storage.revisions(b.salonId, 'clients', 'only-a')).toEqual([]);
			await expect(push(randomUUID(), [insert(makeDoc('x'))])).rejects.toThrow(/Unknown salon/);
		});

		it('records one revision per accepted row with device, time, staff and changed fields with old and new values', async () => {
			const { salonId } = await makeSalon(storage);
			const v1 = makeDoc('r');
			const v2 = makeDoc('r', {
				phones: ['+39333'],
				email: 'r@example.it',
				editedBy: 'staff-anna'
			});
			await storage.push(salonId, 'clients', 'tablet', [insert(v1)], T0 + 1, describeChange);
			await storage.push(
				salonId,
				'clients',
				'reception',
				[{ assumed: v1, next: v2 }],
				T0 + 2,
				describeChange
			);
			expect(await storage.revisions(salonId, 'clients', 'r')).toEqual([
				{
					seq: 1,
					docId: 'r',
					deviceId: 'tablet',
					at: T0 + 1,
					fields: ['firstName', 'id', 'lastName', 'phones'],
					deleted: false,
					staffId: null,
					changes: {
						firstName: { old: null, new: 'Maria' },
						id: { old: null, new: 'r' },
						lastName: { old: null, new: 'Rossi' },
						phones: { old: null, new: [] }
					}
				},
				{
					seq: 2,
					docId: 'r',
					deviceId: 'reception',
					at: T0 + 2,
					fields: ['editedBy', 'email', 'phones'],
					deleted: false,
					staffId: 'staff-anna',
					changes: {
						editedBy: { old: null, new: 'staff-anna' },
						email: { old: null, new: 'r@example.it' },
						phones: { old: [], new: ['+39333'] }
					}
				}
			]);
		});

		it('notifies subscribers after commit, once per push, and stops after unsubscribe', async () => {
			const { salonId } = await makeSalon(storage);
			const notices: ChangeNotice[] = [];
			const visible: Array<Promise<number>> = [];
			const unsubscribe = storage.subscribe((n) => {
				if (n.salonId !== salonId) return;
				notices.push(n);
				// Pulling as soon as the ping arrives must already see the write.
				visible.push(storage.pull(salonId, n.collection, n.seq - 1, 10).then((d) => d.length));
			});
			await push(salonId, [insert(makeDoc('n1')), insert(makeDoc('n2'))]);
			await push(salonId, [insert(makeDoc('n1'))]); // re-push: no write, no notice
			await expect.poll(() => notices).toEqual([{ salonId, collection: 'clients', seq: 2 }]);
			expect(await Promise.all(visible)).toEqual([1]);
			unsubscribe();
			await push(salonId, [insert(makeDoc('n3'))]);
			const marker = await makeSalon(storage);
			const seenMarker: ChangeNotice[] = [];
			const stop = storage.subscribe((n) => n.salonId === marker.salonId && seenMarker.push(n));
			await push(marker.salonId, [insert(makeDoc('m'))]);
			await expect.poll(() => seenMarker.length).toBe(1);
			stop();
			// The marker notice went out after n3's, so n3's would have arrived by now.
			expect(notices).toHaveLength(1);
		});
	});
}
