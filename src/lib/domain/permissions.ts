// Who may do what (issue 7). A role is a set of permissions: three built in (owner, reception,
// therapist) and any number of custom roles the owner defines (settings key `roles`). The app asks
// this module before every guarded action and the sync server enforces the same table on push
// and pull, so a device cannot do by hand what its screen hides.
import { z } from 'zod';

export const PERMISSIONS = [
	/** Phones, e-mails, address, fiscal and business data, the full last name. Else masked. */
	'seeContacts',
	/** Allergies, contraindications and other health fields. Else hidden. */
	'seeHealth',
	'export',
	/** Delete a card (a tombstone that an undo or a later edit can bring back). */
	'delete',
	/** GDPR erasure: the card and everything attached, on every device and on the server. */
	'erase',
	/** Merge and unmerge duplicates, mark a pair as distinct. */
	'merge',
	'import',
	/** Bulk actions on a selection of cards. */
	'bulk',
	/** Staff members, roles, devices, pairing codes and privacy settings. */
	'manageStaff'
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const BUILT_IN_ROLES = ['owner', 'reception', 'therapist'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];
/** A built-in role or the id of a custom role. */
export type RoleId = string;

/** The defaults of the issue: therapists cannot export, delete, erase, import or bulk-edit and
 *  see no contact details; reception cannot erase or manage staff. */
export const BUILT_IN_PERMISSIONS: Record<BuiltInRole, readonly Permission[]> = {
	owner: PERMISSIONS,
	reception: ['seeContacts', 'seeHealth', 'export', 'delete', 'merge', 'import', 'bulk'],
	therapist: ['seeHealth', 'merge']
};

export const roleIdSchema = z
	.string()
	.min(1)
	.max(40)
	.regex(/^[a-z0-9][a-z0-9_-]*$/);

/** A custom role (settings key `roles`): a name and the permissions it grants. */
export const customRoleSchema = z
	.object({
		id: roleIdSchema.refine((id) => !(BUILT_IN_ROLES as readonly string[]).includes(id), {
			message: 'builtInRoleId'
		}),
		name: z.string().trim().min(1).max(60),
		permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length)
	})
	.strict();
export type CustomRole = z.infer<typeof customRoleSchema>;

export const customRolesSchema = z
	.array(customRoleSchema)
	.max(50)
	.refine((roles) => new Set(roles.map((r) => r.id)).size === roles.length, {
		message: 'duplicateRoleId'
	});

export function isBuiltInRole(role: RoleId): role is BuiltInRole {
	return (BUILT_IN_ROLES as readonly string[]).includes(role);
}

/** The permissions of a role. An unknown role (a custom role since removed) has none. */
export function permissionsOf(
	role: RoleId,
	customRoles: readonly CustomRole[] = []
): ReadonlySet<Permission> {
	if (isBuiltInRole(role)) return new Set(BUILT_IN_PERMISSIONS[role]);
	return new Set(customRoles.find((r) => r.id === role)?.permissions ?? []);
}

export function roleCan(
	role: RoleId,
	permission: Permission,
	customRoles: readonly CustomRole[] = []
): boolean {
	return permissionsOf(role, customRoles).has(permission);
}

/** What a person may do on a device: what both the device's role (enforced by the server) and
 *  the signed-in staff member's role allow. No staff signed in: the device's role alone. */
export function effectivePermissions(
	deviceRole: RoleId,
	staffRole: RoleId | null,
	customRoles: readonly CustomRole[] = []
): ReadonlySet<Permission> {
	const device = permissionsOf(deviceRole, customRoles);
	if (staffRole === null) return device;
	const staff = permissionsOf(staffRole, customRoles);
	return new Set([...device].filter((p) => staff.has(p)));
}

/** The app's guarded actions, each checked against one permission. */
export const ACTIONS = [
	'merge',
	'unmerge',
	'markDistinct',
	'bulk',
	'export',
	'import',
	'delete',
	'erase',
	'manageStaff'
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_PERMISSION: Record<Action, Permission> = {
	merge: 'merge',
	unmerge: 'merge',
	markDistinct: 'merge',
	bulk: 'bulk',
	export: 'export',
	import: 'import',
	delete: 'delete',
	erase: 'erase',
	manageStaff: 'manageStaff'
};

/** What a guarded action throws when the role may not take it. */
export class PermissionError extends Error {
	readonly code = 'forbidden';
	constructor(readonly action: Action) {
		super(`not allowed: ${action}`);
		this.name = 'PermissionError';
	}
}
