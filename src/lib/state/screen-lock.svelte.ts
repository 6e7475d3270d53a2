// The lock screen of a shared device (issue 7). When the salon has staff members who can sign
// in, the app starts locked, locks again after `idleLockMinutes` without a touch or a key, and
// "Switch" locks it for the next person. Signing in checks the PIN against the synced hash, on
// the device, so it works offline. Wrong PINs are counted per device (kept across reloads) and
// cost a growing wait after five (domain/lock.ts).
import {
	idleDeadline,
	isIdleExpired,
	nextAttemptAt,
	NO_FAILURES,
	pinFailuresSchema,
	withFailure,
	type PinFailures
} from '$lib/domain/lock';
import { verifyPin } from '$lib/domain/pin';
import { canSignIn } from '$lib/domain/staff';
import { session } from './session.svelte';
import { staffDirectory } from './staff.svelte';

export const PIN_FAILURES_KEY = 'schedario.pinFailures';
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export type SignInResult =
	| { ok: true }
	| { ok: false; code: 'wrongPin' }
	/** Too many wrong PINs: the next try is allowed at `retryAt` (ms since the epoch). */
	| { ok: false; code: 'wait'; retryAt: number };

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Storage disabled: failures are counted for this page only.
		return null;
	}
}

function loadFailures(): PinFailures {
	try {
		const parsed = pinFailuresSchema.safeParse(
			JSON.parse(storage()?.getItem(PIN_FAILURES_KEY) ?? 'null')
		);
		return parsed.success ? parsed.data : NO_FAILURES;
	} catch {
		// Not JSON (edited by hand): start counting again rather than lock the device for good.
		return NO_FAILURES;
	}
}

export class ScreenLock {
	locked = $state(false);
	failures = $state.raw<PinFailures>(loadFailures());

	#lastActivityAt = Date.now();
	#timer: ReturnType<typeof setTimeout> | null = null;
	#minutes: () => number = () => 5;
	#stopWatching: (() => void) | null = null;

	/** At start-up, once the staff list is loaded: locked when someone can sign in. */
	lockIfStaff(): void {
		if (staffDirectory.hasSignIn && session.staff === null) this.locked = true;
	}

	/** Signs the current person out and shows the lock screen (nothing to lock without staff). */
	lock(): void {
		session.signOut();
		this.locked = staffDirectory.hasSignIn;
	}

	/** When the next PIN may be tried; ≤ now means at once. */
	retryAt(): number {
		return nextAttemptAt(this.failures);
	}

	async signIn(memberId: string, pin: string): Promise<SignInResult> {
		const now = Date.now();
		const retryAt = this.retryAt();
		if (retryAt > now) return { ok: false, code: 'wait', retryAt };
		const member = staffDirectory.get(memberId);
		const matches = member !== undefined && canSignIn(member) && (await verifyPin(pin, member));
		if (!matches || member === undefined) {
			this.#setFailures(withFailure(this.failures, Date.now()));
			const next = this.retryAt();
			return next > Date.now()
				? { ok: false, code: 'wait', retryAt: next }
				: { ok: false, code: 'wrongPin' };
		}
		this.#setFailures(NO_FAILURES);
		session.signIn({ id: member.id, name: member.name, role: member.role });
		this.locked = false;
		this.#lastActivityAt = Date.now();
		return { ok: true };
	}

	#setFailures(failures: PinFailures): void {
		this.failures = failures;
		storage()?.setItem(PIN_FAILURES_KEY, JSON.stringify(failures));
	}

	/**
	 * Locks the screen after `minutes()` without activity (read at each check, so a changed
	 * setting applies at once). Returns the stop function. One timer, re-armed for the time left
	 * when it fires: activity itself only records a timestamp.
	 */
	watchIdle(minutes: () => number, target: EventTarget = globalThis): () => void {
		this.#stopWatching?.();
		this.#minutes = minutes;
		this.#lastActivityAt = Date.now();
		const onActivity = () => {
			this.#lastActivityAt = Date.now();
		};
		for (const type of ACTIVITY_EVENTS) {
			target.addEventListener(type, onActivity, { passive: true, capture: true });
		}
		this.#arm();
		const stop = () => {
			for (const type of ACTIVITY_EVENTS) {
				target.removeEventListener(type, onActivity, { capture: true });
			}
			if (this.#timer !== null) clearTimeout(this.#timer);
			this.#timer = null;
			this.#stopWatching = null;
		};
		this.#stopWatching = stop;
		return stop;
	}

	#arm(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		const wait = idleDeadline(this.#lastActivityAt, this.#minutes()) - Date.now();
		this.#timer = setTimeout(() => this.#check(), Math.max(wait, 0));
	}

	#check(): void {
		this.#timer = null;
		if (isIdleExpired(Date.now(), this.#lastActivityAt, this.#minutes())) {
			// Nobody to lock for (no staff, or already locked): wait a full period again.
			if (!this.locked && staffDirectory.hasSignIn) this.lock();
			this.#lastActivityAt = Date.now();
		}
		this.#arm();
	}
}

export const screenLock = new ScreenLock();
