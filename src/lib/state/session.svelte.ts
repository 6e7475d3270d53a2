// Who is using this device right now (issue 7): the staff member signed in with a PIN on a shared
// device, or nobody (a salon without staff members, or a locked screen). Writes record
// `currentStaffId()`; the permission gate (permissions.ts) reads the staff role from here.
import type { RoleId } from '$lib/domain/permissions';

export interface SignedInStaff {
	id: string;
	name: string;
	role: RoleId;
}

class Session {
	staff = $state<SignedInStaff | null>(null);

	signIn(staff: SignedInStaff): void {
		this.staff = staff;
	}

	signOut(): void {
		this.staff = null;
	}
}

export const session = new Session();

/** The id recorded as the author of a change: '' when nobody is signed in. */
export function currentStaffId(): string {
	return session.staff?.id ?? '';
}
