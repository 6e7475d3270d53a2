// Replication with the sync server (sync-server/README.md › Sync protocol): one
// replicateRxCollection per synced collection and ONE EventSource for all of them. The server
// only detects conflicts; they are resolved by the collections' conflictHandler (database.ts),
// which runs the domain merge. This module knows nothing of the UI: it reports through hooks.
import { Subject } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { maxHlc, type Hlc } from '$lib/domain/hlc';
import {
	changeEventSchema,
	errorBodySchema,
	MAX_PULL_LIMIT,
	MAX_PUSH_ROWS,
	SYNCED_COLLECTIONS,
	streamTicketResponseSchema,
	type Checkpoint,
	type SyncedCollection
} from '$lib/domain/sync-protocol';
import type { SchedarioDatabase } from './database';

export interface SyncCredentials {
	/** Origin of the sync server; '' means the page's own origin (the server serves the app). */
	serverUrl: string;
	salonId: string;
	deviceId: string;
	token: string;
}

/** What replication reports; the state layer turns it into the visible status. */
export interface ReplicationStatus {
	/** A request is in flight or documents wait to be written. */
	active: boolean;
	/** Local changes the last push attempt carried that the server has not yet accepted. */
	pending: number;
	/** The network is unreachable (fetch failed, or the stream dropped). */
	offline: boolean;
	/** A server refusal other than auth, as its protocol error code ('clock_in_future', …). */
	errorCode: string | null;
	/** When the server last answered a pull or push. */
	lastSyncedAt: number | null;
}

export interface ReplicationHooks {
	onStatus(partial: Partial<ReplicationStatus>): void;
	onUnauthorized(code: 'unauthorized' | 'device_revoked'): void;
	/** The newest HLC stamp of a pulled batch, so local writes are ordered after it. */
	onRemoteStamp?(stamp: Hlc): void;
}

export interface Replication {
	/** Resolves when every collection has caught up with the server once. */
	awaitInSync(): Promise<void>;
	/** Reopens the stream and retries at once (e.g. the browser came back online). */
	reconnect(): void;
	stop(): Promise<void>;
}

/** A refusal by the sync server, with its protocol error code (or 'network' when unreachable). */
export class SyncHttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly path?: string
	) {
		super(`sync ${status} ${code}${path ? ` at ${path}` : ''}`);
		this.name = 'SyncHttpError';
	}

	get isNetwork(): boolean {
		return this.status === 0;
	}
}

export function apiUrl(serverUrl: string, path: string): string {
	return `${serverUrl.replace(/\/+$/, '')}/api/v1${path}`;
}

/** One JSON call to the sync API. Network failures become SyncHttpError(0, 'network'). */
export async function callSyncApi(
	serverUrl: string,
	path: string,
	opts: { token?: string; body?: unknown; method?: 'GET' | 'POST' } = {}
): Promise<unknown> {
	const headers: Record<string, string> = {};
	if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
	if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
	let response: Response;
	try {
		response = await fetch(apiUrl(serverUrl, path), {
			method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
			headers,
			body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
			cache: 'no-store'
		});
	} catch {
		// fetch rejects only when no answer arrived at all: offline, DNS, refused connection.
		throw new SyncHttpError(0, 'network');
	}
	const text = await response.text();
	let json: unknown = null;
	try {
		json = text ? JSON.parse(text) : null;
	} catch {
		// A proxy's HTML error page or a cut-off body: judged by the status below.
	}
	if (response.ok) return json;
	const error = errorBodySchema.safeParse(json);
	throw error.success
		? new SyncHttpError(response.status, error.data.error.code, error.data.error.path)
		: new SyncHttpError(response.status, response.status >= 500 ? 'internal' : 'bad_request');
}

const RXDB_BOOKKEEPING = ['_rev', '_meta', '_attachments'];

/** An RxDB document as the wire wants it: without RxDB's bookkeeping, with `_deleted`. */
export function toWireDoc(doc: object): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(doc)) {
		if (!RXDB_BOOKKEEPING.includes(key)) out[key] = value;
	}
	out._deleted = Boolean(out._deleted);
	return out;
}

