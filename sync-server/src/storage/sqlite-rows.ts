// SQLite rows ↔ storage records (better-sqlite3 returns INTEGER columns as numbers).
import type { DeviceRecord, PairingCodeRecord } from './types.js';

export interface DeviceRow {
	id: string;
	salon_id: string;
	name: string;
	role: 'owner' | 'staff';
	token_hash: string;
	created_at: number;
	last_seen_at: number | null;
	revoked_at: number | null;
	location_id: string | null;
	access_role: string | null;
}

export interface PairingRow {
	code_id: string;
	salon_id: string;
	secret_hash: string;
	expires_at: number;
	attempts: number;
	used_at: number | null;
	created_by: string;
	location_id: string | null;
	access_role: string | null;
}

export const toDevice = (r: DeviceRow): DeviceRecord => ({
	id: r.id,
	salonId: r.salon_id,
	name: r.name,
	role: r.role,
	tokenHash: r.token_hash,
	createdAt: r.created_at,
	lastSeenAt: r.last_seen_at,
	revokedAt: r.revoked_at,
	locationId: r.location_id,
	// Omitted when never set (devices and codes made before roles).
	...(r.access_role ? { accessRole: r.access_role } : {})
});

export const toPairing = (r: PairingRow): PairingCodeRecord => ({
	codeId: r.code_id,
	salonId: r.salon_id,
	secretHash: r.secret_hash,
	expiresAt: r.expires_at,
	attempts: r.attempts,
	usedAt: r.used_at,
	createdBy: r.created_by,
	locationId: r.location_id,
	// Omitted when never set (devices and codes made before roles).
	...(r.access_role ? { accessRole: r.access_role } : {})
});
