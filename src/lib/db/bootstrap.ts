// The first sync of an empty collection (issue 8: 50,000 cards into an empty browser). RxDB's
// downstream handles each pulled card on its own: keyed reads of the local copy and of its
// master-state row, deep copies, then the card AND a master-state row written — two IndexedDB
// records per card, most of a first sync (bench/README.md › "Issue 8, first sync profiled").
// When a collection holds nothing yet, none of that is needed: the pages are pulled here, each
// checked with the wire schema, and each written in ONE storage write, before RxDB's replication
// starts; RxDB then starts from the checkpoints reached (`initialCheckpoint`).
//
// How a bootstrapped card looks to RxDB afterwards (rxdb/src/replication-protocol):
// - It has no master-state row (half the writes). Instead its `_meta.o` says "written from the
//   master at revision height 1 by this replication" — what downstream.ts itself records when it
//   writes a pulled document over an existing one. So a later pull of the card (another device
//   edited it) is taken as coming from the master, not refused as an unpushed local change.
//   RxDB's own insert path would overwrite `_meta`, so the rows go to the storage under RxDB's
//   wrapper (still inside encryption at rest and RxDB's write lock), shaped as that wrapper would.
// - The upstream starts after the bootstrapped cards, so they are never pushed back. Its first
//   local edit is pushed with no assumed master state: the server answers a conflict with its
//   copy, the conflict handler merges (domain merge), RxDB pushes again. Nothing is lost; one
//   extra round trip per card, on its first edit only.
// - If anything else wrote to the collection meanwhile (this tab, another tab), the upstream is
//   given no checkpoint: it then scans the whole collection, as after any restart without one,
//   and a bootstrapped card it meets is pushed, answered with a conflict and merged — slower but
//   exact. Detected from the storage itself (counts by write time), not from change events,
//   which another tab delivers late. Left open: a write another tab has under way at that very
//   moment, committed after the counts and before RxDB's upstream listens (milliseconds, during a
//   first pairing): it would stay unpushed until its card is edited again.
// - Stopped half-way (tab closed, network lost, a page that fails validation): the pages written
//   stay, and the normal replication starts from the last page written. After a reload the
//   collection is no longer empty, so RxDB's replication runs from its start: it meets the
//   bootstrapped cards, finds them equal to the master's and records their master state only.
import {
	getChangedDocumentsSince,
	normalizeMangoQuery,
	now,
	prepareQuery,
	type RxCollection,
	type RxDatabase,
	type RxStorageInstance
} from 'rxdb';
import { rawInsertWriter } from './bootstrap-write';
import { writeQuietly } from './tab-broadcast';

/** The server's pull checkpoint (sync-protocol.ts). */
export interface SeqCheckpoint {
	seq: number;
}

/** RxDB's checkpoint of changes in a storage instance (Dexie: `{ id, lwt }`). */
export interface ForkCheckpoint {
	id: string;
	lwt: number;
}

export interface BootstrapOptions {
	collection: RxCollection;
	/** The `replicationIdentifier` given to replicateRxCollection for this collection. */
	replicationIdentifier: string;
	/** One pull request (the replication's own pull handler). */
	pull(checkpoint: SeqCheckpoint | null, limit: number): Promise<BootstrapPage>;
	/** Page size asked for first, and the one every server takes, used when `limit` is refused. */
	limit: number;
	fallbackLimit?: number;
	/** The server refused the page size (an older server: 400). */
	isLimitRefused?(error: unknown): boolean;
	/** The wire schema's verdict on one pulled document. */
	isValid(doc: unknown): boolean;
	isStopped(): boolean;
	/** After each page written: the documents written so far (a first sync's progress). */
	onWritten?(written: number): void;
}

export interface BootstrapPage {
	documents: unknown[];
	checkpoint: SeqCheckpoint | null;
}

export interface BootstrapResult {
	/** `pull.initialCheckpoint`: the server's checkpoint after the last page written. */
	downstream: SeqCheckpoint;
	/** `push.initialCheckpoint`: after the bootstrapped writes; absent when anything else wrote. */
	upstream?: ForkCheckpoint;
	/** Documents written. */
	written: number;
}

interface WrappedInstance {
	originalStorageInstance?: RxStorageInstance<unknown, unknown, unknown, unknown>;
}

/** The identifier and write context RxDB's replication of this collection will use
 *  (plugins/replication/index.ts, replication-protocol/index.ts and checkpoint.ts). */
export async function replicationKeys(
	database: RxDatabase,
	instance: { databaseName: string; collectionName: string },
	replicationIdentifier: string
): Promise<{ identifierHash: string; downstreamContext: string }> {
	const identifier = 'rxdbreplication' + replicationIdentifier;
	const [identifierHash, checkpointHash] = await Promise.all([
		database.hashFunction(identifier),
		database.hashFunction([identifier, instance.databaseName, instance.collectionName].join('||'))
	]);
	return {
		identifierHash,
		downstreamContext: 'replication-downstream-rx_storage_replication_' + checkpointHash
	};
}

/** A pulled document as RxDB's downstream leaves it, marked as written from the master. */
export function asReplicatedDoc(
	doc: object,
	meta: { lwt: number; o: { _rev: number; hash: string } },
	rev: string
): Record<string, unknown> {
	const out: Record<string, unknown> = { ...doc };
	out._deleted = Boolean(out._deleted);
	out._attachments = {};
	out._meta = meta;
	out._rev = rev;
	return out;
}

