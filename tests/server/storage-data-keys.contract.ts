// Encryption at rest, in storage: the salon's data key is made once and then always the same, per
// salon. Run by both adapters (storage-sqlite.test.ts, storage-postgres.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStorage } from '../../sync-server/src/storage/types.js';
import { makeSalon, T0 } from './support/storage-factories.js';

export function describeDataKeyStorageContract(
	name: string,
	open: () => Promise<SyncStorage>
): void {
	describe(`SyncStorage contract, data keys: ${name}`, () => {
		let storage: SyncStorage;
		beforeAll(async () => {
			storage = await open();
			await storage.migrate();
		});
		afterAll(async () => {
			await storage?.close();
		});

		it('stores the first key of a salon and returns it ever after', async () => {
			const { salonId } = await makeSalon(storage);
			expect(await storage.getOrCreateDataKey(salonId, 'first-key', T0)).toBe('first-key');
			expect(await storage.getOrCreateDataKey(salonId, 'second-key', T0 + 1)).toBe('first-key');
		});

		it('keeps one key per salon', async () => {
			const a = await makeSalon(storage);
			const b = await makeSalon(storage);
			expect(await storage.getOrCreateDataKey(a.salonId, 'key-a', T0)).toBe('key-a');
			expect(await storage.getOrCreateDataKey(b.salonId, 'key-b', T0)).toBe('key-b');
			expect(await storage.getOrCreateDataKey(a.salonId, 'other', T0)).toBe('key-a');
		});

		it('hands out one key when the first requests race', async () => {
			const { salonId } = await makeSalon(storage);
			const keys = await Promise.all(
				['k1', 'k2', 'k3', 'k4'].map((k) => storage.getOrCreateDataKey(salonId, k, T0))
			);
			expect(new Set(keys).size).toBe(1);
			expect(['k1', 'k2', 'k3', 'k4']).toContain(keys[0]);
		});

		it('refuses a key for a salon that does not exist', async () => {
			await expect(storage.getOrCreateDataKey('no-such-salon', 'k', T0)).rejects.toThrow();
		});
	});
}
