// All clients as reactive state. The whole collection lives in an in-memory search index
// (src/lib/domain/search.ts), loaded in one storage read at start and then kept current from
// the collection's change stream, so writes from this tab, other tabs and sync all show up.
// Pages read `revision` (through get/query/count) to recompute when anything changes.
import type { Subscription } from 'rxjs';
import * as clients from '$lib/db/clients';
import * as cardFiles from '$lib/db/files';
import * as linksRepo from '$lib/db/links';
import * as cardNotes from '$lib/db/notes';
import { getDatabase, type SchedarioDatabase } from '$lib/db/database';
import type { Client, ClientFields } from '$lib/domain/client';
import { compareHlc } from '$lib/domain/hlc';
import type { ClientQuery } from '$lib/domain/query';
import type { DuplicateIndex } from '$lib/domain/duplicates';
import { GroupedClientIndex } from '$lib/domain/grouped-index';
import type { Link } from '$lib/domain/links';
import { canonicalJson } from '$lib/domain/sync-protocol';
import type { VisitAggregate } from '$lib/domain/visit-stats';
import { writeContext } from './device';
import {
	isDefaultQuery,
	loadFirstScreen,
	loadRest,
	upToBoundary,
	yieldToPage,
	type Boundary
} from './client-load';
import { IdLog } from './id-log';
import {
	linksKey,
	readSnapshot,
	SnapshotKeeper,
	validCount,
	type ListSnapshot
} from './list-snapshot';
import { whenIdle } from './idle';
import { QuietArrivals } from './quiet-arrivals';
import { SearchWarmUp } from './search-warm-up';
import { salon } from './salon.svelte';

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

/** A deleted card takes its timeline notes and its photos and files with it. */
async function removeStoryOf(db: SchedarioDatabase, ids: readonly string[]): Promise<void> {
	await cardNotes.removeForClients(db, ids);
	await cardFiles.removeForClients(db, ids);
}

export class ClientBook {
	ready = $state(false);
	error = $state<string | null>(null);
	/** Bumped on every change to any client. */
	revision = $state(0);
	/** Milliseconds the last start-up load took (read, index build), for the benchmark. */
	loadMs = $state(0);
	/** The list's first screen can be shown (client-load.ts); `ready` = the whole book is in. */
	firstScreen = $state(false);
	firstScreenMs = $state(0);
	/** How many batches the rest of the book came in (0: it fitted in the first screen). */
	loadBatches = 0;
	#boundary: Boundary | null = null;
	/** The default list's count from the last session, while it still describes the book. */
	#firstTotal: number | null = null;
	readonly #snapshot = new SnapshotKeeper(() => this.#snapshotNow());
	/** What runs between start-up batches; tests pass one that writes meanwhile. */
	readonly #between: () => Promise<void>;

	constructor(opts: { between?: () => Promise<void> } = {}) {
		this.#between = opts.between ?? yieldToPage;
	}

	/** Visit aggregates per client id, kept by the visits state (visits.svelte.ts). A plain
	 *  Map on purpose: it is read by the search index, and `revision` is what pages react to. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #aggregates = new Map<string, VisitAggregate>();
	#links: readonly Link[] = [];
	// Merged duplicates show as one card (src/lib/domain/grouped-index.ts); `raw` is the stored card.
	#index = this.#newIndex('IT');
	/** Cards that arrived from elsewhere (sync, other tabs) since the last duplicate check. */
	#arrived = new IdLog();
	/** Every card written since the review queue last looked (local writes too). */
	#touched = new IdLog();
	#indexCountry = 'IT';
	#db: Promise<SchedarioDatabase> | null = null;
	#dbName = '';
	#started: Promise<void> | null = null;
	#subscription: Subscription | null = null;

	get count(): number {
		void this.revision;
		return this.#index.size;
	}

	/** Cards stored on this device, merged-away duplicates included. */
	get storedCount(): number {
		void this.revision;
		return this.#index.storedSize;
	}

