// Group commit (both adapters): pushes that arrive together share one transaction, yet each is
// its own compare-and-swap in arrival order, a push that fails does so alone, and the group sends
// one change notice with its last seq. Run by storage-sqlite.test.ts and storage-postgres.test.ts.
import { describe, expect, it } from 'vitest';
import type {
	ChangeNotice,
	RevisionInput,
	SyncStorage
} from '../../sync-server/src/storage/types.js';
import {
	describeChange,
	insert,
	makeDoc,
	makeSalon,
	T0,
	type WireDoc
} from './support/storage-factories.js';

export function describeGroupCommitContract(name: string, open: () => Promise<SyncStorage>): void {
	describe(`SyncStorage contract, group commit: ${name}`, () => {
		it('runs pushes that arrive together in order, each its own compare-and-swap, alone in failure', async () => {
			const storage = await open();
			await storage.migrate();
			try {
				const { salonId } = await makeSalon(storage);
				const notices: ChangeNotice[] = [];
				storage.subscribe((n) => notices.push(n));
				const failing = (prev: unknown, next: unknown): RevisionInput => {
					if ((next as WireDoc).id === 'boom') throw new Error('describe failed');
					return describeChange(prev, next);
				};
				const v1 = makeDoc('x');
				const v2 = makeDoc('x', { lastName: 'Bianchi' });
				// Issued in one tick, so they share one transaction.
				const [first, second, broken, stale] = await Promise.allSettled([
					storage.push(salonId, 'clients', 'a', [insert(v1)], T0, describeChange),
					storage.push(salonId, 'clients', 'b', [{ assumed: v1, next: v2 }], T0, describeChange),
					storage.push(
						salonId,
						'clients',
						'c',
						[insert(makeDoc('y')), insert(makeDoc('boom'))],
						T0,
						failing
					),
					storage.push(
						salonId,
						'clients',
						'd',
						[{ assumed: v1, next: makeDoc('x', { lastName: 'Z' }) }],
						T0,
						describeChange
					)
				]);
				expect(first).toEqual({ status: 'fulfilled', value: { conflicts: [], seq: 1 } });
				expect(second).toEqual({ status: 'fulfilled', value: { conflicts: [], seq: 2 } });
				expect(broken.status).toBe('rejected');
				expect(stale).toEqual({ status: 'fulfilled', value: { conflicts: [v2], seq: null } });
				expect(await storage.pull(salonId, 'clients', 0, 10)).toEqual([
					{ id: 'x', seq: 2, data: v2 }
				]);
				expect(await storage.revisions(salonId, 'clients', 'y')).toEqual([]);
				// One notice for the group, with its last seq (the streams' devices pull from there).
				expect(notices.filter((n) => n.salonId === salonId).map((n) => n.seq)).toEqual([2]);
				// The broken push left the counter where it was.
				expect(
					await storage.push(salonId, 'clients', 'a', [insert(makeDoc('z'))], T0, describeChange)
				).toEqual({
					conflicts: [],
					seq: 3
				});
			} finally {
				await storage.close();
			}
		});
	});
}