/**
 * Pulls and writes a whole collection when it is empty; null when it is not (or the storage is
 * not the one this was written for): the normal replication then does everything.
 */
export async function bootstrapCollection(opts: BootstrapOptions): Promise<BootstrapResult | null> {
	const fork = opts.collection.storageInstance as unknown as RxStorageInstance<
		unknown,
		unknown,
		unknown,
		ForkCheckpoint
	> &
		WrappedInstance;
	const target = fork.originalStorageInstance;
	if (!target) return null;
	const existing = await getChangedDocumentsSince(fork, 1);
	if (existing.documents.length > 0 || opts.isStopped()) return null;

	const database = opts.collection.database;
	const keys = await replicationKeys(database, fork, opts.replicationIdentifier);
	// RxDB's own inserts get revision '1-<database token>': the same height-1 revision here.
	const rev = '1-' + database.token;
	// One native IndexedDB write per page where the storage allows it (bootstrap-write.ts).
	const rawWrite = await rawInsertWriter(target);
	const writePage = async (docs: Array<Record<string, unknown>>): Promise<boolean> => {
		if (rawWrite) return rawWrite(docs, keys.downstreamContext);
		const rows = docs.map((document) => ({ document }));
		const result = await target.bulkWrite(rows as never, keys.downstreamContext);
		// An error: something wrote one of these documents first.
		return result.error.length === 0;
	};
	const pageTimes: number[] = [];
	let written = 0;
	let lastId = '';
	let downstream: SeqCheckpoint | null = null;

	let limit = opts.limit;
	const negotiate = async (from: SeqCheckpoint | null) => {
		try {
			return await opts.pull(from, limit);
		} catch (error) {
			if (!opts.fallbackLimit || limit === opts.fallbackLimit || !opts.isLimitRefused?.(error)) {
				throw error;
			}
			limit = opts.fallbackLimit;
			return opts.pull(from, limit);
		}
	};
	const pull = (from: SeqCheckpoint | null) => {
		const page = from === null ? negotiate(from) : opts.pull(from, limit);
		page.catch(() => undefined); // awaited below; a page fetched ahead may be dropped unread
		return page;
	};
	let next = pull(null);
	for (;;) {
		let page: BootstrapPage;
		try {
			page = await next;
		} catch {
			break; // reported by the pull; the replication retries from what was written
		}
		if (opts.isStopped() || page.documents.length === 0 || !page.checkpoint) break;
		const isFull = page.documents.length >= limit;
		// The next page is asked for at once: the server prepares it while this one is checked
		// and written (dropped unread if this one turns out bad).
		if (isFull) next = pull(page.checkpoint);
		// A page with one bad document is left whole to the normal replication.
		if (!page.documents.every((doc) => opts.isValid(doc))) break;
		const lwt = now();
		const meta = { lwt, o: { _rev: 1, hash: keys.identifierHash } };
		const docs = page.documents.map((doc) => asReplicatedDoc(doc as object, meta, rev));
		// Not cloned for other tabs when there are none (tab-broadcast.ts).
		const ok = await writeQuietly(database, fork.collectionName, () =>
			database.lockedRun(() => writePage(docs))
		);
		if (!ok) {
			// The rest of this page is the normal replication's (it recognises the documents
			// written here by their `_meta.o`).
			pageTimes.push(Number.NaN);
			break;
		}
		pageTimes.push(lwt);
		written += docs.length;
		opts.onWritten?.(written);
		const primaryPath = opts.collection.schema.primaryPath as string;
		lastId = '';
		for (const doc of docs) {
			const id = String(doc[primaryPath]);
			if (id > lastId) lastId = id;
		}
		downstream = page.checkpoint;
		if (!isFull) break;
	}
	if (!downstream) return null;
	const upstream = (await isOnlyBootstrapped(database, fork, pageTimes, written))
		? { id: lastId, lwt: pageTimes.at(-1)! }
		: undefined;
	return { downstream, upstream, written };
}

/**
 * Whether the collection holds exactly the documents this bootstrap wrote, untouched. It was
 * empty when the bootstrap began, so anything else is counted in the total; each page shares one
 * write time, so a document overwritten since has left its page's count. Writes this tab has
 * under way (a write's time is taken before it is queued) are waited for first. Index counts,
 * no document read.
 */
async function isOnlyBootstrapped(
	database: RxDatabase,
	fork: RxStorageInstance<unknown, unknown, unknown, unknown>,
	pageTimes: readonly number[],
	written: number
): Promise<boolean> {
	if (pageTimes.length === 0 || pageTimes.some((t) => Number.isNaN(t))) return false;
	await database.requestIdlePromise();
	const countWhere = async (lwt: object) => {
		const schema = fork.schema as never;
		const query = normalizeMangoQuery(schema, {
			selector: { '_meta.lwt': lwt } as never,
			index: ['_meta.lwt', fork.schema.primaryKey as string] as never
		});
		return (await fork.count(prepareQuery(schema, query))).count;
	};
	const [total, ...perPage] = await Promise.all([
		countWhere({ $gte: 0 }),
		...pageTimes.map((t) => countWhere({ $eq: t }))
	]);
	return total === written && perPage.reduce((a, b) => a + b, 0) === written;
}
