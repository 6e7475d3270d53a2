// When replication has caught up with the server: a burst of pulling or pushing ended while the
// server was reachable (on reconnect, after live changes), and every collection is in sync. The
// duplicate check (issue 4) hooks in here, so it acts only on what has fully arrived.
import type { Replication, ReplicationStatus } from '$lib/db/replication';

export class CaughtUpWatch {
	readonly #running: () => Pick<Replication, 'awaitInSync'> | null;
	#listeners: Array<() => void> = [];
	#checking = false;
	#wasActive = false;

	/** `running` is the replication of this tab, or null while none runs. */
	constructor(running: () => Pick<Replication, 'awaitInSync'> | null) {
		this.#running = running;
	}

	add(listener: () => void): void {
		this.#listeners.push(listener);
	}

	/** Each status report of replication: an active one turning idle, not offline, is a catch-up. */
	report(partial: Partial<ReplicationStatus>): void {
		if (partial.active === undefined) return;
		const wasActive = this.#wasActive;
		this.#wasActive = partial.active;
		if (wasActive && !partial.active && partial.offline !== true) {
			this.#notify().catch(() => undefined); // a stopped replication: nothing to check
		}
	}

	async #notify(): Promise<void> {
		const running = this.#running();
		if (this.#checking || !running) return;
		this.#checking = true;
		try {
			// Every collection, links included, before anyone acts on what arrived.
			await running.awaitInSync();
			for (const listener of this.#listeners) listener();
		} finally {
			this.#checking = false;
		}
	}
}