	/** Opens the database and loads every client. Idempotent; `db` is for tests and benchmarks. */
	start(db?: SchedarioDatabase): Promise<void> {
		this.#started ??= this.#load(db).catch((error: unknown) => {
			this.#started = null;
			this.error = error instanceof Error ? error.message : String(error);
			throw error;
		});
		return this.#started;
	}

	async #load(given?: SchedarioDatabase): Promise<void> {
		const began = performance.now();
		this.#db ??= given ? Promise.resolve(given) : getDatabase();
		const db = await this.#db;
		this.#dbName = db.name;
		await salon.start(given);
		// Follow the stream before reading, buffering what arrives meanwhile, so no change made
		// between the read and the subscription can be missed. The buffer is applied once the
		// whole book is in, after every batch, so a batch read before a change never wins.
		const buffered: clients.ClientChange[] = [];
		let loaded = false;
		this.#subscription = clients.changes$(db).subscribe((batch) => {
			if (loaded) this.#applyChanges(batch);
			else buffered.push(...batch);
		});
		// Merge links first: a group's view needs all its cards, on the first screen too.
		const [links, stored] = await Promise.all([linksRepo.list(db), clients.storedState(db)]);
		this.#links = links;
		this.#indexCountry = salon.settings.defaultCountry;
		this.#index = this.#newIndex(this.#indexCountry);
		const boundary = await loadFirstScreen(db, this.#index, links);
		this.#snapshot.newestWrite = stored?.newestWrite ?? 0;
		if (boundary) {
			// A large book: the list's first screen now, the rest in batches (client-load.ts).
			this.#boundary = boundary;
			this.#firstTotal = validCount(readSnapshot(db.name), stored, linksKey(links));
			this.firstScreenMs = performance.now() - began;
			this.firstScreen = true;
			this.revision++;
			await this.#between();
			// A plain Set on purpose: a local list of ids, never read reactively.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const onScreen = new Set(this.#index.rawAll().map((c) => c.id));
			this.loadBatches = await loadRest(db, this.#index, onScreen, this.#between);
		}
		loaded = true;
		this.#applyChanges(buffered);
		this.#boundary = null;
		this.loadMs = performance.now() - began;
		if (!boundary) this.firstScreenMs = this.loadMs;
		this.error = null;
		this.firstScreen = true;
		this.ready = true;
		this.revision++;
		this.#snapshot.schedule(this.#dbName);
		this.#prepareSoon();
	}

	#preparing = false;
	readonly #warmUp = new SearchWarmUp();
	/** Bulk batches of a first sync, announced once at its end (quiet-arrivals.ts). */
	readonly #quiet = new QuietArrivals(() => this.#announce());

	/** The sync reports a bootstrap of an empty device running or over. */
	setBootstrapping(active: boolean): void {
		this.#quiet.setBootstrapping(active);
	}

	#announce(): void {
		this.revision++;
		if (!this.ready) return;
		this.#prepareSoon();
		this.#snapshot.schedule(this.#dbName);
	}

	/** After a batch of changes: the search texts are re-joined (and the word-start lists rebuilt,
	 *  if the batch dropped them) at an idle moment rather than in the next keystroke; the first
	 *  time, the search is then warmed up before a person types (search-warm-up.ts). */
	#prepareSoon(): void {
		if (this.#preparing) return;
		this.#preparing = true;
		whenIdle(() => {
			this.#preparing = false;
			this.#index.prepare();
			this.#warmUp.start(
				() => this.#index,
				(id) => salon.categoryName(id)
			);
		}, 2_000);
	}

	/** Stops following the database (tests close theirs afterwards). */
	stop(): void {
		this.#subscription?.unsubscribe();
		this.#subscription = null;
		this.#db = null;
		this.#started = null;
		this.#index = this.#newIndex(this.#indexCountry);
		this.#snapshot.cancel();
		this.#warmUp.stop();
		this.#quiet.reset();
		this.#boundary = null;
		this.firstScreen = false;
		this.ready = false;
		this.revision++;
	}

	/** While the rest of the book loads, the default list's first rows (null for any other
	 *  question, and once the book is whole: then `query` answers everything). */
	firstRows(q: ClientQuery): Client[] | null {
		void this.revision;
		if (this.ready || !this.firstScreen || !this.#boundary || !isDefaultQuery(q)) return null;
		return upToBoundary(
			this.#index.query(q, { categoryName: (id) => salon.categoryName(id) }),
			this.#boundary
		);
	}

	/** The default list's count while the book loads, when last session's still holds. */
	get firstTotal(): number | null {
		void this.revision;
		return this.ready ? null : this.#firstTotal;
	}

	#snapshotNow(): Omit<ListSnapshot, 'newestWrite'> | null {
		if (!this.ready) return null;
		const shown = this.#index.countActive();
		return { live: this.#index.storedSize, links: linksKey(this.#links), shown };
	}

	#newIndex(defaultCountry: string): GroupedClientIndex {
		const index = new GroupedClientIndex({ defaultCountry, aggregates: this.#aggregates });
		index.setLinks(this.#links);
		return index;
	}

	/** New visit aggregates for some clients: the list's visit columns and filters follow. */
	setVisitAggregates(changed: ReadonlyMap<string, VisitAggregate>): void {
		if (changed.size === 0) return;
		for (const [id, agg] of changed) this.#aggregates.set(id, agg);
		this.#index.refreshAggregates([...changed.keys()]);
		this.revision++;
	}

	/** The visit aggregate of a client (zeros without visits). */
	visitAggregate(id: string): VisitAggregate | undefined {
		void this.revision;
		return this.#aggregates.get(id);
	}

	/** One storage write's changes, applied to the index in one pass with one revision bump. */
	#applyChanges(batch: readonly clients.ClientChange[]): void {
		const upserts: Client[] = [];
		let changed = false;
		this.#snapshot.saw(batch);
		for (const change of batch) {
			if (change.kind === 'remove') {
				if (!this.#index.raw(change.id)) continue;
				this.#index.remove(change.id);
				changed = true;
			} else {
				const current = this.#index.raw(change.client.id);
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
				this.#arrived.add(change.client.id);
				this.#touched.add(change.client.id);
			}
		}
		if (upserts.length > 0) {
			const quiet = this.#quiet.defer(upserts.length, this.#index.storedSize);
			this.#index.upsertMany(upserts);
			if (quiet) return;
			changed = true;
			if (this.ready) this.#prepareSoon();
		}
		if (changed) this.revision++;
		if (this.ready) this.#snapshot.schedule(this.#dbName);
	}

	/** A local write's result, applied at once unless the stream already brought it (or newer). */
	#applyLocal(client: Client): void {
		this.#touched.add(client.id);
		const current = this.#index.raw(client.id);
		if (current && compareVersions(client, current) <= 0) return;
		this.#index.upsert(client);
		this.revision++;
	}

	get(id: string): Client | undefined {
		void this.revision;
		return this.#index.get(id);
	}

	/** The clients matching `q`, sorted as asked. Reactive to client and category changes. */
	query(q: ClientQuery): readonly Client[] {
		void this.revision;
		this.#warmUp.asked(q);
		const country = salon.settings.defaultCountry;
		if (country !== this.#indexCountry) {
			// Phone search reads numbers in the salon's country: rebuild when it changes.
			const everyone = this.#index.rawAll();
			this.#indexCountry = country;
			this.#index = this.#newIndex(country);
			this.#index.replaceAll(everyone);
			this.#prepareSoon();
		}
		return this.#index.query(q, { categoryName: (id) => salon.categoryName(id) });
	}

	async #database(): Promise<SchedarioDatabase> {
		await this.start();
		return this.#db ?? getDatabase();
	}

	async create(fields: ClientFields): Promise<Client> {
		const created = await clients.create(await this.#database(), fields, writeContext());
		this.#applyLocal(created);
		return created;
	}

	/** Many new clients in one write; the index takes them in one pass. */
	async createMany(list: readonly ClientFields[]): Promise<Client[]> {
		const created = await clients.bulkCreate(await this.#database(), list, writeContext());
		// The change stream may have brought them already; only what is missing goes in.
		for (const client of created) this.#touched.add(client.id);
		const missing = created.filter((client) => !this.#index.raw(client.id));
		if (missing.length > 0) {
			this.#index.upsertMany(missing);
			this.revision++;
			this.#prepareSoon();
		}
		return created;
	}

	async update(id: string, patch: Partial<ClientFields>): Promise<Client> {
		const db = await this.#database();
		// A merged card is edited through its group's view; the edit lands on the survivor.
		const view = this.#index.isMerged(id) ? this.#index.get(this.displayedIdOf(id)) : undefined;
		const updated = view
			? await linksRepo.updateThroughView(db, view.id, view, patch, writeContext())
			: await clients.update(db, id, patch, writeContext());
		this.#applyLocal(updated);
		return updated;
	}

	setArchived(id: string, archived: boolean): Promise<Client> {
		return this.update(id, { archived });
	}

	setBlacklisted(id: string, blacklisted: boolean, reason: string): Promise<Client> {
		return this.update(id, { blacklisted, blacklistReason: reason });
	}

	/** One write for many cards (bulk actions); the index follows from the change stream. */
	async modifyMany(
		ids: readonly string[],
		compute: (current: Client) => Partial<ClientFields>,
		onProgress?: (done: number, total: number) => void
	): Promise<clients.BulkResult> {
		const db = await this.#database();
		return clients.bulkModify(db, ids, compute, writeContext(), onProgress);
	}

	async deleteMany(
		ids: readonly string[],
		onProgress?: (done: number, total: number) => void
	): Promise<clients.BulkResult> {
		const db = await this.#database();
		const result = await clients.bulkRemove(db, ids, writeContext(), onProgress);
		await removeStoryOf(
			db,
			result.written.map((c) => c.id)
		);
		return result;
	}

	async delete(id: string): Promise<void> {
		// The delete is stamped, so it wins over edits made before it on other devices (merge.ts).
		// Deleting a merged card deletes the person: every card of the group, with its notes and
		// files.
		const db = await this.#database();
		for (const member of this.#index.membersOf(id)) {
			if (!this.#index.raw(member)) continue;
			await clients.remove(db, member, writeContext());
			await removeStoryOf(db, [member]);
			this.#index.remove(member);
			this.revision++;
		}
	}

	// ------------------------------------------------------------ merged duplicates (links)

	/** Every link (src/lib/state/links.svelte.ts feeds them): merged groups show as one card. */
	setLinks(links: readonly Link[]): void {
		this.#links = links;
		this.#index.setLinks(links);
		this.revision++;
		if (this.ready) this.#snapshot.schedule(this.#dbName);
	}

	/** The card as stored, even when it is merged into another. */
	raw(id: string): Client | undefined {
		void this.revision;
		return this.#index.raw(id);
	}

	/** The id under which `id` is shown (itself unless merged into another card). */
	displayedIdOf(id: string): string {
		void this.revision;
		return this.#index.displayedIdOf(id);
	}

	/** The duplicate index over the cards shown (built on first use). */
	duplicates(): DuplicateIndex {
		void this.revision;
		return this.#index.duplicates();
	}

	/** Ids of cards written (here or elsewhere) since the last call: the review queue's feed. */
	takeTouched(): string[] {
		return this.#touched.take();
	}

	/** Ids of cards that arrived from sync or another tab since the last call. */
	takeArrived(): string[] {
		return this.#arrived.take();
	}
}

export const clientBook = new ClientBook();
