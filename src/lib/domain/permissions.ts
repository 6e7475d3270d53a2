// Who may do what. Today every role may do everything: this is the one place issue 7 (roles)
// restricts actions, and the app asks it before each guarded action.
export const ROLES = ['owner', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['merge', 'unmerge', 'markDistinct', 'bulk', 'export', 'import'] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions each role may take. */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
	owner: new Set(ACTIONS),
	staff: new Set(ACTIONS)
};

export function can(role: Role, action: Action): boolean {
	return ROLE_PERMISSIONS[role]?.has(action) ?? false;
}

/** What a guarded action throws when the role may not take it. */
export class PermissionError extends Error {
	readonly code = 'forbidden';
	constructor(readonly action: Action) {
		super(`not allowed: ${action}`);
		this.name = 'PermissionError';
	}
}
