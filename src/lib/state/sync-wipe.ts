// Removing the salon's data from this device, for the two reasons the sync server gives: it no
// longer knows the device (revoked, or the salon erased it: sync.svelte.ts wipes every trace and
// the layout goes to /pair), or the device's new role may not see what it holds (its copy came
// unmasked: it is dropped and pulled again, masked by the server). The device id, its clock and
// the chosen language stay: they are not the salon's.
import { removeAppDatabase } from '$lib/db/database';
import type { Replication } from '$lib/db/replication';
import { AT_REST_KEY, DATA_KEY_SESSION_KEY } from './at-rest-keys';
import { clientBook } from './clients.svelte';
import { salon } from './salon.svelte';
import { LIST_PREFS_KEY, SYNC_STORAGE_KEY } from './sync-helpers';

/** How long a masked reload lets what is unsent reach the server. */
const RELOAD_MASKED_WAIT_MS = 10_000;

/** Forgets what the browser's storage keeps about the salon: the credentials, the list's view
 *  preferences, the choice of database and the data key. */
export function forgetSalonKeys(store: Storage | null): void {
	store?.removeItem(SYNC_STORAGE_KEY);
	store?.removeItem(LIST_PREFS_KEY);
	// Both databases go with the wipe, and the data key with them.
	store?.removeItem(AT_REST_KEY);
	globalThis.sessionStorage?.removeItem(DATA_KEY_SESSION_KEY);
}

/** Stops the state that reads the database, before the database is removed. */
export function closeSalonState(): void {
	clientBook.stop();
	salon.stop();
}

/** The device may no longer see what it holds (contacts, health data): its local copy came
 *  unmasked, so it is dropped and pulled again, masked by the server, after a reload. What is
 *  still unsent is sent first (a refusal under the new role is shown as a sync error, never
 *  dropped here). */
export async function reloadMasked(
	replication: Replication | null,
	stopReplication: () => Promise<void>
): Promise<void> {
	try {
		// Bounded: a push the new role is refused keeps retrying, and must not keep the
		// unmasked copy on this device.
		await Promise.race([
			replication?.awaitInSync(),
			new Promise((done) => setTimeout(done, RELOAD_MASKED_WAIT_MS))
		]);
	} finally {
		await stopReplication().catch(() => undefined);
		closeSalonState();
		await removeAppDatabase();
		window.location.reload();
	}
}
