// futureStampFloor lets the server skip parsing the clock stamps that cannot be too far ahead
// (routes/replication.ts): skipping by it must refuse exactly the stamps isTooFarInFuture refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	formatHlc,
	futureStampFloor,
	isTooFarInFuture,
	MAX_CLOCK_DRIFT_MS
} from '../../src/lib/domain/hlc';

const refusedWithFloor = (stamp: string, now: number) =>
	stamp >= futureStampFloor(now) && isTooFarInFuture(stamp, now);

describe('futureStampFloor', () => {
	const now = fc.integer({ min: 1_000_000_000_000, max: 9_999_999_000_000 });
	const wellFormed = fc
		.record({
			wallMs: fc.integer({ min: 0, max: 9_999_999_999_999 }),
			counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }),
			nodeId: fc.stringMatching(/^[a-z0-9]{1,24}$/)
		})
		.map(formatHlc);

	it('refuses exactly what isTooFarInFuture refuses, for well-formed and malformed stamps', () => {
		fc.assert(
			fc.property(now, fc.oneof(wellFormed, fc.string()), (n, stamp) => {
				expect(refusedWithFloor(stamp, n)).toBe(isTooFarInFuture(stamp, n));
			}),
			{ numRuns: 5000 }
		);
	});

	it('is exact at the drift limit', () => {
		fc.assert(
			fc.property(now, fc.integer({ min: -3, max: 3 }), (n, delta) => {
				const stamp = formatHlc({
					wallMs: n + MAX_CLOCK_DRIFT_MS + delta,
					counter: 0,
					nodeId: 'a'
				});
				expect(refusedWithFloor(stamp, n)).toBe(isTooFarInFuture(stamp, n));
				expect(isTooFarInFuture(stamp, n)).toBe(delta > 0);
			})
		);
	});

	it('checks every stamp when the limit is not a 13-digit time', () => {
		expect(futureStampFloor(9_999_999_999_999)).toBe('');
		expect(futureStampFloor(1.5)).toBe('');
	});
});
