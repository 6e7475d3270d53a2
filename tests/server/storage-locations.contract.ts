// Chains, in storage: a pairing code carries the location of the device it will pair, the owner
// moves a device between locations of its own salon, and the server reads the salon's synced
// location list (a settings document). Run by both adapters (storage-sqlite/postgres.test.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairingCodeRecord, SyncStorage } from '../../sync-server/src/storage/types.js';
import { describeChange, makeDevice, makeSalon, T0 } from './support/storage-factories.js';

export function describeLocationStorageContract(
	name: string,
	open: () => Promise<SyncStorage>
): void {
	describe(`SyncStorage contract, locations: ${name}`, () => {
		let storage: SyncStorage;
		beforeAll(async () => {
			storage = await open();
			await storage.migrate();
		});
		afterAll(async () => {
			await storage?.close();
		});

		it('keeps the location a pairing code was made for', async () => {
			const { salonId, owner } = await makeSalon(storage);
			const code: PairingCodeRecord = {
				codeId: randomUUID().slice(0, 8),
				salonId,
				secretHash: 'hash',
				expiresAt: Date.now() + 600_000,
				attempts: 0,
				usedAt: null,
				createdBy: owner.id,
				locationId: 'loc-milano'
			};
			await storage.createPairingCode(code);
			expect(await storage.findPairingCode(code.codeId)).toEqual(code);
		});

		it('moves a device between locations only within its salon and while it is active', async () => {
			const { salonId } = await makeSalon(storage);
			const other = await makeSalon(storage);
			const tablet = makeDevice(salonId);
			await storage.createDevice(tablet);
			const locationOf = async () =>
				(await storage.findDeviceByTokenHash(tablet.tokenHash))?.locationId;

			expect(await storage.setDeviceLocation(salonId, tablet.id, 'loc-roma')).toBe(true);
			expect(await locationOf()).toBe('loc-roma');
			expect((await storage.listDevices(salonId)).find((d) => d.id === tablet.id)?.locationId).toBe(
				'loc-roma'
			);
			// A salon cannot move another salon's device.
			expect(await storage.setDeviceLocation(other.salonId, tablet.id, 'loc-x')).toBe(false);
			expect(await locationOf()).toBe('loc-roma');
			expect(await storage.setDeviceLocation(salonId, tablet.id, null)).toBe(true);
			expect(await locationOf()).toBeNull();
			expect(await storage.setDeviceLocation(salonId, 'no-such-device', 'loc-roma')).toBe(false);
			await storage.revokeDevice(salonId, tablet.id, T0 + 1);
			expect(await storage.setDeviceLocation(salonId, tablet.id, 'loc-roma')).toBe(false);
			expect(await locationOf()).toBeNull();
		});

		it("reads one stored document of a salon, never another salon's", async () => {
			const { salonId } = await makeSalon(storage);
			const other = await makeSalon(storage);
			const list = {
				key: 'locations',
				value: [{ id: 'loc-1', name: 'Milano', removedAt: null }],
				updatedAt: T0,
				_deleted: false
			};
			await storage.push(
				salonId,
				'settings',
				'dev',
				[{ assumed: null, next: list }],
				T0,
				(_prev, next) => ({ ...describeChange(null, { ...(next as object), id: 'locations' }) })
			);
			expect(await storage.getDocument(salonId, 'settings', 'locations')).toEqual(list);
			expect(await storage.getDocument(other.salonId, 'settings', 'locations')).toBeNull();
			expect(await storage.getDocument(salonId, 'clients', 'locations')).toBeNull();
			expect(await storage.getDocument(salonId, 'settings', 'nope')).toBeNull();
		});
	});
}
