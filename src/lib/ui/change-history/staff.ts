// The name shown for a logged staff id. Until the salon's staff list is on this device the id
// itself is shown (it is what the server logged).
export function staffLabel(staffId: string): string {
	return staffId;
}
