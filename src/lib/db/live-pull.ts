// The live path of a change ping. A 'RESYNC' into RxDB's pull stream makes it read its stored
// checkpoint from IndexedDB before it even asks the server, and re-scan this device's own
// changes for the upstream as well — on every change another device makes. Profiled on the
// receiving device, that was most of the time between the ping and the pull request. When the
// collection is idle and its stored checkpoint is in RxDB's memory already (it keeps the last one
// it read or wrote), the pull is made here at once from that checkpoint and its documents are
// handed to RxDB as a stream batch, the path RxDB has for live changes (it writes them and
// stores the checkpoint, and leaves a document with an unpushed local change alone, as on a
// resync). Anything else — no checkpoint in memory, a replication at work (a first sync: a
// second puller would fetch the same pages twice), a full page, a failure — is a 'RESYNC',
// which is always correct.
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { coalesce } from './pending-changes';

export interface LiveCheckpoint {
	seq: number;
}

export type LiveStreamItem<D> = 'RESYNC' | { documents: D[]; checkpoint: LiveCheckpoint | null };

export interface LivePullOptions<D> {
	/** One pull request from `checkpoint` (the replication's own pull handler). */
	pull(
		checkpoint: LiveCheckpoint,
		limit: number
	): Promise<{ documents: D[]; checkpoint: LiveCheckpoint | null }>;
	limit: number;
	/** Where the stored pull checkpoint stands, when known without reading storage. */
	checkpoint(): LiveCheckpoint | null;
	/** The collection's replication is running (pulling, pushing, retrying). */
	isActive(): boolean;
	emit(item: LiveStreamItem<D>): void;
}

export interface LivePuller {
	/** The server says the collection changed. */
	ping(): void;
}

/** The downstream checkpoint RxDB last stored (or read), from its memory; null before that. */
export function storedPullCheckpoint(
	replication: RxReplicationState<unknown, unknown>
): LiveCheckpoint | null {
	const doc = replication.internalReplicationState?.lastCheckpointDoc.down as
		{ checkpointData?: unknown } | undefined;
	const data = doc?.checkpointData as Partial<LiveCheckpoint> | null | undefined;
	return typeof data?.seq === 'number' ? { seq: data.seq } : null;
}

export function livePuller<D>(opts: LivePullOptions<D>): LivePuller {
	const run = coalesce(async () => {
		const from = opts.checkpoint();
		if (!from || opts.isActive()) {
			opts.emit('RESYNC');
			return;
		}
		try {
			const page = await opts.pull(from, opts.limit);
			// Documents are handed over even when the page is full; RxDB then pulls the rest.
			if (page.documents.length > 0)
				opts.emit({ documents: page.documents, checkpoint: page.checkpoint });
			if (page.documents.length >= opts.limit) opts.emit('RESYNC');
		} catch {
			// Reported by the pull itself; RxDB's resync retries on its own schedule.
			opts.emit('RESYNC');
		}
	});
	return { ping: run };
}
