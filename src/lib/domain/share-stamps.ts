// A card read from storage holds one HLC string per field in its clock (~25 for a client), and
// most are the same stamp: one write stamps every field it touches alike. Each is still its own
// string object, so 100,000 cards and their visits held ~2.9 million of them (~120 MiB), all
// marked by every major garbage collection — the pauses that made some search keystrokes slow
// (bench/README.md). Pointing equal stamps of a card at one string changes no value.

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
