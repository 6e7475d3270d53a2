// The device-side gate: who this device acts as, asked before every guarded action (merges,
// bulk actions, exports, imports). The rules live in src/lib/domain/permissions.ts, the one
// place issue 7 (staff roles) restricts them.
import { can as roleCan, PermissionError, type Action, type Role } from '$lib/domain/permissions';

export { ACTIONS, PermissionError, type Action } from '$lib/domain/permissions';

/** Who this device acts as: a device that never paired is its own salon's owner. */
let currentRole: () => Role = () => 'owner';
export function setRoleSource(source: () => Role): void {
	currentRole = source;
}

/** Whether the person using this device may perform `action`. */
export function can(action: Action): boolean {
	return roleCan(currentRole(), action);
}

export function assertCan(action: Action): void {
	if (!can(action)) throw new PermissionError(action);
}