/** The newest stamp in the `clock` of any pulled client document. */
export function newestStamp(docs: readonly unknown[]): Hlc | undefined {
	let newest: Hlc | undefined;
	for (const doc of docs) {
		const clock = (doc as { clock?: Record<string, Hlc> }).clock;
		if (clock) for (const stamp of Object.values(clock)) newest = maxHlc(newest, stamp);
	}
	return newest;
}

/** Retry delay of the stream: 1 s doubling to 30 s, with jitter so devices spread out. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
	const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
	return Math.round(base * (0.75 + random() * 0.5));
}

type StreamItem = RxReplicationPullStreamItem<unknown, Checkpoint>;

export function startReplication(
	db: SchedarioDatabase,
	creds: SyncCredentials,
	hooks: ReplicationHooks
): Replication {
	const salonPath = `/salons/${encodeURIComponent(creds.salonId)}`;
	const streams = new Map<SyncedCollection, Subject<StreamItem>>();
	const pending = new Map<SyncedCollection, number>();
	let stopped = false;

	const report = (partial: Partial<ReplicationStatus>) => {
		if (!stopped) hooks.onStatus(partial);
	};

	function fail(error: unknown): never {
		if (error instanceof SyncHttpError) {
			if (error.code === 'unauthorized' || error.code === 'device_revoked') {
				if (!stopped) hooks.onUnauthorized(error.code);
			} else if (error.isNetwork) {
				report({ offline: true });
			} else {
				report({ errorCode: error.code, offline: false });
			}
		}
		throw error;
	}

	const call = (path: string, body?: unknown) =>
		callSyncApi(creds.serverUrl, `${salonPath}${path}`, { token: creds.token, body }).catch(fail);

	const succeeded = () => report({ offline: false, errorCode: null, lastSyncedAt: Date.now() });

	const states = SYNCED_COLLECTIONS.map((collection) => {
		const stream$ = new Subject<StreamItem>();
		streams.set(collection, stream$);
		const state: RxReplicationState<unknown, Checkpoint> = replicateRxCollection<
			unknown,
			Checkpoint
		>({
			replicationIdentifier: `schedario-${creds.salonId}-${collection}-v1`,
			collection: db[collection] as never,
			live: true,
			retryTime: 5000,
			// Every tab replicates for itself: the server's compare-and-swap keeps that correct,
			// and each tab's status then reflects its own writes.
			waitForLeadership: false,
			pull: {
				batchSize: MAX_PULL_LIMIT,
				stream$: stream$.asObservable(),
				handler: async (checkpoint, batchSize) => {
					const limit = Math.max(1, Math.min(batchSize, MAX_PULL_LIMIT));
					const body = (await call(`/${collection}/pull`, {
						checkpoint: checkpoint ?? null,
						limit
					})) as { documents: unknown[]; checkpoint: Checkpoint };
					succeeded();
					if ((collection === 'clients' || collection === 'links') && body.documents.length > 0) {
						const stamp = newestStamp(body.documents);
						if (stamp) hooks.onRemoteStamp?.(stamp);
					}
					return { documents: body.documents as never[], checkpoint: body.checkpoint };
				}
			},
			push: {
				batchSize: MAX_PUSH_ROWS,
				handler: async (rows) => {
					pending.set(collection, rows.length);
					report({ pending: totalPending() });
					const body = (await call(`/${collection}/push`, {
						rows: rows.map((row) => ({
							assumedMasterState: row.assumedMasterState
								? toWireDoc(row.assumedMasterState as object)
								: null,
							newDocumentState: toWireDoc(row.newDocumentState as object)
						}))
					})) as { conflicts: unknown[] };
					pending.set(collection, 0);
					succeeded();
					report({ pending: totalPending() });
					return body.conflicts as never[];
				}
			}
		});
		return state;
	});

	const activeFlags = new WeakMap<object, boolean>();
	function isActive(s: RxReplicationState<unknown, Checkpoint>): boolean {
		return activeFlags.get(s) ?? false;
	}
	for (const s of states) {
		s.active$.subscribe((active) => {
			activeFlags.set(s, active);
			report({ active: states.some(isActive) });
		});
		// Handler failures are already reported by `fail`; RxDB retries them on its own.
		s.error$.subscribe(() => undefined);
	}

	function totalPending(): number {
		let sum = 0;
		for (const n of pending.values()) sum += n;
		return sum;
	}

	const events = openEventStream(creds, salonPath, {
		onEvent(collections) {
			for (const c of collections) streams.get(c)?.next('RESYNC');
		},
		onOpen: () => report({ offline: false }),
		onDown: () => report({ offline: true }),
		onUnauthorized: (code) => {
			if (!stopped) hooks.onUnauthorized(code);
		},
		call
	});

	return {
		async awaitInSync() {
			await Promise.all(states.map((s) => s.awaitInSync()));
		},
		reconnect() {
			events.reconnect();
			for (const s of states) s.reSync();
		},
		async stop() {
			stopped = true;
			events.close();
			for (const s of streams.values()) s.complete();
			await Promise.all(states.map((s) => s.cancel()));
		}
	};
}

interface StreamHandlers {
	onEvent(collections: readonly SyncedCollection[]): void;
	onOpen(): void;
	onDown(): void;
	onUnauthorized(code: 'unauthorized' | 'device_revoked'): void;
	call(path: string, body?: unknown): Promise<unknown>;
}

/** The one SSE stream: a fresh single-use ticket per connection, reopened with backoff. */
function openEventStream(creds: SyncCredentials, salonPath: string, h: StreamHandlers) {
	let source: EventSource | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let attempt = 0;
	let closed = false;
	let generation = 0;

	const schedule = (delay: number) => {
		if (closed || timer) return;
		timer = setTimeout(() => {
			timer = null;
			void connect();
		}, delay);
	};

	async function connect(): Promise<void> {
		if (closed) return;
		const mine = ++generation;
		source?.close();
		source = null;
		let ticket: string;
		try {
			const parsed = streamTicketResponseSchema.parse(await h.call('/stream-ticket', {}));
			ticket = parsed.ticket;
		} catch (error) {
			if (closed || mine !== generation) return;
			const code = error instanceof SyncHttpError ? error.code : '';
			// A 401 was reported through `call`; the state layer stops everything then.
			if (code === 'unauthorized' || code === 'device_revoked') return;
			h.onDown();
			schedule(backoffMs(attempt++));
			return;
		}
		if (closed || mine !== generation) return;
		const url = apiUrl(creds.serverUrl, `${salonPath}/stream?ticket=${encodeURIComponent(ticket)}`);
		const es = new EventSource(url);
		source = es;
		es.addEventListener('resync', () => {
			attempt = 0;
			h.onOpen();
			h.onEvent(SYNCED_COLLECTIONS);
		});
		es.addEventListener('change', (event) => {
			let data: unknown = null;
			try {
				data = JSON.parse((event as MessageEvent<string>).data);
			} catch {
				// Not ours to judge: pull everything, which is always correct.
			}
			const parsed = changeEventSchema.safeParse(data);
			h.onEvent(parsed.success ? parsed.data.collections : SYNCED_COLLECTIONS);
		});
		es.onerror = () => {
			// The ticket is single use, so EventSource's own retry would be refused: take over.
			es.close();
			if (source === es) source = null;
			if (closed || mine !== generation) return;
			h.onDown();
			schedule(backoffMs(attempt++));
		};
	}

	void connect();

	return {
		reconnect() {
			if (closed) return;
			if (timer) clearTimeout(timer);
			timer = null;
			attempt = 0;
			void connect();
		},
		close() {
			closed = true;
			if (timer) clearTimeout(timer);
			source?.close();
			source = null;
		}
	};
}
