// The owner's log in storage (issue 7): events are appended with an id that pages them newest
// first, filtered by kind, kept per salon, and checked so that no free text (personal data) gets
// in. Run by both adapters (storage-sqlite/postgres.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/lib/domain/audit.js';
import type { SyncStorage } from '../../sync-server/src/storage/types.js';
import { makeSalon, T0 } from './support/storage-factories.js';

const event = (patch: Partial<AuditEventInput> = {}): AuditEventInput => ({
	kind: 'export',
	at: T0,
	deviceId: 'dev-1',
	staffId: null,
	detail: {},
	...patch
});

export function describeAuditStorageContract(name: string, open: () => Promise<SyncStorage>): void {
	describe(`SyncStorage contract, audit log: ${name}`, () => {
		let storage: SyncStorage;
		beforeAll(async () => {
			storage = await open();
			await storage.migrate();
		});
		afterAll(async () => {
			await storage?.close();
		});

		it('records an event and returns it with its id', async () => {
			const { salonId, owner } = await makeSalon(storage);
			const input = event({
				kind: 'pairing',
				deviceId: owner.id,
				staffId: 'staff-1',
				detail: { pairedDeviceId: 'dev-2', role: 'therapist', count: 3, ok: true, ids: ['a', 'b'] }
			});
			const recorded = await storage.recordAuditEvent(salonId, input);
			expect(recorded).toEqual({ ...input, id: expect.any(Number) });
			expect(await storage.listAuditEvents(salonId, { limit: 10 })).toEqual([recorded]);
		});

		it('pages newest first with `before` and filters by kind', async () => {
			const { salonId } = await makeSalon(storage);
			const kinds = ['export', 'import', 'merge', 'unmerge', 'erasure', 'revocation'] as const;
			const recorded = [];
			for (const [i, kind] of kinds.entries()) {
				recorded.push(await storage.recordAuditEvent(salonId, event({ kind, at: T0 + i })));
			}
			const ids = recorded.map((e) => e.id);
			expect(new Set(ids).size).toBe(ids.length);
			const newestFirst = [...recorded].reverse();

			const page1 = await storage.listAuditEvents(salonId, { limit: 4 });
			expect(page1).toEqual(newestFirst.slice(0, 4));
			const page2 = await storage.listAuditEvents(salonId, { limit: 4, before: page1.at(-1)!.id });
			expect(page2).toEqual(newestFirst.slice(4));
			expect(
				await storage.listAuditEvents(salonId, { limit: 4, before: page2.at(-1)!.id })
			).toEqual([]);

			const merges = await storage.listAuditEvents(salonId, {
				limit: 10,
				kinds: ['merge', 'unmerge']
			});
			expect(merges.map((e) => e.kind)).toEqual(['unmerge', 'merge']);
			expect(await storage.listAuditEvents(salonId, { limit: 10, kinds: [] })).toHaveLength(6);
		});

		it("keeps salons apart: one salon never lists another's events", async () => {
			const a = await makeSalon(storage);
			const b = await makeSalon(storage);
			await storage.recordAuditEvent(a.salonId, event({ kind: 'erasure' }));
			expect(await storage.listAuditEvents(b.salonId, { limit: 10 })).toEqual([]);
			expect(await storage.listAuditEvents(a.salonId, { limit: 10 })).toHaveLength(1);
		});

		it('refuses a bad event (unknown kind, free text in detail, unknown salon) and writes nothing', async () => {
			const { salonId } = await makeSalon(storage);
			await expect(
				storage.recordAuditEvent(salonId, event({ kind: 'gossip' as never }))
			).rejects.toThrow();
			await expect(
				storage.recordAuditEvent(
					salonId,
					event({ detail: { note: 'Maria Rossi is allergic to nickel and latex'.repeat(3) } })
				)
			).rejects.toThrow();
			await expect(
				storage.recordAuditEvent(salonId, event({ detail: { nested: { name: 'x' } } as never }))
			).rejects.toThrow();
			await expect(storage.recordAuditEvent('no-such-salon', event())).rejects.toThrow();
			expect(await storage.listAuditEvents(salonId, { limit: 10 })).toEqual([]);
		});
	});
}
