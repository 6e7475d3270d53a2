// The salon's custom roles (issue 7): the synced settings key `roles`, which the sync server reads
// to enforce what a device with such a role may do. Only a role with manageStaff writes it (the
// server refuses anyone else).
import { newId } from '$lib/domain/ids';
import { assertCan } from './permissions';
import type { CustomRole, Permission } from '$lib/domain/permissions';
import { salon } from './salon.svelte';

function save(roles: CustomRole[]): Promise<unknown> {
	assertCan('manageStaff');
	return salon.saveSettings({ roles });
}

/** A new role with no permission: the owner ticks what it may do. */
export function addRole(name: string): Promise<unknown> {
	return save([...salon.settings.roles, { id: newId(), name, permissions: [] }]);
}

export function renameRole(id: string, name: string): Promise<unknown> {
	return save(salon.settings.roles.map((r) => (r.id === id ? { ...r, name } : r)));
}

/** Devices and staff still holding the role get no permission (permissionsOf). */
export function removeRole(id: string): Promise<unknown> {
	return save(salon.settings.roles.filter((r) => r.id !== id));
}

export function setRolePermission(id: string, permission: Permission, granted: boolean) {
	return save(
		salon.settings.roles.map((r) => {
			if (r.id !== id) return r;
			const rest = r.permissions.filter((p) => p !== permission);
			return { ...r, permissions: granted ? [...rest, permission] : rest };
		})
	);
}
