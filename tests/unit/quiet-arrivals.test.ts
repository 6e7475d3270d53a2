// The client book's policy during a first sync (src/lib/state/quiet-arrivals.ts): which batches
// wait to be announced, and that a bootstrap which held any back announces them exactly once.
import { describe, expect, it } from 'vitest';
import { QUIET_MIN_BATCH, QuietArrivals } from '$lib/state/quiet-arrivals';

describe('QuietArrivals', () => {
	it('holds back only bulk batches into a non-empty book while a bootstrap runs', () => {
		let ends = 0;
		const quiet = new QuietArrivals(() => ends++);
		// No bootstrap: everything is announced at once.
		expect(quiet.defer(5_000, 10_000)).toBe(false);
		quiet.setBootstrapping(true);
		// The first page (an empty book) is shown at once; small batches (live edits) too.
		expect(quiet.defer(5_000, 0)).toBe(false);
		expect(quiet.defer(QUIET_MIN_BATCH - 1, 5_000)).toBe(false);
		expect(ends).toBe(0);
		expect(quiet.defer(QUIET_MIN_BATCH, 5_000)).toBe(true);
		expect(quiet.defer(5_000, 10_000)).toBe(true);
		expect(ends).toBe(0);
		quiet.setBootstrapping(false);
		expect(ends).toBe(1);
		// Over: nothing more is held back, and the end is not announced again.
		expect(quiet.defer(5_000, 15_000)).toBe(false);
		quiet.setBootstrapping(false);
		expect(ends).toBe(1);
	});

	it('announces nothing for a bootstrap that held nothing back, or after a reset', () => {
		let ends = 0;
		const quiet = new QuietArrivals(() => ends++);
		quiet.setBootstrapping(true);
		expect(quiet.defer(5_000, 0)).toBe(false);
		quiet.setBootstrapping(false);
		expect(ends).toBe(0);
		quiet.setBootstrapping(true);
		expect(quiet.defer(5_000, 5_000)).toBe(true);
		quiet.reset();
		quiet.setBootstrapping(false);
		expect(ends).toBe(0);
	});
});
