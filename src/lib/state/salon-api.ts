// The sync server's HTTP API as this device's sync state uses it: creating or joining a salon,
// whose answer becomes the credentials to keep, and the calls a paired device makes on its salon
// (pairing codes, devices, roles, locations, exports, the data key, history). Every answer is
// parsed with its zod schema; the replication itself lives in src/lib/db.
import { callSyncApi, SyncHttpError } from '$lib/db/replication';
import { dataKeyResponseSchema } from '$lib/domain/data-key';
import { exportResponseSchema, type ExportRequest } from '$lib/domain/export-request';
import type { RoleId } from '$lib/domain/permissions';
import {
	deviceResponseSchema,
	deviceTokenResponseSchema,
	devicesResponseSchema,
	pairingCodeResponseSchema,
	type Device,
	type DeviceTokenResponse,
	type PairingCodeResponse
} from '$lib/domain/sync-protocol';
import type { StoredSync } from './sync-helpers';

/** The credentials to store from the server's answer to creating or joining a salon. */
export function credentialsFrom(
	answer: DeviceTokenResponse,
	deviceName: string,
	salonName: string
): StoredSync {
	return {
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
}

/** First start of a salon: this device becomes its owner. Throws SyncHttpError. */
export async function requestSalon(salonName: string, deviceName: string): Promise<StoredSync> {
	const answer = deviceTokenResponseSchema.parse(
		await callSyncApi('', '/salons', { body: { salonName, deviceName } })
	);
	return credentialsFrom(answer, deviceName, salonName);
}

/** Joins a salon with a code shown on an owner's device. Throws SyncHttpError. */
export async function requestPairing(code: string, deviceName: string): Promise<StoredSync> {
	const answer = deviceTokenResponseSchema.parse(
		await callSyncApi('', '/pair', { body: { code, deviceName } })
	);
	return credentialsFrom(answer, deviceName, '');
}

/** The salon's API with this device's token. Each call throws SyncHttpError; an answer saying the
 *  server no longer knows the device calls `onRevoked` (the wipe) before the error is thrown. */
export class SalonApi {
	readonly #credentials: () => StoredSync | null;
	readonly #onRevoked: () => void;

	constructor(credentials: () => StoredSync | null, onRevoked: () => void) {
		this.#credentials = credentials;
		this.#onRevoked = onRevoked;
	}

	async #call(path: string, body?: unknown): Promise<unknown> {
		const creds = this.#credentials();
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
				this.#onRevoked();
			}
			throw error;
		}
	}

	/** A code whose device will work at `locationId` (null: no location) as `role`. */
	async createPairingCode(
		locationId: string | null,
		role: RoleId | null
	): Promise<PairingCodeResponse> {
		return pairingCodeResponseSchema.parse(
			await this.#call('/pairing-codes', {
				...(locationId ? { locationId } : {}),
				...(role ? { role } : {})
			})
		);
	}

	/** A manager gives another device a role (the server refuses this device's own). */
	async setDeviceRole(deviceId: string, role: RoleId): Promise<Device> {
		const { device } = deviceResponseSchema.parse(
			await this.#call(`/devices/${encodeURIComponent(deviceId)}/role`, { role })
		);
		return device;
	}

	/** Owner: moves a device to another location of the salon (null: none). */
	async setDeviceLocation(deviceId: string, locationId: string | null): Promise<Device> {
		const { device } = deviceResponseSchema.parse(
			await this.#call(`/devices/${encodeURIComponent(deviceId)}/location`, { locationId })
		);
		return device;
	}

	/** An authenticated GET (`/clients/…/history`, `/audit?…`): the raw JSON, for the caller to
	 *  parse. */
	async get(path: string): Promise<unknown> {
		return this.#call(path);
	}

	/** The export gate (issue 7): 201 when the device's role may export. */
	async requestExport(body: ExportRequest): Promise<void> {
		exportResponseSchema.parse(await this.#call('/exports', body));
	}

	async devices(): Promise<Device[]> {
		return devicesResponseSchema.parse(await this.#call('/devices')).devices;
	}

	/** The salon's data key (encryption at rest). */
	async dataKey(): Promise<string> {
		return dataKeyResponseSchema.parse(await this.#call('/data-key')).key;
	}

	async revoke(deviceId: string): Promise<void> {
		await this.#call(`/devices/${encodeURIComponent(deviceId)}/revoke`, {});
	}
}
