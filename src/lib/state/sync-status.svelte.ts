// The visible sync status of this tab. The leader tab (the one replicating) builds it from
// replication's reports, remembers the times across reloads and shares it with the other tabs;
// a follower tab shows what the leader shares. Either way it is one truthful status per device.
import type { ReplicationStatus } from '$lib/db/replication';
import {
	deriveStatus,
	parseStoredStatus,
	SYNC_STATUS_KEY,
	type StoredStatus,
	type SyncStatus
} from './sync-helpers';
import { openTabChannel, type SharedStatus, type TabChannel, type TabMessage } from './sync-tabs';

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Storage disabled: the times are then forgotten on reload.
		return null;
	}
}

const IDLE: ReplicationStatus = {
	active: false,
	pending: 0,
	offline: false,
	errorCode: null,
	lastSyncedAt: null,
	isStreamOpen: false,
	receivedClients: null
};

function sameStatus(a: ReplicationStatus, b: ReplicationStatus): boolean {
	return (Object.keys(b) as (keyof ReplicationStatus)[]).every((k) => a[k] === b[k]);
}

export class SyncStatusTracker {
	/** This tab replicates for the device (elected leader). */
	isLeader = $state(false);
	#replication = $state.raw<ReplicationStatus>(IDLE);
	#browserOnline = $state(globalThis.navigator?.onLine ?? true);
	#offlineSince = $state<number | null>(null);
	#channel: TabChannel | null = null;
	readonly #isPaired: () => boolean;

	status: SyncStatus = $derived(
		deriveStatus({
			isPaired: this.#isPairedNow(),
			isBrowserOnline: this.#browserOnline,
			isServerUnreachable: this.#replication.offline,
			active: this.#replication.active,
			pending: this.#replication.pending,
			errorCode: this.#replication.errorCode,
			offlineSince: this.#offlineSince,
			lastSyncedAt: this.#replication.lastSyncedAt,
			receivedClients: this.#replication.receivedClients
		})
	);

	constructor(isPaired: () => boolean) {
		this.#isPaired = isPaired;
		const stored = parseStoredStatus(storage()?.getItem(SYNC_STATUS_KEY) ?? null);
		this.#replication = { ...IDLE, lastSyncedAt: stored.lastSyncedAt };
		this.#offlineSince = stored.offlineSince;
	}

	#isPairedNow(): boolean {
		return this.#isPaired();
	}

	/** This tab's own EventSource is open (a follower never opens one). */
	get isStreamOpen(): boolean {
		return this.#replication.isStreamOpen;
	}

	/** Joins the other tabs of the device; `onWiped` runs when another tab wiped the data. */
	connectTabs(onWiped: () => void): void {
		if (this.#channel) return;
		this.#channel = openTabChannel((message: TabMessage) => {
			if (message.type === 'hello' && this.isLeader) this.#share();
			else if (message.type === 'status' && !this.isLeader) this.#applyShared(message.status);
			else if (message.type === 'wiped') onWiped();
		});
		this.#channel.post({ type: 'hello' });
	}

	announceWipe(): void {
		this.#channel?.post({ type: 'wiped' });
	}

	becomeLeader(): void {
		this.isLeader = true;
		this.#share();
	}

	/** A fresh replication starts: keep the remembered times, drop the rest. */
	restart(): void {
		this.#replication = { ...IDLE, lastSyncedAt: this.#replication.lastSyncedAt };
	}

	/** The device left the salon: nothing to remember. */
	forget(): void {
		this.isLeader = false;
		this.#replication = IDLE;
		this.#offlineSince = null;
		storage()?.removeItem(SYNC_STATUS_KEY);
	}

	update(partial: Partial<ReplicationStatus>): void {
		const current = this.#replication;
		const next = { ...current, ...partial };
		let offlineSince = this.#offlineSince;
		if (next.offline) offlineSince ??= Date.now();
		// Only an answer from the server ends "offline", not a report about something else.
		if (partial.offline === false && this.#browserOnline) offlineSince = null;
		// A report that changes nothing re-renders nothing and tells no other tab (each one was a
		// status render, a localStorage write and a broadcast in the middle of a live change).
		if (offlineSince === this.#offlineSince && sameStatus(current, next)) return;
		this.#offlineSince = offlineSince;
		this.#replication = next;
		this.#remember();
		if (this.isLeader) this.#share();
	}

	browserWentOffline(): void {
		this.#browserOnline = false;
		this.#offlineSince ??= Date.now();
		this.#remember();
	}

	browserCameOnline(): void {
		this.#browserOnline = true;
		if (!this.#replication.offline) this.#offlineSince = null;
		this.#remember();
	}

	#applyShared(shared: SharedStatus): void {
		const { offlineSince, ...replication } = shared;
		this.#replication = { ...replication, isStreamOpen: this.#replication.isStreamOpen };
		this.#offlineSince = offlineSince;
	}

	#share(): void {
		const { isStreamOpen: _own, ...replication } = this.#replication;
		this.#channel?.post({
			type: 'status',
			status: { ...replication, offlineSince: this.#offlineSince }
		});
	}

	#remember(): void {
		if (!this.#isPaired()) return;
		const stored: StoredStatus = {
			lastSyncedAt: this.#replication.lastSyncedAt,
			offlineSince: this.#offlineSince
		};
		const text = JSON.stringify(stored);
		const store = storage();
		if (store && store.getItem(SYNC_STATUS_KEY) !== text) store.setItem(SYNC_STATUS_KEY, text);
	}
}
