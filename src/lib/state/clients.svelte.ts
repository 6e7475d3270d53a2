// All clients as reactive state. The whole collection lives in an in-memory search index
// (src/lib/domain/search.ts), loaded at start (the first screen, then the rest: client-load.ts)
// and then kept current from the collection's change stream, so writes from this tab, other
// tabs and sync all show up. Pages read `revision` (through get/query/count) to recompute when
// anything changes. This class owns that state and the reads; it lends its index and `bump()`
// (BookCore) to its collaborators: the changes into the index (client-changes.ts), the writes
// (client-writes.ts) and the idle-time work and bootstrap pages (client-upkeep.ts).
import * as clients from '$lib/db/clients';
import { getDatabase, type SchedarioDatabase } from '$lib/db/database';
import type { Client, ClientFields } from '$lib/domain/client';
import type { ClientQuery } from '$lib/domain/query';
import type { DuplicateIndex } from '$lib/domain/duplicates';
import { GroupedClientIndex } from '$lib/domain/grouped-index';
import * as linksRepo from '$lib/db/links';
import type { Link } from '$lib/domain/links';
import type { VisitAggregate } from '$lib/domain/visit-stats';
import { BookChanges, type BookCore } from './client-changes';
import {
	isDefaultQuery,
	loadFirstScreen,
	loadRest,
	upToBoundary,
	yieldToPage,
	type Boundary
} from './client-load';
import { BookUpkeep } from './client-upkeep';
import { ClientWrites, type Progress } from './client-writes';
import { linksKey, readSnapshot, validCount } from './list-snapshot';
import { salon } from './salon.svelte';

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
	#indexCountry = 'IT';
	#db: Promise<SchedarioDatabase> | null = null;
	#started: Promise<void> | null = null;
	/** What the collaborators below get of the book: its index, and ways to announce changes. */
	readonly #core: BookCore = {
		index: () => this.#index,
		links: () => this.#links,
		isReady: () => this.ready,
		bump: () => void this.revision++
	};
	readonly #upkeep = new BookUpkeep(this.#core);
	readonly #changes = new BookChanges(this.#core, this.#upkeep);
	readonly #writes = new ClientWrites(this.#core, this.#changes, () => this.#database());

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
		this.#upkeep.database = db.name;
		await salon.start(given);
		// Follow the stream before reading; what arrives meanwhile waits for the whole book.
		const catchUp = this.#changes.follow(db);
		// Merge links first: a group's view needs all its cards, on the first screen too.
		const [links, stored] = await Promise.all([linksRepo.list(db), clients.storedState(db)]);
		this.#links = links;
		this.#indexCountry = salon.settings.defaultCountry;
		this.#index = this.#newIndex(this.#indexCountry);
		const boundary = await loadFirstScreen(db, this.#index, links);
		this.#upkeep.snapshot.newestWrite = stored?.newestWrite ?? 0;
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
		catchUp();
		this.#boundary = null;
		this.loadMs = performance.now() - began;
		if (!boundary) this.firstScreenMs = this.loadMs;
		this.error = null;
		this.firstScreen = true;
		this.ready = true;
		this.revision++;
		this.#upkeep.saveSnapshotSoon();
		this.#upkeep.prepareSoon();
	}

	/** The sync reports a bootstrap of an empty device running or over. */
	setBootstrapping(active: boolean): void {
		this.#upkeep.quiet.setBootstrapping(active);
	}

	/** Stops following the database (tests close theirs afterwards). */
	stop(): void {
		this.#changes.stop();
		this.#db = null;
		this.#started = null;
		this.#index = this.#newIndex(this.#indexCountry);
		this.#upkeep.stop();
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

	get(id: string): Client | undefined {
		void this.revision;
		return this.#index.get(id);
	}

	/** The clients matching `q`, sorted as asked. Reactive to client and category changes. */
	query(q: ClientQuery): readonly Client[] {
		void this.revision;
		this.#upkeep.asked(q);
		const country = salon.settings.defaultCountry;
		if (country !== this.#indexCountry) {
			// Phone search reads numbers in the salon's country: rebuild when it changes.
			const everyone = this.#index.rawAll();
			this.#indexCountry = country;
			this.#index = this.#newIndex(country);
			this.#index.replaceAll(everyone);
			this.#upkeep.prepareSoon();
		}
		return this.#index.query(q, { categoryName: (id) => salon.categoryName(id) });
	}

	async #database(): Promise<SchedarioDatabase> {
		await this.start();
		return this.#db ?? getDatabase();
	}

	create(fields: ClientFields): Promise<Client> {
		return this.#writes.create(fields);
	}

	/** Many new clients in one write; the index takes them in one pass. */
	createMany(list: readonly ClientFields[]): Promise<Client[]> {
		return this.#writes.createMany(list);
	}

	/** A merged card is edited through its group's view; the edit lands on the survivor. */
	update(id: string, patch: Partial<ClientFields>): Promise<Client> {
		return this.#writes.update(id, patch);
	}

	setArchived(id: string, archived: boolean): Promise<Client> {
		return this.update(id, { archived });
	}

	setBlacklisted(id: string, blacklisted: boolean, reason: string): Promise<Client> {
		return this.update(id, { blacklisted, blacklistReason: reason });
	}

	/** One write for many cards (bulk actions); the index follows from the change stream. */
	modifyMany(
		ids: readonly string[],
		compute: (current: Client) => Partial<ClientFields>,
		onProgress?: Progress
	): Promise<clients.BulkResult> {
		return this.#writes.modifyMany(ids, compute, onProgress);
	}

	deleteMany(ids: readonly string[], onProgress?: Progress): Promise<clients.BulkResult> {
		return this.#writes.deleteMany(ids, onProgress);
	}

	/** Deleting a merged card deletes the person: every card of the group, notes and files. */
	delete(id: string): Promise<void> {
		return this.#writes.delete(id);
	}

	// ------------------------------------------------------------ merged duplicates (links)

	/** Every link (src/lib/state/links.svelte.ts feeds them): merged groups show as one card. */
	setLinks(links: readonly Link[]): void {
		this.#links = links;
		this.#index.setLinks(links);
		this.revision++;
		this.#upkeep.saveSnapshotSoon();
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
		return this.#changes.touched.take();
	}

	/** Ids of cards that arrived from sync or another tab since the last call. */
	takeArrived(): string[] {
		return this.#changes.arrived.take();
	}
}

export const clientBook = new ClientBook();
