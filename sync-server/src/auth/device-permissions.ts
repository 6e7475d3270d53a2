// What a device may do: the permissions of the role it was paired with (issue 7), custom roles
// resolved from the salon's synced `roles` setting. The server enforces the DEVICE's role; a
// signed-in staff member only narrows what the app shows.
import {
	customRolesSchema,
	isBuiltInRole,
	permissionsOf,
	type CustomRole,
	type Permission,
	type RoleId
} from '../../../src/lib/domain/permissions.js';
import type { ServerDeps } from '../http/context.js';
import { HttpError } from '../http/errors.js';
import type { DeviceRecord } from '../storage/types.js';

export const ROLES_SETTING_KEY = 'roles';

/** The role a device acts as. Devices paired before roles existed have none stored: the
 *  salon's creator is its owner, a paired device was a reception device. */
export function deviceRoleOf(device: Pick<DeviceRecord, 'role' | 'accessRole'>): RoleId {
	return device.accessRole ?? (device.role === 'owner' ? 'owner' : 'reception');
}

export async function customRolesOf(deps: ServerDeps, salonId: string): Promise<CustomRole[]> {
	const doc = (await deps.storage.getDocument(salonId, 'settings', ROLES_SETTING_KEY)) as {
		value?: unknown;
		_deleted?: boolean;
	} | null;
	const parsed = doc && !doc._deleted ? customRolesSchema.safeParse(doc.value) : null;
	return parsed?.success ? parsed.data : [];
}

export async function devicePermissions(
	deps: ServerDeps,
	device: DeviceRecord
): Promise<ReadonlySet<Permission>> {
	const role = deviceRoleOf(device);
	// Built-in roles need no read: every push and pull asks this.
	if (isBuiltInRole(role)) return permissionsOf(role);
	return permissionsOf(role, await customRolesOf(deps, device.salonId));
}

/** Throws 403 'forbidden' unless the device's role grants `permission`. */
export async function assertDeviceCan(
	deps: ServerDeps,
	device: DeviceRecord,
	permission: Permission
): Promise<void> {
	if (!(await devicePermissions(deps, device)).has(permission)) {
		throw new HttpError(403, 'forbidden', `This device's role may not do this (${permission})`);
	}
}

/** Throws 400 'unknown_role' unless `role` is built in or one of the salon's custom roles. */
export async function assertRoleOfSalon(
	deps: ServerDeps,
	salonId: string,
	role: RoleId
): Promise<void> {
	if (isBuiltInRole(role)) return;
	if (!(await customRolesOf(deps, salonId)).some((r) => r.id === role)) {
		throw new HttpError(400, 'unknown_role', 'No such role in this salon', 'role');
	}
}
