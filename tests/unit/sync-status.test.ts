// The visible sync status: the times survive a reload (a new tracker reading localStorage), an
// unrelated report never ends "offline", and a follower tab shows what the leader shares.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNC_STATUS_KEY } from '$lib/state/sync-helpers';
import { SyncStatusTracker } from '$lib/state/sync-status.svelte';

class MemoryStorage {
	#items = new Map<string, string>();
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.#items.set(key, value);
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
}

const T = Date.UTC(2026, 10, 24, 9, 5);

beforeEach(() => {
	vi.stubGlobal('localStorage', new MemoryStorage());
	vi.useFakeTimers({ now: T, toFake: ['Date'] });
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('SyncStatusTracker', () => {
	it('keeps "offline since" and the last sync time across a reload', () => {
		const before = new SyncStatusTracker(() => true);
		before.update({ offline: false, lastSyncedAt: T - 60_000 });
		before.update({ offline: true });
		vi.setSystemTime(T + 5 * 60_000);
		before.update({ pending: 4 });
		expect(before.status).toMatchObject({
			kind: 'offline',
			offlineSince: T,
			pending: 4,
			lastSyncedAt: T - 60_000
		});

		// The app is reopened later, still offline: the same times, not "now".
		vi.setSystemTime(T + 30 * 60_000);
		const after = new SyncStatusTracker(() => true);
		expect(after.status.lastSyncedAt).toBe(T - 60_000);
		after.browserWentOffline();
		expect(after.status).toMatchObject({ kind: 'offline', offlineSince: T });
		after.update({ offline: true, active: true });
		expect(after.status.offlineSince).toBe(T);

		// Back online: an answer from the server ends it, and the stored time is gone.
		after.browserCameOnline();
		after.update({ offline: false, active: false, lastSyncedAt: T + 31 * 60_000 });
		expect(after.status).toMatchObject({ kind: 'synced', offlineSince: null });
		const stored = JSON.parse(localStorage.getItem(SYNC_STATUS_KEY) ?? '{}');
		expect(stored).toEqual({ lastSyncedAt: T + 31 * 60_000, offlineSince: null });
	});

	it('is not ended by a report that says nothing about the network', () => {
		const tracker = new SyncStatusTracker(() => true);
		tracker.update({ offline: true });
		tracker.update({ active: false });
		tracker.update({ pending: 2 });
		expect(tracker.status).toMatchObject({ kind: 'offline', offlineSince: T, pending: 2 });
	});

	it('tells the other tabs only what changed, and an answer still ends a stored "offline"', () => {
		const posted: unknown[] = [];
		vi.stubGlobal(
			'BroadcastChannel',
			class {
				onmessage: unknown = null;
				postMessage(message: unknown) {
					posted.push(message);
				}
				close() {}
			}
		);
		// Left offline last time: "offline since" comes back from storage with nothing else.
		localStorage.setItem(SYNC_STATUS_KEY, JSON.stringify({ lastSyncedAt: T, offlineSince: T }));
		const leader = new SyncStatusTracker(() => true);
		leader.connectTabs(() => undefined);
		leader.becomeLeader();
		const statuses = () => posted.filter((m) => (m as { type: string }).type === 'status');
		expect(statuses()).toHaveLength(1);

		// Only the end of "offline" changes here, and it must not be lost as a no-op.
		leader.update({ offline: false });
		expect(leader.status.offlineSince).toBeNull();
		expect(statuses()).toHaveLength(2);

		// RxDB repeats itself: the same figures again are neither rendered nor broadcast.
		leader.update({ offline: false, active: false });
		leader.update({ pending: 0 });
		expect(statuses()).toHaveLength(2);
		leader.update({ pending: 1 });
		expect(statuses()).toHaveLength(3);
		expect(statuses().at(-1)).toMatchObject({ status: { pending: 1, offlineSince: null } });
	});

	it("shares a first sync's progress with the other tabs, and reads a status without it", () => {
		const channels: Array<{ onmessage: ((event: { data: unknown }) => void) | null }> = [];
		const posted: unknown[] = [];
		vi.stubGlobal(
			'BroadcastChannel',
			class {
				onmessage: ((event: { data: unknown }) => void) | null = null;
				constructor() {
					channels.push(this);
				}
				postMessage(message: unknown) {
					posted.push(message);
				}
				close() {}
			}
		);
		const leader = new SyncStatusTracker(() => true);
		leader.connectTabs(() => undefined);
		leader.becomeLeader();
		leader.update({ offline: false, active: true, receivedClients: 5_000 });
		expect(leader.status).toMatchObject({ kind: 'syncing', receivedClients: 5_000 });
		const shared = posted.at(-1) as { status: Record<string, unknown> };
		expect(shared.status.receivedClients).toBe(5_000);

		const follower = new SyncStatusTracker(() => true);
		follower.connectTabs(() => undefined);
		const deliver = (data: unknown) => channels.at(-1)?.onmessage?.({ data });
		deliver(shared);
		expect(follower.status).toMatchObject({ kind: 'syncing', receivedClients: 5_000 });
		// A leader tab of the previous build sends no progress: none is shown, the rest is read.
		const { receivedClients: _none, ...older } = shared.status;
		deliver({ type: 'status', status: { ...older, pending: 2 } });
		expect(follower.status).toMatchObject({ kind: 'syncing', pending: 2, receivedClients: null });
		// A malformed count is refused whole: the follower keeps what it showed.
		deliver({ type: 'status', status: { ...older, pending: 7, receivedClients: -1 } });
		expect(follower.status.pending).toBe(2);
	});

	it('counts pending changes while syncing, and forgets everything when unpaired', () => {
		const tracker = new SyncStatusTracker(() => true);
		tracker.update({ offline: false, pending: 250, active: true });
		expect(tracker.status).toMatchObject({ kind: 'syncing', pending: 250 });
		tracker.forget();
		expect(localStorage.getItem(SYNC_STATUS_KEY)).toBeNull();
		expect(tracker.status.pending).toBe(0);
	});
});
