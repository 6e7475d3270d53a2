// This device's link to the salon's sync server: the credentials, the visible status, starting
// and stopping replication (in the leader tab), pairing, and what the server says about this
// device (its location and role, or that it no longer belongs: the wipe). A device that never
// paired stays "local only" and the app works exactly the same without a server. The salon's
// HTTP API is salon-api.ts, the wipe's steps sync-wipe.ts, the catch-up signal sync-caught-up.ts.
import { getDatabase, removeAppDatabase } from '$lib/db/database';
import { startReplication, type Replication } from '$lib/db/replication';
import type { ExportRequest } from '$lib/domain/export-request';
import type { RoleId } from '$lib/domain/permissions';
import type { Device, PairingCodeResponse } from '$lib/domain/sync-protocol';
import { clientBook } from './clients.svelte';
import { deviceClock } from './device';
import { requestPairing, requestSalon, SalonApi } from './salon-api';
import { salon } from './salon.svelte';
import { CaughtUpWatch } from './sync-caught-up';
import {
	deviceRoleOf,
	losesSight,
	parseStoredSync,
	SYNC_STORAGE_KEY,
	type StoredSync,
	type SyncStatus
} from './sync-helpers';
import { SyncStatusTracker } from './sync-status.svelte';
import { closeSalonState, forgetSalonKeys, reloadMasked } from './sync-wipe';

export { losesSight } from './sync-helpers';

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Storage disabled: the device cannot stay paired across reloads, but still works.
		return null;
	}
}

