// The device as the API shows it: never the token hash, never the salon (it is in the URL).
import { deviceRoleOf } from '../auth/device-permissions.js';
import type { DeviceRecord } from '../storage/types.js';

export interface WireDevice {
	id: string;
	name: string;
	role: 'owner' | 'staff';
	createdAt: number;
	lastSeenAt: number | null;
	revokedAt: number | null;
	locationId: string | null;
	accessRole: string;
}

export function toWireDevice(d: DeviceRecord): WireDevice {
	return {
		id: d.id,
		name: d.name,
		role: d.role,
		createdAt: d.createdAt,
		lastSeenAt: d.lastSeenAt,
		revokedAt: d.revokedAt,
		locationId: d.locationId,
		accessRole: deviceRoleOf(d)
	};
}
