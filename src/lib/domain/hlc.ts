// Hybrid logical clock (Kulkarni et al., 2014) for per-field last-writer-wins
// (DESIGN.md › Merge rules). A stamp is a string whose plain string order is the clock order:
//   `${wallMs, 13 decimal digits}-${counter, 4 base-36 digits}-${nodeId}`
// e.g. "1763942400000-0000-k3j9x0a1b2c3". 13 digits last until the year 2286; 4 base-36 digits
// allow 1,679,616 stamps per millisecond before the clock borrows the next millisecond.

export type Hlc = string;

/** Stamps further ahead of the server's clock than this are refused (merge rule 2). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60_000;

const WALL_WIDTH = 13;
const COUNTER_WIDTH = 4;
const COUNTER_MAX = 36 ** COUNTER_WIDTH - 1;
const NODE_RE = /^[a-z0-9]{1,24}$/;
const HLC_RE = /^(\d{13})-([0-9a-z]{4})-([a-z0-9]{1,24})$/;

export interface HlcParts {
	wallMs: number;
	counter: number;
	nodeId: string;
}

export function isValidNodeId(nodeId: string): boolean {
	return NODE_RE.test(nodeId);
}

export function formatHlc(p: HlcParts): Hlc {
	return `${String(p.wallMs).padStart(WALL_WIDTH, '0')}-${p.counter
		.toString(36)
		.padStart(COUNTER_WIDTH, '0')}-${p.nodeId}`;
}

/** A well-formed stamp (the format above). */
export function isWellFormedHlc(h: string): boolean {
	return HLC_RE.test(h);
}

export function parseHlc(h: string): HlcParts | null {
	const m = HLC_RE.exec(h);
	if (!m) return null;
	return { wallMs: Number(m[1]), counter: parseInt(m[2] as string, 36), nodeId: m[3] as string };
}

/** Orders by wall time, then counter, then node id. Agrees with plain string comparison of
 *  well-formed stamps (a property test checks it); malformed stamps sort first. */
export function compareHlc(a: Hlc, b: Hlc): number {
	const pa = parseHlc(a);
	const pb = parseHlc(b);
	if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0) || (a < b ? -1 : a > b ? 1 : 0);
	if (pa.wallMs !== pb.wallMs) return pa.wallMs < pb.wallMs ? -1 : 1;
	if (pa.counter !== pb.counter) return pa.counter < pb.counter ? -1 : 1;
	return pa.nodeId < pb.nodeId ? -1 : pa.nodeId > pb.nodeId ? 1 : 0;
}

export function maxHlc(a: Hlc | undefined, b: Hlc | undefined): Hlc | undefined {
	if (a === undefined) return b;
	if (b === undefined) return a;
	return compareHlc(a, b) >= 0 ? a : b;
}

/** True when a stamp is more than MAX_CLOCK_DRIFT_MS ahead of `nowMs` (merge rule 2). */
export function isTooFarInFuture(h: Hlc, nowMs: number): boolean {
	const p = parseHlc(h);
	return p !== null && p.wallMs - nowMs > MAX_CLOCK_DRIFT_MS;
}

/**
 * A string below which no stamp can be too far in the future at `nowMs`: a well-formed stamp
 * starts with its 13-digit wall time, so `stamp < floor` (plain string order) means its wall time
 * is within MAX_CLOCK_DRIFT_MS — the server skips parsing those (a property test checks it).
 * '' (every stamp checked) when the limit is not a 13-digit time.
 */
export function futureStampFloor(nowMs: number): string {
	const limit = String(nowMs + MAX_CLOCK_DRIFT_MS + 1);
	return limit.length === WALL_WIDTH ? limit : '';
}

export class HybridClock {
	readonly nodeId: string;
	#now: () => number;
	#wall = 0;
	#counter = -1;
	#last: Hlc | null = null;

	constructor(nodeId: string, now: () => number = Date.now, last: Hlc | null = null) {
		if (!isValidNodeId(nodeId)) throw new RangeError(`Invalid HLC node id: "${nodeId}"`);
		this.nodeId = nodeId;
		this.#now = now;
		// Restoring the persisted last stamp keeps the clock monotonic across restarts even if
		// the device's clock was set back while the app was closed.
		const restored = last ? parseHlc(last) : null;
		if (restored) {
			this.#wall = restored.wallMs;
			this.#counter = restored.counter;
			this.#last = last;
		}
	}

	get last(): Hlc | null {
		return this.#last;
	}

	/** A new stamp, strictly greater than every stamp this clock produced or received. */
	tick(): Hlc {
		const now = Math.floor(this.#now());
		if (now > this.#wall) {
			this.#wall = now;
			this.#counter = 0;
		} else {
			this.#bump();
		}
		return this.#emit();
	}

	/**
	 * Merges a stamp seen from another device and returns a stamp greater than both. A remote
	 * stamp too far in the future (a device with a wrong clock) is not adopted: it would drag
	 * this clock ahead for everyone; the server refuses such writes anyway.
	 */
	receive(remote: Hlc): Hlc {
		const r = parseHlc(remote);
		const now = Math.floor(this.#now());
		if (!r || r.wallMs - now > MAX_CLOCK_DRIFT_MS) return this.tick();
		const wall = Math.max(now, this.#wall, r.wallMs);
		if (wall === this.#wall && wall === r.wallMs) {
			this.#counter = Math.max(this.#counter, r.counter);
			this.#bump();
		} else if (wall === this.#wall) {
			this.#bump();
		} else if (wall === r.wallMs) {
			this.#wall = wall;
			this.#counter = r.counter;
			this.#bump();
		} else {
			this.#wall = wall;
			this.#counter = 0;
		}
		return this.#emit();
	}

	#bump(): void {
		if (this.#counter >= COUNTER_MAX) {
			// Out of counter space within one millisecond: borrow the next one.
			this.#wall += 1;
			this.#counter = 0;
		} else {
			this.#counter += 1;
		}
	}

	#emit(): Hlc {
		this.#last = formatHlc({ wallMs: this.#wall, counter: this.#counter, nodeId: this.nodeId });
		return this.#last;
	}
}
