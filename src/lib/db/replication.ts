// Replication with the sync server (sync-server/README.md › Sync protocol): one
// replicateRxCollection per synced collection and ONE EventSource for all of them. The server
// only detects conflicts; they are resolved by the collections' conflictHandler (database.ts),
// which runs the domain merge. This module knows nothing of the UI: it reports through hooks.
// Several tabs of one device share one IndexedDB: only the elected leader tab replicates and
// holds the stream (RxDB leader election); the others see its writes through RxDB's
// multi-instance channel and show the status the leader reports (state/sync-tabs.ts).
import { Subject, type Observable } from 'rxjs';
import type {
	ReplicationPullOptions,
	ReplicationPushOptions,
	RxReplicationPullStreamItem
} from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Hlc } from '$lib/domain/hlc';
import {
	deviceResponseSchema,
	maxBootstrapPullLimitOf,
	maxPullLimitOf,
	maxPushRowsOf,
	SYNCED_COLLECTIONS,
	type Device,
	type Checkpoint,
	type SyncedCollection
} from '$lib/domain/sync-protocol';
import type { SchedarioDatabase } from './database';
import { openEventStream } from './event-stream';
import { callSyncApi, SyncHttpError, type SyncCredentials } from './sync-api';
import { countUnacknowledged } from './pending-changes';
import { trackPending, type WriteBulk } from './pending-tally';
import { livePuller, storedPullCheckpoint, type LivePuller } from './live-pull';
import { newestStamp, toWireDoc } from './wire-docs';
import { startReplications, type StartableReplication } from './first-sync';

// Other modules import these from here; they live in files of their own.
export { apiUrl, callSyncApi, SyncHttpError, type SyncCredentials } from './sync-api';
export { backoffMs } from './event-stream';
export { newestStamp, toWireDoc } from './wire-docs';

/** What replication reports; the state layer turns it into the visible status. */
export interface ReplicationStatus {
	/** A request is in flight or documents wait to be written. */
	active: boolean;
	/** Local changes, across collections, the server has not acknowledged yet. */
	pending: number;
	/** The network is unreachable (fetch failed, or the stream dropped). */
	offline: boolean;
	/** A server refusal other than auth, as its protocol error code ('clock_in_future', …). */
	errorCode: string | null;
	/** When the server last answered a pull or push. */
	lastSyncedAt: number | null;
	/** This tab's EventSource is open (only the leader tab ever opens one). */
	isStreamOpen: boolean;
	/** Client cards written so far by a first sync's bootstrap (bootstrap.ts); null when none
	 *  is running. */
	receivedClients: number | null;
}

export interface ReplicationHooks {
	onStatus(partial: Partial<ReplicationStatus>): void;
	onUnauthorized(code: 'unauthorized' | 'device_revoked'): void;
	/** This tab was elected to replicate for the device (it stays leader until it closes). */
	onLeader?(): void;
	/** The newest HLC stamp of a pulled batch, so local writes are ordered after it. */
	onRemoteStamp?(stamp: Hlc): void;
	/** This device's record as the server knows it (its location may have been changed). */
	onDevice?(device: Device): void;
	/** A bootstrap of empty collections (bootstrap.ts) started (true) or is over (false). */
	onBootstrapping?(active: boolean): void;
}

export interface Replication {
	/** Resolves when every collection has caught up with the server once (leader tab only). */
	awaitInSync(): Promise<void>;
	/** Reopens the stream and retries at once (e.g. the browser came back online). */
	reconnect(): void;
	/** Local changes, across collections, the server has not acknowledged, counted now. */
	countPending(): Promise<number>;
	stop(): Promise<void>;
}

type StreamItem = RxReplicationPullStreamItem<unknown, Checkpoint>;
type State = RxReplicationState<unknown, Checkpoint>;

