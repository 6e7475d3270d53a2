// The name shown for a logged staff id: the member's name from the salon's staff list, or the id
// itself when the member is not on this device (what the server logged).
import { staffDirectory } from '$lib/state/staff.svelte';

export function staffLabel(staffId: string): string {
	return staffDirectory.nameOf(staffId);
}
