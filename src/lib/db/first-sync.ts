// Starting the replications of a device: each empty collection is first filled by the bootstrap
// (bootstrap.ts), then its RxDB replication starts from where that left off. Collections that
// hold anything start as they always did.
import type { RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { documentSchemaFor, type SyncedCollection } from '$lib/domain/sync-protocol';
import { isWireClient } from '$lib/domain/client-wire-check';
import { bootstrapCollection, type BootstrapPage, type SeqCheckpoint } from './bootstrap';
import { SyncHttpError } from './sync-api';

export interface StartableReplication {
	collection: SyncedCollection;
	rx: RxCollection;
	replicationIdentifier: string;
	state: RxReplicationState<unknown, unknown>;
	/** The option objects given to replicateRxCollection: read by RxDB when it starts. */
	pullOptions: { initialCheckpoint?: unknown };
	pushOptions: { initialCheckpoint?: unknown };
	/** Pull page size of this collection's replication, and the larger one of its bootstrap. */
	limit: number;
	bootstrapLimit: number;
}

export interface FirstSyncOptions {
	/** `probe`: a refusal of the page size is expected from an older server, not a sync error. */
	pull(
		collection: SyncedCollection,
		checkpoint: SeqCheckpoint | null,
		limit: number,
		probe: boolean
	): Promise<BootstrapPage>;
	isStopped(): boolean;
	/** A bootstrap is running (RxDB's own activity flag says nothing before it starts). */
	onBootstrapping(active: boolean): void;
	/** A collection's bootstrap wrote another page: its documents written so far. */
	onReceived?(collection: SyncedCollection, written: number): void;
}

/** Bootstraps what is empty, then starts every replication (created with autoStart: false). */
export async function startReplications(
	items: readonly StartableReplication[],
	opts: FirstSyncOptions
): Promise<void> {
	let running = 0;
	const mark = (delta: number) => {
		const was = running > 0;
		running += delta;
		if (was !== running > 0) opts.onBootstrapping(running > 0);
	};
	await Promise.all(
		items.map(async (item) => {
			mark(1);
			try {
				const schema = documentSchemaFor(item.collection);
				// Cards are most of a first sync: their check skips zod's slow records (same answers).
				const isValid =
					item.collection === 'clients'
						? isWireClient
						: (doc: unknown) => schema.safeParse(doc).success;
				const result = await bootstrapCollection({
					collection: item.rx,
					replicationIdentifier: item.replicationIdentifier,
					pull: (from, limit) => opts.pull(item.collection, from, limit, limit > item.limit),
					limit: item.bootstrapLimit,
					fallbackLimit: item.limit,
					isLimitRefused: (error) => error instanceof SyncHttpError && error.status === 400,
					isValid,
					isStopped: opts.isStopped,
					onWritten: (written) => opts.onReceived?.(item.collection, written)
				}).catch(() => null); // a failed bootstrap leaves everything to the replication
				if (result) {
					item.pullOptions.initialCheckpoint = result.downstream;
					if (result.upstream) item.pushOptions.initialCheckpoint = result.upstream;
				}
			} finally {
				mark(-1);
			}
			// start() reports its own failures on error$.
			if (!opts.isStopped()) await item.state.start().catch(() => undefined);
		})
	);
}
