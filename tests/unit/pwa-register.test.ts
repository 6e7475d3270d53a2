// The pauses between attempts at a first service-worker install that failed (src/lib/pwa/register.ts).
import { describe, expect, it } from 'vitest';
import { INSTALL_RETRY_MS, installRetryDelay } from '../../src/lib/pwa/register';

describe('installRetryDelay', () => {
	it('waits longer after each failure, then repeats the longest pause', () => {
		expect([1, 2, 3, 4, 5, 50].map(installRetryDelay)).toEqual([
			5_000, 15_000, 60_000, 300_000, 300_000, 300_000
		]);
		expect(INSTALL_RETRY_MS.every((ms, i) => i === 0 || ms > INSTALL_RETRY_MS[i - 1]!)).toBe(true);
	});

	it('never answers a pause shorter than the first, whatever it is given', () => {
		expect(installRetryDelay(0)).toBe(5_000);
		expect(installRetryDelay(-3)).toBe(5_000);
	});
});
