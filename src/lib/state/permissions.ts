// Who may do what. Every guarded action asks here, so issue 7 (staff roles) restricts them in one
// place. Today every person on a paired device may do everything.
export const ACTIONS = ['bulk', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

/** Whether the person using this device may perform `action`. */
export function can(action: Action): boolean {
	return ACTIONS.includes(action);
}

export class NotAllowedError extends Error {
	readonly code = 'notAllowed';
	constructor(readonly action: Action) {
		super(`not allowed: ${action}`);
	}
}

export function assertCan(action: Action): void {
	if (!can(action)) throw new NotAllowedError(action);
}
