// The device-side gate: who this device acts as, asked before every guarded action (merges,
// bulk actions, exports, imports, deletion, erasure, staff). The rules live in
// src/lib/domain/permissions.ts; the sync server enforces the same rules for the device's role.
import {
	ACTION_PERMISSION,
	effectivePermissions,
	PermissionError,
	type Action,
	type CustomRole,
	type Permission,
	type RoleId
} from '$lib/domain/permissions';

export { ACTIONS, PermissionError, type Action, type Permission } from '$lib/domain/permissions';

/** Who acts on this device: the role the device was paired with (what the server allows it),
 *  the signed-in staff member's role (null: nobody signed in, or a salon without staff), and the
 *  salon's custom roles. A device that never paired is its own salon's owner. */
export interface Actor {
	deviceRole: RoleId;
	staffRole: RoleId | null;
	customRoles: readonly CustomRole[];
}

let currentActor: () => Actor = () => ({ deviceRole: 'owner', staffRole: null, customRoles: [] });

export function setActorSource(source: () => Actor): void {
	currentActor = source;
}

/** The permissions of the person using this device now (reactive when the source reads runes). */
export function permissions(): ReadonlySet<Permission> {
	const actor = currentActor();
	return effectivePermissions(actor.deviceRole, actor.staffRole, actor.customRoles);
}

export function hasPermission(permission: Permission): boolean {
	return permissions().has(permission);
}

/** Whether the person using this device may perform `action`. */
export function can(action: Action): boolean {
	return hasPermission(ACTION_PERMISSION[action]);
}

export function assertCan(action: Action): void {
	if (!can(action)) throw new PermissionError(action);
}
