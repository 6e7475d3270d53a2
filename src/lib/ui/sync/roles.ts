// A role's name as people read it: the built-in roles translated, a custom role by the name the
// owner gave it, a role since removed as such.
import { BUILT_IN_ROLES, isBuiltInRole, type RoleId } from '$lib/domain/permissions';
import { t } from '$lib/i18n/i18n.svelte';
import { salon } from '$lib/state/salon.svelte';

export function roleLabel(role: RoleId): string {
	if (isBuiltInRole(role)) return t(`perm.role.${role}`);
	return salon.settings.roles.find((r) => r.id === role)?.name ?? t('perm.role.removed');
}

/** Every role a device or a staff member can be given: the built-in ones, then the custom ones. */
export function roleChoices(): Array<{ id: RoleId; name: string }> {
	return [
		...BUILT_IN_ROLES.map((id) => ({ id, name: t(`perm.role.${id}`) })),
		...salon.settings.roles.map((r) => ({ id: r.id, name: r.name }))
	];
}