export class SyncState {
	credentials = $state.raw<StoredSync | null>(
		parseStoredSync(storage()?.getItem(SYNC_STORAGE_KEY) ?? null)
	);
	/** Set once local data was deleted after a revoke; the layout then goes to /pair. */
	wiped = $state(false);
	/** The visible status, shared between the tabs of this device. */
	readonly tracker = new SyncStatusTracker(() => this.credentials !== null);
	#running: Replication | null = null;
	#starting: Promise<void> | null = null;
	#listening = false;
	readonly #caughtUp = new CaughtUpWatch(() => this.#running);
	/** The salon's API; an answer saying the server no longer knows the device wipes it. */
	readonly #api = new SalonApi(
		() => this.credentials,
		() => void this.#wipe()
	);

	get status(): SyncStatus {
		return this.tracker.status;
	}

	get isPaired(): boolean {
		return this.credentials !== null;
	}

	/** The chain location this device works at, or null (a salon with one place). Known offline:
	 *  it is stored with the credentials and updated when the owner moves the device. */
	get locationId(): string | null {
		return this.credentials?.locationId ?? null;
	}

	#setLocation(locationId: string | null): void {
		const creds = this.credentials;
		if (!creds || creds.locationId === locationId) return;
		this.#save({ ...creds, locationId });
	}

	/** The role this device acts as (issue 7): what the server enforces on its pushes and pulls. */
	get deviceRole(): RoleId {
		return deviceRoleOf(this.credentials);
	}

	/** This device's record as the server sent it (devices/me, a stream `device` event). */
	#setOwnDevice(device: Device): void {
		this.#setLocation(device.locationId);
		const creds = this.credentials;
		if (!creds || device.accessRole === undefined || creds.accessRole === device.accessRole) return;
		const before = deviceRoleOf(creds);
		this.#save({ ...creds, accessRole: device.accessRole });
		if (losesSight(before, device.accessRole, salon.settings.roles)) {
			void reloadMasked(this.#running, () => this.#stop());
		}
	}

	#save(creds: StoredSync): void {
		storage()?.setItem(SYNC_STORAGE_KEY, JSON.stringify(creds));
		this.credentials = creds;
	}

	get isOwner(): boolean {
		return this.credentials?.role === 'owner';
	}

	/** Starts replicating when paired (the layout calls it once the local data is open). */
	start(): Promise<void> {
		this.#listen();
		if (!this.credentials || this.#running) return Promise.resolve();
		this.#starting ??= this.#startReplication(this.credentials).finally(() => {
			this.#starting = null;
		});
		return this.#starting;
	}

	async #startReplication(creds: StoredSync): Promise<void> {
		const db = await getDatabase();
		// Compared by token: a location change replaces the credentials object, not the pairing.
		if (this.credentials?.token !== creds.token || this.#running) return;
		this.tracker.restart();
		this.#running = startReplication(db, creds, {
			onStatus: (partial) => {
				this.tracker.update(partial);
				this.#caughtUp.report(partial);
			},
			onLeader: () => this.tracker.becomeLeader(),
			onUnauthorized: () => void this.#wipe(),
			onRemoteStamp: (stamp) => deviceClock().receive(stamp),
			// The client book holds a first sync's pages back until it ends (quiet-arrivals.ts).
			onBootstrapping: (active) => clientBook.setBootstrapping(active),
			onDevice: (device) => {
				if (device.id === this.credentials?.deviceId) this.#setOwnDevice(device);
			}
		});
	}

	/** Runs `listener` each time replication has caught up with the server after pulling or
	 *  pushing (on reconnect, after live changes): the duplicate check (issue 4) hooks in here. */
	onCaughtUp(listener: () => void): void {
		this.#caughtUp.add(listener);
	}

	#listen(): void {
		if (this.#listening || typeof window === 'undefined') return;
		this.#listening = true;
		window.addEventListener('offline', () => this.tracker.browserWentOffline());
		window.addEventListener('online', () => {
			this.tracker.browserCameOnline();
			// Retry at once instead of waiting for the stream's backoff.
			this.#running?.reconnect();
		});
		if (!globalThis.navigator?.onLine) this.tracker.browserWentOffline();
		this.tracker.connectTabs(() => void this.#wipe(true));
		// Another tab paired, was moved to another location, or disconnected.
		window.addEventListener('storage', (event) => {
			if (event.key === SYNC_STORAGE_KEY) void this.#credentialsChanged(event.newValue);
		});
	}

	async #credentialsChanged(raw: string | null): Promise<void> {
		const next = parseStoredSync(raw);
		const current = this.credentials;
		if (next && current && next.token === current.token) {
			this.credentials = next;
			return;
		}
		await this.#stop();
		this.credentials = next;
		if (next) await this.start();
	}

	/** First start of a salon: this device becomes its owner. Throws SyncHttpError. */
	async createSalon(salonName: string, deviceName: string): Promise<void> {
		this.#save(await requestSalon(salonName, deviceName));
		if (!salon.settings.salonName) {
			// A naming failure must not undo the pairing that already succeeded.
			await salon.saveSettings({ salonName }).catch(() => undefined);
		}
		await this.start();
	}

	/** Joins a salon with a code shown on an owner's device. Throws SyncHttpError. */
	async pair(code: string, deviceName: string): Promise<void> {
		this.#save(await requestPairing(code, deviceName));
		await this.start();
	}

	// The salon's API below (salon-api.ts): each call throws SyncHttpError ('network' offline),
	// and an answer saying the server no longer knows this device wipes it.

	/** A code whose device will work at `locationId` (null: no location) as `role`. */
	createPairingCode(
		locationId: string | null = null,
		role: RoleId | null = null
	): Promise<PairingCodeResponse> {
		return this.#api.createPairingCode(locationId, role);
	}

	/** A manager gives another device a role (the server refuses this device's own). */
	setDeviceRole(deviceId: string, role: RoleId): Promise<Device> {
		return this.#api.setDeviceRole(deviceId, role);
	}

	/** Owner: moves a device to another location of the salon (null: none). */
	async setDeviceLocation(deviceId: string, locationId: string | null): Promise<Device> {
		const device = await this.#api.setDeviceLocation(deviceId, locationId);
		if (device.id === this.credentials?.deviceId) this.#setOwnDevice(device);
		return device;
	}

	/** An authenticated GET of this salon's API (`/clients/…/history`, `/audit?…`): the raw JSON,
	 *  for the caller to parse. */
	getSalonApi(path: string): Promise<unknown> {
		return this.#api.get(path);
	}

	/** The export gate (issue 7): 201 when the device's role may export; SyncHttpError else. */
	requestExport(body: ExportRequest): Promise<void> {
		return this.#api.requestExport(body);
	}

	devices(): Promise<Device[]> {
		return this.#api.devices();
	}

	/** The salon's data key (encryption at rest). */
	dataKey(): Promise<string> {
		return this.#api.dataKey();
	}

	revoke(deviceId: string): Promise<void> {
		return this.#api.revoke(deviceId);
	}

	/** True when this tab replicates and every local change has reached the server: the moment
	 *  encryption at rest may move the data to the other database (state/at-rest.svelte.ts). */
	async hasNothingPending(): Promise<boolean> {
		const running = this.#running;
		if (!running || !this.tracker.isLeader || this.status.kind === 'offline') return false;
		await running.awaitInSync();
		return (await running.countPending()) === 0;
	}

	/** Stops syncing and forgets the salon; what is on this device stays on it. */
	async disconnect(): Promise<void> {
		await this.#stop();
		storage()?.removeItem(SYNC_STORAGE_KEY);
		this.credentials = null;
	}

	async #stop(): Promise<void> {
		const running = this.#running;
		this.#running = null;
		this.tracker.forget();
		await running?.stop();
	}

	/** The server no longer knows this device: delete every local trace of the salon's data.
	 *  The device id, its clock and the chosen language stay (they are not the salon's). */
	async #wipe(byOtherTab = false): Promise<void> {
		// Another tab of this device already deleted the data: follow it even if this tab has
		// already seen the credentials go (the storage event may arrive first).
		if (this.wiped || (!byOtherTab && !this.credentials)) return;
		if (!byOtherTab) this.tracker.announceWipe();
		this.credentials = null;
		forgetSalonKeys(storage());
		await this.#stop().catch(() => undefined);
		closeSalonState();
		try {
			await removeAppDatabase();
		} finally {
			this.wiped = true;
		}
	}
}

export const sync = new SyncState();

/** The location to stamp on what this device records (visits, staff shifts); null when the
 *  salon has no locations or this device was not assigned one. */
export function currentLocationId(): string | null {
	return sync.locationId;
}
