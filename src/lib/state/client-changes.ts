// The client book's changes into its index: the collection's change stream (this tab's writes,
// other tabs, sync) and the results of this tab's own writes, which are applied at once so a
// form sees its card without waiting for the stream. Each card's version is compared, so the
// stream's echo of a local write is recognised and skipped, and an older version never wins.
// Also notes which cards changed, for the review queue (`touched`, `arrived`).
import type { Subscription } from 'rxjs';
import * as clients from '$lib/db/clients';
import type { SchedarioDatabase } from '$lib/db/database';
import type { Client } from '$lib/domain/client';
import type { GroupedClientIndex } from '$lib/domain/grouped-index';
import type { Link } from '$lib/domain/links';
import { compareHlc } from '$lib/domain/hlc';
import { canonicalJson } from '$lib/domain/sync-protocol';
import { IdLog } from './id-log';
import type { BookUpkeep } from './client-upkeep';

/** What the book (clients.svelte.ts) lends its collaborators, instead of its private fields. */
export interface BookCore {
	/** The index now: the book replaces it at start-up and when the salon's country changes. */
	index(): GroupedClientIndex;
	/** The merge links the index was last given. */
	links(): readonly Link[];
	/** The whole book is in memory (start-up is over). */
	isReady(): boolean;
	/** Bumps the book's `revision`: pages recompute. */
	bump(): void;
}

/** The newest stamp in a card's clock: which write a version of the card reflects. */
function latestStamp(client: Client): string {
	let latest = '';
	for (const stamp of Object.values(client.clock)) {
		if (latest === '' || compareHlc(stamp, latest) > 0) latest = stamp;
	}
	return latest;
}

function compareVersions(a: Client, b: Client): number {
	return compareHlc(latestStamp(a), latestStamp(b)) || a.updatedAt - b.updatedAt;
}

export class BookChanges {
	/** Cards that arrived from elsewhere (sync, other tabs) since the last duplicate check. */
	readonly arrived = new IdLog();
	/** Every card written since the review queue last looked (local writes too). */
	readonly touched = new IdLog();
	readonly #core: BookCore;
	readonly #upkeep: BookUpkeep;
	#subscription: Subscription | null = null;

	constructor(core: BookCore, upkeep: BookUpkeep) {
		this.#core = core;
		this.#upkeep = upkeep;
	}

	/**
	 * Follows the stream before the book is read, buffering what arrives meanwhile, so no change
	 * made between the read and the subscription can be missed. Returns the catch-up, called
	 * once the whole book is in, after every batch: the buffer is applied then (so a batch read
	 * before a change never wins), and from then on changes are applied as they come.
	 */
	follow(db: SchedarioDatabase): () => void {
		const buffered: clients.ClientChange[] = [];
		let loaded = false;
		this.#subscription = clients.changes$(db).subscribe((batch) => {
			if (loaded) this.apply(batch);
			else buffered.push(...batch);
		});
		return () => {
			loaded = true;
			this.apply(buffered);
		};
	}

	stop(): void {
		this.#subscription?.unsubscribe();
		this.#subscription = null;
	}

	/** One storage write's changes, applied to the index in one pass with one revision bump. */
	apply(batch: readonly clients.ClientChange[]): void {
		const index = this.#core.index();
		const ready = this.#core.isReady();
		const upserts: Client[] = [];
		let changed = false;
		this.#upkeep.snapshot.saw(batch);
		for (const change of batch) {
			if (change.kind === 'remove') {
				if (!index.raw(change.id)) continue;
				index.remove(change.id);
				changed = true;
			} else {
				const current = index.raw(change.client.id);
				// The echo of a write already applied locally: nothing to do. A merged conflict can
				// carry the same newest stamp and updatedAt as the version it was merged with, so a
				// tie only counts as an echo when the content is the same too.
				if (
					current &&
					compareVersions(current, change.client) === 0 &&
					canonicalJson(current) === canonicalJson(change.client)
				) {
					continue;
				}
				upserts.push(change.client);
				this.arrived.add(change.client.id);
				this.touched.add(change.client.id);
			}
		}
		if (upserts.length > 0) {
			const quiet = this.#upkeep.quiet.defer(upserts.length, index.storedSize);
			index.upsertMany(upserts);
			if (quiet) return;
			changed = true;
			if (ready) this.#upkeep.prepareSoon();
		}
		if (changed) this.#core.bump();
		this.#upkeep.saveSnapshotSoon();
	}

	/** A local write's result, applied at once unless the stream already brought it (or newer). */
	applyLocal(client: Client): void {
		this.touched.add(client.id);
		const index = this.#core.index();
		const current = index.raw(client.id);
		if (current && compareVersions(client, current) <= 0) return;
		index.upsert(client);
		this.#core.bump();
	}

	/** Many new cards written here: the stream may have brought them already; only what is
	 *  missing goes in, in one pass. */
	applyCreated(created: readonly Client[]): void {
		const index = this.#core.index();
		for (const client of created) this.touched.add(client.id);
		const missing = created.filter((client) => !index.raw(client.id));
		if (missing.length === 0) return;
		index.upsertMany(missing);
		this.#core.bump();
		this.#upkeep.prepareSoon();
	}

	/** A card deleted here: out of the index at once. */
	applyRemoved(id: string): void {
		this.#core.index().remove(id);
		this.#core.bump();
	}
}
