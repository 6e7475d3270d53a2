// The client list's count at the last moment the book was fully in memory, kept in localStorage
// with what identifies the stored book then (live cards, newest write, the merge links). At the
// next start-up the first screen shows it as the total while the rest of the book loads — but
// only if the stored book is still exactly that one; otherwise the count waits for the full load.
import type { Link } from '$lib/domain/links';

export interface ListSnapshot {
	/** Live cards stored (merged-away ones included). */
	live: number;
	/** The newest `_meta.lwt` of the clients collection, tombstones included. */
	newestWrite: number;
	/** linksKey() of the merge links. */
	links: string;
	/** Cards the list shows with no search, the default filters and sort. */
	shown: number;
}

const PREFIX = 'schedario.listSnapshot.';

/** A short fingerprint of the links (merges change the count without touching the clients). */
export function linksKey(links: readonly Link[]): string {
	let hash = 0x811c9dc5;
	const text = JSON.stringify(
		links.map((l) => [l.id, l.clock.state, l.undone ?? null, l.kind]).sort()
	);
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return `${links.length}.${(hash >>> 0).toString(36)}`;
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Storage disabled (privacy settings): no snapshot, the count waits for the full load.
		return null;
	}
}

export function readSnapshot(database: string): ListSnapshot | null {
	try {
		const raw = storage()?.getItem(PREFIX + database);
		if (!raw) return null;
		const value = JSON.parse(raw) as Partial<ListSnapshot>;
		if (
			typeof value.live !== 'number' ||
			typeof value.newestWrite !== 'number' ||
			typeof value.links !== 'string' ||
			typeof value.shown !== 'number'
		) {
			return null;
		}
		return value as ListSnapshot;
	} catch {
		return null;
	}
}

export function writeSnapshot(database: string, snapshot: ListSnapshot): void {
	try {
		storage()?.setItem(PREFIX + database, JSON.stringify(snapshot));
	} catch {
		// Quota or disabled storage: the next start-up simply waits for the full count.
	}
}

/** The snapshot's count, if it describes exactly the book stored now. */
export function validCount(
	snapshot: ListSnapshot | null,
	now: { live: number; newestWrite: number } | null,
	links: string
): number | null {
	if (!snapshot || !now) return null;
	const same =
		snapshot.live === now.live &&
		snapshot.newestWrite === now.newestWrite &&
		snapshot.links === links;
	return same ? snapshot.shown : null;
}

/**
 * Keeps the snapshot current while the book is open: follows the newest write from the change
 * stream and rewrites the snapshot a moment after the last change (a burst writes once).
 */
export class SnapshotKeeper {
	/** The newest write the in-memory book reflects (start-up's read, then every change). */
	newestWrite = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	readonly #compute: () => Omit<ListSnapshot, 'newestWrite'> | null;

	constructor(compute: () => Omit<ListSnapshot, 'newestWrite'> | null) {
		this.#compute = compute;
	}

	saw(changes: readonly { lwt: number }[]): void {
		for (const change of changes) {
			if (change.lwt > this.newestWrite) this.newestWrite = change.lwt;
		}
	}

	schedule(database: string): void {
		if (this.#timer !== null || database === '') return;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			const now = this.#compute();
			if (now) writeSnapshot(database, { ...now, newestWrite: this.newestWrite });
		}, 500);
	}

	cancel(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
