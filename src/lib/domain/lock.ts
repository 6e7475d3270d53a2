// The lock screen's timing (issue 7), as pure functions of "now" so tests run on a fake clock:
// when an idle device locks, and how long a device waits after wrong PINs. A 4-digit PIN has
// 10,000 values; five free tries and then a doubling wait make guessing at the counter slow
// (the hashes themselves are on the device, README › Privacy).
import { z } from 'zod';

export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const idleLockMinutesSchema = z.number().int().min(1).max(240);

export const FREE_PIN_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

/** The wrong PINs typed on this device since the last successful sign-in. */
export const pinFailuresSchema = z
	.object({ count: z.number().int().min(0), lastAt: z.number().min(0) })
	.strict();
export type PinFailures = z.infer<typeof pinFailuresSchema>;
export const NO_FAILURES: PinFailures = { count: 0, lastAt: 0 };

/** The wait imposed after `count` wrong PINs: none for the first five, then 30 s doubling up to
 *  15 minutes. */
export function pinWaitMs(count: number): number {
	if (count < FREE_PIN_ATTEMPTS) return 0;
	return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (count - FREE_PIN_ATTEMPTS));
}

/** When the next PIN may be tried (ms since the epoch); ≤ now means at once. */
export function nextAttemptAt(failures: PinFailures): number {
	return failures.count < FREE_PIN_ATTEMPTS ? 0 : failures.lastAt + pinWaitMs(failures.count);
}

/** The failures after one more wrong PIN at `now`. */
export function withFailure(failures: PinFailures, now: number): PinFailures {
	return { count: failures.count + 1, lastAt: now };
}

/** The moment an idle device locks: the last activity plus the timeout. */
export function idleDeadline(lastActivityAt: number, minutes: number): number {
	return lastActivityAt + minutes * 60_000;
}

export function isIdleExpired(now: number, lastActivityAt: number, minutes: number): boolean {
	return now >= idleDeadline(lastActivityAt, minutes);
}
