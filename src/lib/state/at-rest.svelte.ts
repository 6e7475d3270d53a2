// Encryption at rest on this device (issue 7; README › Privacy and security). Decides which local
// database the app opens — the plain one, or the encrypted one with the salon's data key — and
// moves the data when the owner's setting and this device disagree: only once every local change
// has reached the server, then the page reloads onto the other database (which fills itself from
// the server) and the one left behind is drained and removed before anything else opens.
// The key lives in memory and sessionStorage: a reload keeps working, a closed browser forgets
// it, and the next start asks the server again — which a revoked device's request never passes.
import { drainDatabase } from '$lib/db/at-rest';
import { setAppDatabaseConfig } from '$lib/db/database';
import { ENCRYPTED_DATABASE_NAME, PLAIN_DATABASE_NAME } from '$lib/db/encryption';
import { dataKeySchema } from '$lib/domain/data-key';
import {
	AT_REST_KEY,
	DATA_KEY_SESSION_KEY,
	parseMarker,
	type AtRestMarker,
	type AtRestMode
} from './at-rest-keys';
import { sync } from './sync.svelte';

/** The encrypted data cannot be opened: no key in this session and no answer from the server. */
export class DataLockedError extends Error {
	readonly code = 'data_locked';
	constructor() {
		super('data_locked');
		this.name = 'DataLockedError';
	}
}

function local(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null; // storage disabled: the device stays on the plain database
	}
}

function session(): Storage | null {
	try {
		return globalThis.sessionStorage ?? null;
	} catch {
		return null; // the key then lives in memory only: a reload asks the server again
	}
}

const nameOf = (mode: AtRestMode) =>
	mode === 'encrypted' ? ENCRYPTED_DATABASE_NAME : PLAIN_DATABASE_NAME;

export function readMarker(): AtRestMarker {
	return parseMarker(local()?.getItem(AT_REST_KEY) ?? null);
}

function writeMarker(marker: AtRestMarker): void {
	local()?.setItem(AT_REST_KEY, JSON.stringify(marker));
}

class AtRestState {
	/** Where this device's data is now. */
	mode = $state<AtRestMode>(readMarker().mode);
	/** The encrypted data could not be opened (offline start without the key). */
	locked = $state(false);
	/** The salon's setting and this device disagree; the move waits for the server. */
	isWaiting = $state(false);
	#key: string | null = null;
	#isSwitching = false;
	#installed = false;

	/** Called once by the layout, before anything opens the database. */
	install(wantsEncryption: () => boolean): void {
		if (this.#installed) return;
		this.#installed = true;
		setAppDatabaseConfig(() => this.#config());
		// Retried whenever replication catches up: reconnecting is what a waiting move needs.
		sync.onCaughtUp(() => void this.reconcile(wantsEncryption()));
		// Another tab moved the data: this one must not keep writing to the database it left.
		globalThis.addEventListener?.('storage', (event: StorageEvent) => {
			if (event.key === AT_REST_KEY) location.reload();
		});
	}

	async #config(): Promise<{ name: string; password?: string }> {
		const marker = readMarker();
		this.mode = marker.mode;
		if (marker.previous && marker.previous !== marker.mode) await this.#finishMove(marker);
		if (marker.mode === 'plain') return { name: PLAIN_DATABASE_NAME };
		const key = await this.#loadKey();
		this.locked = key === null;
		if (key === null) throw new DataLockedError();
		return { name: ENCRYPTED_DATABASE_NAME, password: key };
	}

	/** Drains the database a move left (pushes what it still holds) and removes it. Without a
	 *  network, or without the key it needs, it stays for the next start: nothing is lost. */
	async #finishMove(marker: AtRestMarker): Promise<void> {
		const creds = sync.credentials;
		const previous = marker.previous as AtRestMode;
		const key = previous === 'encrypted' ? await this.#loadKey() : null;
		if (!creds || (previous === 'encrypted' && key === null)) return;
		const result = await drainDatabase(
			{ name: nameOf(previous), password: key ?? undefined },
			creds,
			// A revoked device learns it again from the app's own replication, which wipes.
			() => undefined
		);
		if (result === 'drained') writeMarker({ mode: marker.mode, previous: null });
	}

	async #loadKey(): Promise<string | null> {
		if (this.#key) return this.#key;
		const saved = dataKeySchema.safeParse(session()?.getItem(DATA_KEY_SESSION_KEY));
		if (saved.success) return (this.#key = saved.data);
		if (!sync.credentials) return null;
		try {
			this.#key = await sync.dataKey();
		} catch {
			// Offline or refused: locked for now. A revoked device's 401 also starts the wipe.
			return null;
		}
		session()?.setItem(DATA_KEY_SESSION_KEY, this.#key);
		return this.#key;
	}

	/** Brings this device in line with the salon's setting, when it safely can. */
	async reconcile(wantsEncryption: boolean): Promise<void> {
		const target: AtRestMode = wantsEncryption ? 'encrypted' : 'plain';
		const marker = readMarker();
		this.isWaiting = target !== marker.mode;
		// A move still draining finishes first (at the next start); an unpaired device has no key.
		if (!this.isWaiting || this.#isSwitching || marker.previous || !sync.isPaired) return;
		this.#isSwitching = true;
		try {
			if ((await this.#loadKey()) === null) return;
			if (!(await sync.hasNothingPending())) return;
			writeMarker({ mode: target, previous: marker.mode });
			location.reload();
		} finally {
			this.#isSwitching = false;
		}
	}
}

export const atRest = new AtRestState();
