// Pure pieces of the sync state, kept apart so they are tested in Node: the stored
// credentials, the device's role, the visible status, which message explains an error, a
// default device name.
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n/catalog';
import { permissionsOf, roleIdSchema, type CustomRole, type RoleId } from '$lib/domain/permissions';

export const SYNC_STORAGE_KEY = 'schedario.sync';
/** When this device last heard from the server and since when it is offline, kept across
 *  reloads so "Offline since 14:05" stays true after the app is reopened offline. */
export const SYNC_STATUS_KEY = 'schedario.sync.status';
/** The list's view preferences (list-view.svelte.ts); a wiped device forgets them too. */
export const LIST_PREFS_KEY = 'schedario.clientsList.prefs.v1';

export const storedSyncSchema = z.object({
	serverUrl: z.string().max(500),
	salonId: z.string().min(1).max(64),
	deviceId: z.string().min(1).max(64),
	token: z.string().min(1).max(200),
	role: z.enum(['owner', 'staff']),
	deviceName: z.string().max(100),
	salonName: z.string().max(200),
	/** The chain location this device works at (set at pairing, moved by the owner). Stored
	 *  so it is known offline; credentials saved before chains have none. */
	locationId: z.string().min(1).max(64).nullable().default(null),
	/** The role this device acts as (issue 7), known offline like the location; credentials
	 *  saved before roles have none (see deviceRoleOf). */
	accessRole: roleIdSchema.optional()
});
export type StoredSync = z.infer<typeof storedSyncSchema>;

/** The role a device acts as: what the server said, else (paired before roles) the salon's
 *  creator is its owner and a paired device a reception device. Unpaired: its own owner. */
export function deviceRoleOf(creds: StoredSync | null): RoleId {
	if (!creds) return 'owner';
	return creds.accessRole ?? (creds.role === 'owner' ? 'owner' : 'reception');
}

/** True when `after` lacks seeContacts or seeHealth that `before` had. */
export function losesSight(before: RoleId, after: RoleId, roles: readonly CustomRole[]): boolean {
	const had = permissionsOf(before, roles);
	const has = permissionsOf(after, roles);
	return (['seeContacts', 'seeHealth'] as const).some((p) => had.has(p) && !has.has(p));
}

/** Credentials from localStorage text; anything unreadable counts as "not paired". */
export function parseStoredSync(raw: string | null): StoredSync | null {
	if (!raw) return null;
	try {
		const parsed = storedSyncSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : null;
	} catch {
		// Corrupt JSON: the device pairs again rather than failing to start.
		return null;
	}
}

const storedStatusSchema = z.object({
	lastSyncedAt: z.number().int().min(0).nullable(),
	offlineSince: z.number().int().min(0).nullable()
});
export type StoredStatus = z.infer<typeof storedStatusSchema>;

/** The remembered times from localStorage text; unreadable means "not known". */
export function parseStoredStatus(raw: string | null): StoredStatus {
	const none = { lastSyncedAt: null, offlineSince: null };
	if (!raw) return none;
	try {
		const parsed = storedStatusSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : none;
	} catch {
		// Corrupt JSON: start without remembered times rather than fail.
		return none;
	}
}

export type SyncKind = 'local-only' | 'synced' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
	kind: SyncKind;
	pending: number;
	offlineSince: number | null;
	/** A protocol error code ('clock_in_future', 'network', …) when kind is 'error'. */
	error: string | null;
	lastSyncedAt: number | null;
	/** While a first sync writes the salon's cards: how many are in so far (else null). */
	receivedClients: number | null;
}

export interface StatusInputs {
	isPaired: boolean;
	isBrowserOnline: boolean;
	isServerUnreachable: boolean;
	active: boolean;
	pending: number;
	errorCode: string | null;
	offlineSince: number | null;
	lastSyncedAt: number | null;
	receivedClients: number | null;
}

/** One status from everything known. Offline beats error: a refusal seen before the network
 *  dropped is retried anyway once the device is back. */
export function deriveStatus(i: StatusInputs): SyncStatus {
	const base = {
		pending: i.pending,
		offlineSince: null,
		error: null,
		lastSyncedAt: i.lastSyncedAt,
		receivedClients: null
	};
	if (!i.isPaired) return { ...base, kind: 'local-only', pending: 0 };
	if (!i.isBrowserOnline || i.isServerUnreachable) {
		return { ...base, kind: 'offline', offlineSince: i.offlineSince };
	}
	if (i.errorCode) return { ...base, kind: 'error', error: i.errorCode };
	if (i.active || i.pending > 0) {
		return { ...base, kind: 'syncing', receivedClients: i.receivedClients };
	}
	return { ...base, kind: 'synced' };
}

const ERROR_KEYS: Record<string, MessageKey> = {
	network: 'sync.error.network',
	clock_in_future: 'sync.error.clockInFuture',
	rate_limited: 'sync.error.rateLimited',
	bad_request: 'sync.error.badRequest',
	body_too_large: 'sync.error.badRequest',
	erased: 'sync.error.erased',
	forbidden: 'sync.error.forbidden',
	not_found: 'sync.error.notFound',
	pairing_code_invalid: 'sync.error.codeInvalid',
	pairing_code_expired: 'sync.error.codeExpired',
	signup_closed: 'sync.error.signupClosed',
	salon_exists: 'sync.error.signupClosed',
	unauthorized: 'sync.error.unauthorized',
	device_revoked: 'sync.error.unauthorized',
	unknown_location: 'locations.unknown',
	forbidden_field: 'perm.error.forbiddenField',
	unknown_role: 'perm.error.unknownRole'
};

/** The message that explains a sync error code to a person. */
export function syncErrorKey(code: string): MessageKey {
	return ERROR_KEYS[code] ?? 'sync.error.server';
}

/** A name a person recognises the device by, from the browser's user agent. */
export function defaultDeviceName(userAgent: string): MessageKey {
	if (/iPad|Tablet|Android(?!.*Mobile)/i.test(userAgent)) return 'sync.deviceKind.tablet';
	if (/iPhone|Mobile|Android/i.test(userAgent)) return 'sync.deviceKind.phone';
	return 'sync.deviceKind.computer';
}

/** Whole seconds left until `expiresAt`, never negative. */
export function secondsLeft(expiresAt: number, now: number): number {
	return Math.max(0, Math.ceil((expiresAt - now) / 1000));
}

/** 'm:ss' for a countdown. */
export function formatCountdown(seconds: number): string {
	const m = Math.floor(seconds / 60);
	const s = seconds % 60;
	return `${m}:${String(s).padStart(2, '0')}`;
}
