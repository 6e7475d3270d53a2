// Device roles, in storage (issue 7): a pairing code carries the role of the device it will pair,
// a device keeps the role it was created with, and a manager changes it only within its salon and
// while the device is active. Run by both adapters (storage-sqlite/postgres.test.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairingCodeRecord, SyncStorage } from '../../sync-server/src/storage/types.js';
import { makeDevice, makeSalon, T0 } from './support/storage-factories.js';

export function describeRoleStorageContract(name: string, open: () => Promise<SyncStorage>): void {
	describe(`SyncStorage contract, device roles: ${name}`, () => {
		let storage: SyncStorage;
		beforeAll(async () => {
			storage = await open();
			await storage.migrate();
		});
		afterAll(async () => {
			await storage?.close();
		});

		it('keeps the role a pairing code was made for', async () => {
			const { salonId, owner } = await makeSalon(storage);
			const code: PairingCodeRecord = {
				codeId: randomUUID().slice(0, 8),
				salonId,
				secretHash: 'hash',
				expiresAt: Date.now() + 600_000,
				attempts: 0,
				usedAt: null,
				createdBy: owner.id,
				locationId: null,
				accessRole: 'therapist'
			};
			await storage.createPairingCode(code);
			expect(await storage.findPairingCode(code.codeId)).toEqual(code);
		});

		it('stores a device role and changes it only within the salon while the device is active', async () => {
			const { salonId } = await makeSalon(storage);
			const other = await makeSalon(storage);
			const tablet = makeDevice(salonId, { accessRole: 'therapist' });
			await storage.createDevice(tablet);
			const roleOf = async () =>
				(await storage.findDeviceByTokenHash(tablet.tokenHash))?.accessRole;
			expect(await roleOf()).toBe('therapist');

			expect(await storage.setDeviceRole(salonId, tablet.id, 'reception')).toBe(true);
			expect(await roleOf()).toBe('reception');
			expect((await storage.listDevices(salonId)).find((d) => d.id === tablet.id)?.accessRole).toBe(
				'reception'
			);
			expect(await storage.setDeviceRole(other.salonId, tablet.id, 'owner')).toBe(false);
			expect(await storage.setDeviceRole(salonId, 'no-such-device', 'owner')).toBe(false);
			await storage.revokeDevice(salonId, tablet.id, T0 + 1);
			expect(await storage.setDeviceRole(salonId, tablet.id, 'owner')).toBe(false);
			expect(await roleOf()).toBe('reception');
		});

		it('leaves the role unset on a device made without one (read as its default)', async () => {
			const { salonId } = await makeSalon(storage);
			const old = makeDevice(salonId);
			await storage.createDevice(old);
			expect((await storage.findDeviceByTokenHash(old.tokenHash))?.accessRole).toBeUndefined();
		});
	});
}
