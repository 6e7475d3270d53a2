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
import { dataKeyResponseSchema } from '$lib/domain/data-key';
import {
	deviceResponseSchema,
	deviceTokenResponseSchema,
	devicesResponseSchema,
	pairingCodeResponseSchema,
	type Device,
	type DeviceTokenResponse,
	type PairingCodeResponse
} from '$lib/domain/sync-protocol';
import { AT_REST_KEY, DATA_KEY_SESSION_KEY } from './at-rest-keys';
import { clientBook } from './clients.svelte';
import { deviceClock } from './device';
import { salon } from './salon.svelte';
import { SyncStatusTracker } from './sync-status.svelte';
import { permissionsOf, type CustomRole, type RoleId } from '$lib/domain/permissions';
import { exportResponseSchema, type ExportRequest } from '$lib/domain/export-request';
import {
	deviceRoleOf,
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
	#caughtUp: Array<() => void> = [];
	#checking = false;
	#wasActive = false;

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
		if (losesSight(before, device.accessRole, salon.settings.roles)) void this.#reloadMasked();
	}

	/** The device may no longer see what it holds (contacts, health data): its local copy came
	 *  unmasked, so it is dropped and pulled again, masked by the server. What is still unsent is
	 *  sent first (a refusal under the new role is shown as a sync error, never dropped here). */
	async #reloadMasked(): Promise<void> {
		try {
			// Bounded: a push the new role is refused keeps retrying, and must not keep the
			// unmasked copy on this device.
			await Promise.race([
				this.#running?.awaitInSync(),
				new Promise((done) => setTimeout(done, RELOAD_MASKED_WAIT_MS))
			]);
		} finally {
			await this.#stop().catch(() => undefined);
			clientBook.stop();
			salon.stop();
			await removeAppDatabase();
			window.location.reload();
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
				this.#watchCaughtUp(partial);
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
		this.#caughtUp.push(listener);
	}

	#watchCaughtUp(partial: Partial<ReplicationStatus>): void {
		if (partial.active === undefined) return;
		const wasActive = this.#wasActive;
		this.#wasActive = partial.active;
		if (wasActive && !partial.active && partial.offline !== true) {
			this.#notifyCaughtUp().catch(() => undefined); // a stopped replication: nothing to check
		}
	}

	async #notifyCaughtUp(): Promise<void> {
		if (this.#checking || !this.#running) return;
		this.#checking = true;
		try {
			// Every collection, links included, before anyone acts on what arrived.
			await this.#running.awaitInSync();
			for (const listener of this.#caughtUp) listener();
		} finally {
			this.#checking = false;
		}
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

	#remember(answer: DeviceTokenResponse, deviceName: string, salonName: string): void {
		const creds: StoredSync = {
			serverUrl: '',
			salonId: answer.salonId,
			deviceId: answer.deviceId,
			token: answer.token,
			role: answer.role,
			deviceName,
			salonName,
			locationId: answer.locationId ?? null,
			...(answer.accessRole === undefined ? {} : { accessRole: answer.accessRole })
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

	/** A code whose device will work at `locationId` (null: no location) as `role`. */
	async createPairingCode(
		locationId: string | null = null,
		role: RoleId | null = null
	): Promise<PairingCodeResponse> {
		return pairingCodeResponseSchema.parse(
			await this.#authed('/pairing-codes', {
				...(locationId ? { locationId } : {}),
				...(role ? { role } : {})
			})
		);
	}

	/** A manager gives another device a role (the server refuses this device's own). */
	async setDeviceRole(deviceId: string, role: RoleId): Promise<Device> {
		const { device } = deviceResponseSchema.parse(
			await this.#authed(`/devices/${encodeURIComponent(deviceId)}/role`, { role })
		);
		return device;
	}

	/** Owner: moves a device to another location of the salon (null: none). */
	async setDeviceLocation(deviceId: string, locationId: string | null): Promise<Device> {
		const { device } = deviceResponseSchema.parse(
			await this.#authed(`/devices/${encodeURIComponent(deviceId)}/location`, { locationId })
		);
		if (device.id === this.credentials?.deviceId) this.#setOwnDevice(device);
		return device;
	}

	/** An authenticated GET of this salon's API (`/clients/…/history`, `/audit?…`): the raw JSON,
	 *  for the caller to parse. Throws SyncHttpError ('network' offline); a revoked device wipes. */
	async getSalonApi(path: string): Promise<unknown> {
		return this.#authed(path);
	}

	/** The export gate (issue 7): 201 when the device's role may export; SyncHttpError else. */
	async requestExport(body: ExportRequest): Promise<void> {
		exportResponseSchema.parse(await this.#authed('/exports', body));
	}

	async devices(): Promise<Device[]> {
		return devicesResponseSchema.parse(await this.#authed('/devices')).devices;
	}

	/** The salon's data key (encryption at rest). Throws SyncHttpError; a revoked device wipes. */
	async dataKey(): Promise<string> {
		return dataKeyResponseSchema.parse(await this.#authed('/data-key')).key;
	}

	/** True when this tab replicates and every local change has reached the server: the moment
	 *  encryption at rest may move the data to the other database (state/at-rest.svelte.ts). */
	async hasNothingPending(): Promise<boolean> {
		const running = this.#running;
		if (!running || !this.tracker.isLeader || this.status.kind === 'offline') return false;
		await running.awaitInSync();
		return (await running.countPending()) === 0;
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
		storage()?.removeItem(SYNC_STORAGE_KEY);
		storage()?.removeItem(LIST_PREFS_KEY);
		// Both databases go below, and the data key with them.
		storage()?.removeItem(AT_REST_KEY);
		globalThis.sessionStorage?.removeItem(DATA_KEY_SESSION_KEY);
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

const RELOAD_MASKED_WAIT_MS = 10_000;

/** True when `after` lacks seeContacts or seeHealth that `before` had. */
export function losesSight(before: RoleId, after: RoleId, roles: readonly CustomRole[]): boolean {
	const had = permissionsOf(before, roles);
	const has = permissionsOf(after, roles);
	return (['seeContacts', 'seeHealth'] as const).some((p) => had.has(p) && !has.has(p));
}

export const sync = new SyncState();

/** The location to stamp on what this device records (visits, staff shifts); null when the
 *  salon has no locations or this device was not assigned one. */
export function currentLocationId(): string | null {
	return sync.locationId;
}
