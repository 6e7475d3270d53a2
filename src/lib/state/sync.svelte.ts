// This device's link to the salon's sync server: credentials, the visible status, pairing and
// device management, and the wipe when the server says the device no longer belongs. A device
// that never paired stays "local only" and the app works exactly the same without a server.
import { getDatabase, removeAppDatabase } from '$lib/db/database';
import {
	callSyncApi,
	SyncHttpError,
	startReplication,
	type Replication,
	type ReplicationStatus
} from '$lib/db/replication';
import {
	deviceResponseSchema,
	deviceTokenResponseSchema,
	devicesResponseSchema,
	pairingCodeResponseSchema,
	type Device,
	type DeviceTokenResponse,
	type PairingCodeResponse
} from '$lib/domain/sync-protocol';
import { clientBook } from './clients.svelte';
import { deviceClock } from './device';
import { salon } from './salon.svelte';
import {
	deriveStatus,
	LIST_PREFS_KEY,
	parseStoredSync,
	SYNC_STORAGE_KEY,
	type StoredSync,
	type SyncStatus
} from './sync-helpers';

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Storage disabled: the device cannot stay paired across reloads, but still works.
		return null;
	}
}

const IDLE: ReplicationStatus = {
	active: false,
	pending: 0,
	offline: false,
	errorCode: null,
	lastSyncedAt: null
};

export class SyncState {
	credentials = $state.raw<StoredSync | null>(
		parseStoredSync(storage()?.getItem(SYNC_STORAGE_KEY) ?? null)
	);
	/** Set once local data was deleted after a revoke; the layout then goes to /pair. */
	wiped = $state(false);
	#replication = $state.raw<ReplicationStatus>(IDLE);
	#browserOnline = $state(globalThis.navigator?.onLine ?? true);
	#offlineSince = $state<number | null>(null);
	#running: Replication | null = null;
	#starting: Promise<void> | null = null;
	#listening = false;

	status: SyncStatus = $derived(
		deriveStatus({
			isPaired: this.credentials !== null,
			isBrowserOnline: this.#browserOnline,
			isServerUnreachable: this.#replication.offline,
			active: this.#replication.active,
			pending: this.#replication.pending,
			errorCode: this.#replication.errorCode,
			offlineSince: this.#offlineSince,
			lastSyncedAt: this.#replication.lastSyncedAt
		})
	);

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
		this.#replication = IDLE;
		this.#running = startReplication(db, creds, {
			onStatus: (partial) => this.#update(partial),
			onUnauthorized: () => void this.#wipe(),
			onRemoteStamp: (stamp) => deviceClock().receive(stamp),
			onDevice: (device) => {
				if (device.id === this.credentials?.deviceId) this.#setLocation(device.locationId);
			}
		});
	}

	#update(partial: Partial<ReplicationStatus>): void {
		const next = { ...this.#replication, ...partial };
		if (next.offline && !this.#replication.offline) this.#offlineSince ??= Date.now();
		if (!next.offline && this.#browserOnline) this.#offlineSince = null;
		this.#replication = next;
	}

	#listen(): void {
		if (this.#listening || typeof window === 'undefined') return;
		this.#listening = true;
		window.addEventListener('offline', () => {
			this.#browserOnline = false;
			this.#offlineSince ??= Date.now();
		});
		window.addEventListener('online', () => {
			this.#browserOnline = true;
			if (!this.#replication.offline) this.#offlineSince = null;
			// Retry at once instead of waiting for the stream's backoff.
			this.#running?.reconnect();
		});
		if (!this.#browserOnline) this.#offlineSince = Date.now();
	}

	#remember(answer: DeviceTokenResponse, deviceName: string, salonName: string): void {
		const creds: StoredSync = {
			serverUrl: '',
			salonId: answer.salonId,
			deviceId: answer.deviceId,
			token: answer.token,
			role: answer.role,
			deviceName,
			salonName,
			locationId: answer.locationId ?? null
		};
		this.#save(creds);
	}

	/** First start of a salon: this device becomes its owner. Throws SyncHttpError. */
	async createSalon(salonName: string, deviceName: string): Promise<void> {
		const answer = deviceTokenResponseSchema.parse(
			await callSyncApi('', '/salons', { body: { salonName, deviceName } })
		);
		this.#remember(answer, deviceName, salonName);
		if (!salon.settings.salonName) {
			// A naming failure must not undo the pairing that already succeeded.
			await salon.saveSettings({ salonName }).catch(() => undefined);
		}
		await this.start();
	}

	/** Joins a salon with a code shown on an owner's device. Throws SyncHttpError. */
	async pair(code: string, deviceName: string): Promise<void> {
		const answer = deviceTokenResponseSchema.parse(
			await callSyncApi('', '/pair', { body: { code, deviceName } })
		);
		this.#remember(answer, deviceName, '');
		await this.start();
	}

	async #authed(path: string, body?: unknown): Promise<unknown> {
		const creds = this.credentials;
		if (!creds) throw new SyncHttpError(401, 'unauthorized');
		try {
			return await callSyncApi(
				creds.serverUrl,
				`/salons/${encodeURIComponent(creds.salonId)}${path}`,
				{
					token: creds.token,
					body
				}
			);
		} catch (error) {
			if (
				error instanceof SyncHttpError &&
				(error.code === 'unauthorized' || error.code === 'device_revoked')
			) {
				void this.#wipe();
			}
			throw error;
		}
	}

	/** A code whose device will work at `locationId` (null: no location). */
	async createPairingCode(locationId: string | null = null): Promise<PairingCodeResponse> {
		return pairingCodeResponseSchema.parse(
			await this.#authed('/pairing-codes', locationId ? { locationId } : {})
		);
	}

	/** Owner: moves a device to another location of the salon (null: none). */
	async setDeviceLocation(deviceId: string, locationId: string | null): Promise<Device> {
		const { device } = deviceResponseSchema.parse(
			await this.#authed(`/devices/${encodeURIComponent(deviceId)}/location`, { locationId })
		);
		if (device.id === this.credentials?.deviceId) this.#setLocation(device.locationId);
		return device;
	}

	async devices(): Promise<Device[]> {
		return devicesResponseSchema.parse(await this.#authed('/devices')).devices;
	}

	async revoke(deviceId: string): Promise<void> {
		await this.#authed(`/devices/${encodeURIComponent(deviceId)}/revoke`, {});
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
		this.#replication = IDLE;
		await running?.stop();
	}

	/** The server no longer knows this device: delete every local trace of the salon's data.
	 *  The device id, its clock and the chosen language stay (they are not the salon's). */
	async #wipe(): Promise<void> {
		if (this.wiped || !this.credentials) return;
		this.credentials = null;
		storage()?.removeItem(SYNC_STORAGE_KEY);
		storage()?.removeItem(LIST_PREFS_KEY);
		await this.#stop().catch(() => undefined);
		clientBook.stop();
		salon.stop();
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
