// Retention (issue 7 › Deliver 3): the salon may keep a client's data only as long as it needs
// it. With `retentionYears` set, the clients not seen for that long — no visit and no change to
// the card — are proposed for erasure, one by one, through the card's confirmed erase.

/** Offered in settings; null (the default) turns the proposal off. */
export const RETENTION_CHOICES = [1, 2, 3, 5, 7, 10] as const;

export interface RetentionCandidate {
	id: string;
	/** The card's last change (ms). */
	updatedAt: number;
}

/** 'YYYY-MM-DDTHH:mm' (a visit's local wall time) as ms, read as UTC: a day's precision is enough. */
function visitMs(at: string): number {
	const ms = Date.parse(`${at}:00Z`);
	return Number.isNaN(ms) ? 0 : ms;
}

/** The moment `years` calendar years before `now` (UTC). */
export function retentionCutoff(now: number, years: number): number {
	const d = new Date(now);
	d.setUTCFullYear(d.getUTCFullYear() - years);
	return d.getTime();
}

/** When the client was last seen: the later of the card's last change and her last visit. */
export function lastSeenAt(client: RetentionCandidate, lastVisitAt: string | undefined): number {
	return Math.max(client.updatedAt, lastVisitAt ? visitMs(lastVisitAt) : 0);
}

/**
 * The clients not seen since the cutoff, the longest unseen first (ties by id), with the time
 * each was last seen. `lastVisits` maps a client id to her latest visit's `at`.
 */
export function clientsToPropose<C extends RetentionCandidate>(
	clients: readonly C[],
	lastVisits: ReadonlyMap<string, string>,
	years: number | null,
	now: number
): Array<{ client: C; lastSeen: number }> {
	if (years === null) return [];
	const cutoff = retentionCutoff(now, years);
	return clients
		.map((client) => ({ client, lastSeen: lastSeenAt(client, lastVisits.get(client.id)) }))
		.filter((c) => c.lastSeen < cutoff)
		.sort((a, b) => a.lastSeen - b.lastSeen || (a.client.id < b.client.id ? -1 : 1));
}

/** The latest visit `at` per client, from any list of visits (tombstones left out). */
export function lastVisitByClient(
	visits: Iterable<{ clientId: string; at: string; _deleted?: boolean }>
): Map<string, string> {
	const last = new Map<string, string>();
	for (const v of visits) {
		if (v._deleted) continue;
		const seen = last.get(v.clientId);
		if (seen === undefined || v.at > seen) last.set(v.clientId, v.at);
	}
	return last;
}
