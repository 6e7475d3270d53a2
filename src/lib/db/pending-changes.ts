// How many local changes the server has not acknowledged yet, read from RxDB's own replication
// bookkeeping rather than from the last push: every document of the fork (the local collection)
// written since the upstream checkpoint whose state differs from the assumed master state (what
// the server last confirmed). Pulled documents equal their master state and are not counted, so
// the figure is exact across collections, across reloads and beyond one push batch.
import {
	getAssumedMasterState,
	getChangedDocumentsSince,
	getLastCheckpointDoc,
	writeDocToDocState,
	type RxStorageInstanceReplicationState
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

const SCAN_BATCH = 500;

/** The context RxDB gives the writes of pulled documents (replication-protocol/index.ts). */
const PULLED_WRITE_CONTEXT = 'replication-downstream-';

/**
 * Whether a write (a collection's change-event bulk) can move the count. A pulled document is
 * written equal to its master state, and RxDB does not pull over a local change still to be
 * pushed, so pulled writes never can: during a first sync they are 50 batches of 1,000 cards,
 * each of which used to start a recount. The replication's active flip at the end of a pull
 * still recounts (its master-state bookkeeping is written after the documents).
 */
export function mayMovePending(bulk: { context: string }): boolean {
	return !bulk.context.startsWith(PULLED_WRITE_CONTEXT);
}

/** Local changes of one collection not yet acknowledged by the server (0 before it started). */
export async function countUnacknowledged<C>(
	replication: RxReplicationState<unknown, C>
): Promise<number> {
	const state = replication.internalReplicationState as
		RxStorageInstanceReplicationState<unknown> | undefined;
	if (!state || state.events.canceled.getValue()) return 0;
	const idOf = (doc: unknown) => (doc as Record<string, string>)[state.primaryPath] as string;
	let checkpoint: unknown = await getLastCheckpointDoc(state, 'up');
	let count = 0;
	for (;;) {
		if (state.events.canceled.getValue()) return 0;
		const page = await getChangedDocumentsSince(
			state.input.forkInstance,
			SCAN_BATCH,
			checkpoint as never
		);
		if (page.documents.length === 0) break;
		const master = await getAssumedMasterState(state, page.documents.map(idOf));
		for (const doc of page.documents) {
			const assumed = master[idOf(doc)];
			const local = writeDocToDocState(doc, state.hasAttachments, !!state.input.keepMeta);
			const isAcknowledged =
				assumed !== undefined &&
				state.input.conflictHandler.isEqual(assumed.docData, local, 'upstream-check-if-equal');
			if (!isAcknowledged) count += 1;
		}
		if (page.documents.length < SCAN_BATCH) break;
		checkpoint = page.checkpoint;
	}
	return count;
}

/**
 * Runs `work` now, or once more after the run in progress when called during one: bursts of
 * changes (a pulled batch, an import) cost at most two counts, and the last count is current.
 */
export function coalesce(work: () => Promise<void>): () => void {
	let running = false;
	let again = false;
	const run = async (): Promise<void> => {
		running = true;
		try {
			do {
				again = false;
				await work();
			} while (again);
		} finally {
			running = false;
		}
	};
	return () => {
		if (running) again = true;
		else void run().catch(() => undefined); // a failed count keeps the last figure shown
	};
}
