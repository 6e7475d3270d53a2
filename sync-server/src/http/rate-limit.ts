// Token buckets keyed by device id (API calls) or client IP (pairing, salon creation). The clock
// is injected so tests can refill a bucket without waiting.

export interface RateLimiter {
	/** Takes one token; returns 0 when allowed, else the seconds to wait before retrying. */
	take(key: string): number;
}

interface Bucket {
	tokens: number;
	at: number;
}

export function createRateLimiter(opts: {
	perSecond: number;
	burst: number;
	now: () => number;
}): RateLimiter {
	const buckets = new Map<string, Bucket>();
	const { perSecond, burst, now } = opts;
	let lastSweep = now();

	// A full bucket holds no information: dropping it bounds memory to the recently active keys.
	function sweep(at: number): void {
		if (at - lastSweep < 60_000) return;
		lastSweep = at;
		for (const [key, b] of buckets) {
			if (b.tokens + ((at - b.at) / 1000) * perSecond >= burst) buckets.delete(key);
		}
	}

	return {
		take(key) {
			const at = now();
			sweep(at);
			const b = buckets.get(key) ?? { tokens: burst, at };
			b.tokens = Math.min(burst, b.tokens + (Math.max(0, at - b.at) / 1000) * perSecond);
			b.at = at;
			buckets.set(key, b);
			if (b.tokens >= 1) {
				b.tokens -= 1;
				return 0;
			}
			return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
		}
	};
}
