// This device's identity and clock. The id names the device in every HLC stamp; the clock's
// last stamp is persisted so stamps stay monotonic across reloads even if the wall clock was
// set back while the app was closed.
import type { WriteContext } from '$lib/db/clients';
import { HybridClock, isValidNodeId, type Hlc } from '$lib/domain/hlc';
import { newDeviceId } from '$lib/domain/ids';
import { currentStaffId } from './session.svelte';

export const DEVICE_ID_KEY = 'schedario.deviceId';
export const CLOCK_KEY = 'schedario.hlc';

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Access can throw (disabled storage, sandboxed frames); run with an in-memory id then.
		return null;
	}
}

let cachedDeviceId: string | null = null;

export function deviceId(): string {
	if (cachedDeviceId) return cachedDeviceId;
	const store = storage();
	const saved = store?.getItem(DEVICE_ID_KEY) ?? null;
	if (saved && isValidNodeId(saved)) {
		cachedDeviceId = saved;
	} else {
		cachedDeviceId = newDeviceId();
		store?.setItem(DEVICE_ID_KEY, cachedDeviceId);
	}
	return cachedDeviceId;
}

/** A HybridClock that writes every stamp it hands out to localStorage. */
class PersistentClock extends HybridClock {
	override tick(): Hlc {
		return this.#persist(super.tick());
	}

	override receive(remote: Hlc): Hlc {
		return this.#persist(super.receive(remote));
	}

	/** Catches up with a stamp another tab of this device produced, without persisting it back
	 *  (persisting would wake that tab again, and so on forever). */
	observe(stamp: Hlc): void {
		super.receive(stamp);
	}

	#persist(stamp: Hlc): Hlc {
		storage()?.setItem(CLOCK_KEY, stamp);
		return stamp;
	}
}

let clock: PersistentClock | null = null;

export function deviceClock(): HybridClock {
	if (clock) return clock;
	const restored = storage()?.getItem(CLOCK_KEY) ?? null;
	const created = new PersistentClock(deviceId(), Date.now, restored);
	clock = created;
	// Tabs of one device share the node id: keep their clocks in step so they never hand out
	// the same stamp twice.
	globalThis.addEventListener?.('storage', (event: StorageEvent) => {
		if (event.key === CLOCK_KEY && event.newValue) created.observe(event.newValue);
	});
	return created;
}

/** What every local write carries: the clock, this device, and who is working on it. */
export function writeContext(): WriteContext {
	return { clock: deviceClock(), deviceId: deviceId(), author: currentStaffId() };
}
