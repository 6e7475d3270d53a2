// Role names for pickers and lists: the built-in roles translated, custom roles by their name.
import { BUILT_IN_ROLES, isBuiltInRole, type CustomRole } from '$lib/domain/permissions';
import { t } from '$lib/i18n/i18n.svelte';

export function roleLabel(role: string, customRoles: readonly CustomRole[]): string {
	if (isBuiltInRole(role)) return t(`staff.role.${role}`);
	return customRoles.find((r) => r.id === role)?.name ?? role;
}

export function roleOptions(customRoles: readonly CustomRole[]): { id: string; label: string }[] {
	return [
		...BUILT_IN_ROLES.map((id) => ({ id, label: t(`staff.role.${id}`) })),
		...customRoles.map((r) => ({ id: r.id, label: r.name }))
	];
}
