// The lock screen's timing on a fake clock: idle lock, and the wait after wrong PINs.
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_IDLE_LOCK_MINUTES,
	idleDeadline,
	isIdleExpired,
	nextAttemptAt,
	NO_FAILURES,
	pinWaitMs,
	withFailure
} from '$lib/domain/lock';

describe('idle lock', () => {
	it('locks exactly when the timeout has passed since the last activity', () => {
		const last = 1_000_000;
		expect(DEFAULT_IDLE_LOCK_MINUTES).toBe(5);
		expect(idleDeadline(last, 5)).toBe(last + 300_000);
		expect(isIdleExpired(last + 299_999, last, 5)).toBe(false);
		expect(isIdleExpired(last + 300_000, last, 5)).toBe(true);
		// Activity moves the deadline.
		expect(isIdleExpired(last + 300_000, last + 60_000, 5)).toBe(false);
		expect(isIdleExpired(last + 60_000, last, 1)).toBe(true);
	});
});

describe('wrong PINs', () => {
	it('five free attempts, then a wait that doubles and stops growing', () => {
		expect([0, 1, 4].map(pinWaitMs)).toEqual([0, 0, 0]);
		expect(pinWaitMs(5)).toBe(30_000);
		expect(pinWaitMs(6)).toBe(60_000);
		expect(pinWaitMs(7)).toBe(120_000);
		expect(pinWaitMs(50)).toBe(15 * 60_000);
	});

	it('counts failures on a clock and says when the next try is allowed', () => {
		let failures = NO_FAILURES;
		let now = 5_000_000;
		for (let i = 0; i < 4; i++) {
			failures = withFailure(failures, now);
			expect(nextAttemptAt(failures)).toBeLessThanOrEqual(now);
			now += 1000;
		}
		failures = withFailure(failures, now);
		expect(failures.count).toBe(5);
		expect(nextAttemptAt(failures)).toBe(now + 30_000);
		failures = withFailure(failures, now + 30_000);
		expect(nextAttemptAt(failures)).toBe(now + 30_000 + 60_000);
	});
});
