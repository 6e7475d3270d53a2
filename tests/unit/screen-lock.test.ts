// The lock screen's state on a fake clock: sign-in by PIN (checked on the device), the idle
// lock, and the wait after wrong PINs. No sleeps: vitest's fake timers move time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPin } from '$lib/domain/pin';
import { ScreenLock } from '$lib/state/screen-lock.svelte';
import { session } from '$lib/state/session.svelte';
import { staffDirectory } from '$lib/state/staff.svelte';
import { makeStaff } from '../fixtures/staff';

let stop: () => void = () => {};

beforeEach(async () => {
	const anna = await hashPin('2468', 1000);
	const bea = await hashPin('1357', 1000);
	staffDirectory.members = [
		makeStaff({ id: 'anna', name: 'Anna', role: 'therapist', ...anna }),
		makeStaff({ id: 'bea', name: 'Bea', role: 'reception', ...bea })
	];
	session.signOut();
	vi.useFakeTimers({ now: 1_763_942_400_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
	stop();
	vi.useRealTimers();
	staffDirectory.members = [];
	session.signOut();
});

describe('ScreenLock', () => {
	it('starts locked when staff can sign in, and a right PIN signs in with the role', async () => {
		const lock = new ScreenLock();
		lock.lockIfStaff();
		expect(lock.locked).toBe(true);
		expect(await lock.signIn('anna', '1357')).toEqual({ ok: false, code: 'wrongPin' });
		expect(lock.locked).toBe(true);
		expect(await lock.signIn('anna', '2468')).toEqual({ ok: true });
		expect(lock.locked).toBe(false);
		expect(session.staff).toEqual({ id: 'anna', name: 'Anna', role: 'therapist' });
		expect(lock.failures.count).toBe(0);
	});

	it('stays open without staff who can sign in', () => {
		staffDirectory.members = [makeStaff({ id: 'x', pinHash: '' })];
		const lock = new ScreenLock();
		lock.lockIfStaff();
		expect(lock.locked).toBe(false);
	});

	it('locks after the idle timeout; activity postpones it', async () => {
		const lock = new ScreenLock();
		const target = new EventTarget();
		stop = lock.watchIdle(() => 1, target);
		await lock.signIn('bea', '1357');
		vi.advanceTimersByTime(50_000);
		target.dispatchEvent(new Event('pointerdown'));
		vi.advanceTimersByTime(59_000);
		expect(lock.locked).toBe(false);
		expect(session.staff?.id).toBe('bea');
		vi.advanceTimersByTime(1_000);
		expect(lock.locked).toBe(true);
		expect(session.staff).toBeNull();
	});

	it('makes the sixth try wait after five wrong PINs, then lets a right one in', async () => {
		const lock = new ScreenLock();
		for (let i = 0; i < 4; i++) {
			expect(await lock.signIn('anna', '0000')).toEqual({ ok: false, code: 'wrongPin' });
		}
		const fifth = await lock.signIn('anna', '0000');
		expect(fifth).toEqual({ ok: false, code: 'wait', retryAt: Date.now() + 30_000 });
		// Even the right PIN is not checked while waiting.
		expect(await lock.signIn('anna', '2468')).toMatchObject({ ok: false, code: 'wait' });
		vi.advanceTimersByTime(30_000);
		expect(await lock.signIn('anna', '2468')).toEqual({ ok: true });
		expect(lock.failures.count).toBe(0);
	});
});
