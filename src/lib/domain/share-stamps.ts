// A card read from storage holds one HLC string per field in its clock (~25 for a client), and
// most are the same stamp: one write stamps every field it touches alike. Each is still its own
// string object, so 100,000 cards and their visits held ~2.9 million of them (~120 MiB), all
// marked by every major garbage collection — the pauses that made some search keystrokes slow
// (bench/README.md). Pointing equal stamps of a card at one string changes no value; the same
// for the card's empty set metadata below.

/** Makes the equal values of `clock` share one string, in place (frozen objects are left). */
export function shareStamps(clock: Record<string, string>): void {
	if (Object.isFrozen(clock)) return;
	// A card holds a handful of distinct stamps: a short list beats a Map here.
	const distinct: string[] = [];
	for (const key in clock) {
		const stamp = clock[key] as string;
		let shared: string | undefined;
		for (let i = 0; i < distinct.length; i++) {
			if (distinct[i] === stamp) {
				shared = distinct[i];
				break;
			}
		}
		if (shared === undefined) distinct.push(stamp);
		else clock[key] = shared;
	}
}

/** One frozen empty element map and one frozen empty removal list for every card: a write
 *  always builds new ones (stamp.ts, merge.ts, link-view.ts copy, never change, what they read). */
const NO_ELEMENTS: Readonly<Record<string, never>> = Object.freeze({});
const NO_REMOVALS: readonly string[] = Object.freeze([]);

/**
 * The add-wins set metadata of a card (`sets`, client.ts) is mostly empty: four of its six
 * element maps and almost every element's removal list. Each was its own object (~580,000 at
 * 100,000 cards); pointing the empty ones at one frozen empty value changes no value.
 */
export function shareEmptySets(sets: unknown): void {
	if (sets === null || typeof sets !== 'object' || Object.isFrozen(sets)) return;
	const fields = sets as Record<string, Record<string, { r?: unknown }> | undefined>;
	for (const field in fields) {
		const map = fields[field];
		if (!map || typeof map !== 'object' || Object.isFrozen(map)) continue;
		let empty = true;
		for (const key in map) {
			empty = false;
			const entry = map[key];
			if (entry && Array.isArray(entry.r) && entry.r.length === 0 && !Object.isFrozen(entry)) {
				entry.r = NO_REMOVALS;
			}
		}
		if (empty) fields[field] = NO_ELEMENTS;
	}
}
