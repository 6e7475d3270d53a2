// What a device may do: the permissions of the role it was paired with (issue 7), custom roles
// resolved from the salon's synced `roles` setting. The server enforces the DEVICE's role; a
// signed-in staff member only narrows what the app shows.
import {
	customRolesSchema,
	permissionsOf,
	type CustomRole,
	type Permission
} from '../../../src/lib/domain/permissions.js';
import type { ServerDeps } from '../http/context.js';
import type { DeviceRecord } from '../storage/types.js';

export const ROLES_SETTING_KEY = 'roles';

async function customRolesOf(deps: ServerDeps, salonId: string): Promise<CustomRole[]> {
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
	return permissionsOf(device.role, await customRolesOf(deps, device.salonId));
}