export function startReplication(
	db: SchedarioDatabase,
	creds: SyncCredentials,
	hooks: ReplicationHooks
): Replication {
	const salonPath = `/salons/${encodeURIComponent(creds.salonId)}`;
	const streams = new Map<SyncedCollection, Subject<StreamItem>>();
	let stopped = false;

	const report = (partial: Partial<ReplicationStatus>) => {
		if (!stopped) hooks.onStatus(partial);
	};

	// A refusal stays visible until the same operation succeeds: a pull that works must not hide
	// a push the server keeps refusing (clock_in_future), or the status would say "Synced" while
	// a change is stuck on this device.
	const refusals = new Map<string, string>();
	const reportRefusals = () => report({ errorCode: refusals.values().next().value ?? null });

	function fail(operation: string, error: unknown, probe = false): never {
		// A probe's refusal is an answer the caller handles (bootstrap.ts's page size).
		if (probe && error instanceof SyncHttpError && error.status === 400) throw error;
		if (error instanceof SyncHttpError) {
			if (error.code === 'unauthorized' || error.code === 'device_revoked') {
				if (!stopped) hooks.onUnauthorized(error.code);
			} else if (error.isNetwork) {
				report({ offline: true });
			} else {
				refusals.set(operation, error.code);
				report({ offline: false });
				reportRefusals();
			}
		}
		throw error;
	}

	const call = (path: string, body?: unknown, probe = false) =>
		callSyncApi(creds.serverUrl, `${salonPath}${path}`, { token: creds.token, body }).then(
			(answer) => {
				if (refusals.delete(path)) reportRefusals();
				return answer;
			},
			(error: unknown) => fail(path, error, probe)
		);

	const succeeded = () => report({ offline: false, lastSyncedAt: Date.now() });

	const pullers = new Map<SyncedCollection, LivePuller>();
	async function pullPage(
		collection: SyncedCollection,
		checkpoint: Checkpoint | null,
		limit: number,
		probe = false
	) {
		const body = (await call(`/${collection}/pull`, { checkpoint, limit }, probe)) as {
			documents: unknown[];
			checkpoint: Checkpoint;
		};
		succeeded();
		// Client, note and link stamps order this device's later writes after what it saw.
		if (
			(collection === 'clients' || collection === 'notes' || collection === 'links') &&
			body.documents.length > 0
		) {
			const stamp = newestStamp(body.documents);
			if (stamp) hooks.onRemoteStamp?.(stamp);
		}
		return { documents: body.documents as never[], checkpoint: body.checkpoint };
	}

	const startables: StartableReplication[] = [];
	const states: State[] = SYNCED_COLLECTIONS.map((collection) => {
		const stream$ = new Subject<StreamItem>();
		streams.set(collection, stream$);
		const replicationIdentifier = `schedario-${creds.salonId}-${collection}-v1`;
		const pull: ReplicationPullOptions<unknown, Checkpoint> = {
			batchSize: maxPullLimitOf(collection),
			stream$: stream$.asObservable(),
			handler: (checkpoint, batchSize) =>
				pullPage(
					collection,
					checkpoint ?? null,
					Math.max(1, Math.min(batchSize, maxPullLimitOf(collection)))
				)
		};
		const push: ReplicationPushOptions<unknown> = {
			batchSize: maxPushRowsOf(collection),
			handler: async (rows) => {
				const body = (await call(`/${collection}/push`, {
					rows: rows.map((row) => ({
						assumedMasterState: row.assumedMasterState
							? toWireDoc(row.assumedMasterState as object)
							: null,
						newDocumentState: toWireDoc(row.newDocumentState as object)
					}))
				})) as { conflicts: unknown[] };
				succeeded();
				return body.conflicts as never[];
			}
		};
		const state = replicateRxCollection<unknown, Checkpoint>({
			replicationIdentifier,
			collection: db[collection] as never,
			live: true,
			retryTime: 5000,
			// One tab replicates for the device: started once this tab is elected, after the
			// bootstrap of what is empty (first-sync.ts).
			waitForLeadership: true,
			autoStart: false,
			pull,
			push
		});
		startables.push({
			collection,
			rx: db[collection] as never,
			replicationIdentifier,
			state: state as never,
			pullOptions: pull,
			pushOptions: push,
			limit: maxPullLimitOf(collection),
			bootstrapLimit: maxBootstrapPullLimitOf(collection)
		});
		return state;
	});

	// The count reads RxDB's bookkeeping, so a collection is recounted whenever its part may have
	// moved: a local write to it, its push or pull finishing (pending-tally.ts).
	const countPending = async () => {
		const counts = await Promise.all(states.map((s) => countUnacknowledged(s)));
		return counts.reduce((a, b) => a + b, 0);
	};
	const tally = trackPending(
		SYNCED_COLLECTIONS.map((c, i) => ({
			collection: c,
			writes$: db[c].eventBulks$ as Observable<WriteBulk>,
			replication: states[i]!
		})),
		(pending) => report({ pending })
	);

	const activeFlags = new WeakMap<object, boolean>();
	let anyActive = false;
	let bootstrapping = false;
	// From the moment this tab replicates until every collection has caught up once, the device
	// is not known to be in sync: before that, an idle RxDB state only means it has not started.
	let catchingUp = false;
	const reportActive = () => {
		// RxDB repeats the flag on every task; the status only needs its changes.
		const now = catchingUp || bootstrapping || states.some((x) => activeFlags.get(x) ?? false);
		if (now !== anyActive) report({ active: (anyActive = now) });
	};
	for (const s of states) {
		s.active$.subscribe((active) => {
			activeFlags.set(s, active);
			reportActive();
		});
		// Handler failures are already reported by `fail`; RxDB retries them on its own.
		s.error$.subscribe(() => undefined);
	}
	SYNCED_COLLECTIONS.forEach((c, i) => {
		pullers.set(
			c,
			livePuller<never>({
				pull: (from, limit) => pullPage(c, from, limit),
				limit: maxPullLimitOf(c),
				checkpoint: () => storedPullCheckpoint(states[i] as RxReplicationState<unknown, unknown>),
				isActive: () => activeFlags.get(states[i]!) ?? true,
				emit: (item) => streams.get(c)?.next(item)
			})
		);
	});

	let events: ReturnType<typeof openEventStream> | null = null;
	void db.waitForLeadership().then(() => {
		if (stopped) return;
		catchingUp = true;
		reportActive();
		hooks.onLeader?.();
		void startReplications(startables, {
			pull: pullPage,
			isStopped: () => stopped,
			onBootstrapping: (active) => {
				bootstrapping = active;
				hooks.onBootstrapping?.(active);
				if (!active) report({ receivedClients: null });
				reportActive();
			},
			onReceived: (collection, written) => {
				if (collection === 'clients' && bootstrapping) report({ receivedClients: written });
			}
		})
			.then(() => {
				tally.recountAll();
				return Promise.all(states.map((s) => s.awaitInSync()));
			})
			.then(
				() => {
					catchingUp = false;
					if (!stopped) reportActive();
				},
				() => undefined // stopped while catching up: nothing left to report
			);
		events = openEventStream(creds, salonPath, {
			onEvent(collections, live) {
				for (const c of collections) {
					if (live) pullers.get(c)?.ping();
					else streams.get(c)?.next('RESYNC');
				}
			},
			onOpen: () => {
				report({ offline: false, isStreamOpen: true });
				// The owner may have moved this device while its stream was down.
				call('/devices/me').then(
					(body) => {
						const parsed = deviceResponseSchema.safeParse(body);
						if (parsed.success && !stopped) hooks.onDevice?.(parsed.data.device);
					},
					() => undefined // reported by `call`; the next open asks again
				);
			},
			onDown: () => report({ offline: true, isStreamOpen: false }),
			onDevice: (device) => {
				if (!stopped) hooks.onDevice?.(device);
			},
			onUnauthorized: (code) => {
				if (!stopped) hooks.onUnauthorized(code);
			},
			call
		});
	});

	return {
		async awaitInSync() {
			await Promise.all(states.map((s) => s.awaitInSync()));
		},
		reconnect() {
			events?.reconnect();
			for (const s of states) s.reSync();
		},
		countPending,
		async stop() {
			stopped = true;
			events?.close();
			tally.stop();
			for (const s of streams.values()) s.complete();
			await Promise.all(states.map((s) => s.cancel()));
		}
	};
}
