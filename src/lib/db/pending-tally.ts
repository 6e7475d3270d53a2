// The "n changes waiting" figure, kept per collection. Counting one collection reads RxDB's
// bookkeeping (its upstream checkpoint, the fork's changes since, their assumed master states):
// a few IndexedDB transactions. Recounting all twelve collections on every write and every
// replication flip of any of them cost ~36 transactions in the middle of each live change
// (profiled: on the receiving device they ran before the pull was even sent), so a collection
// is recounted only when its own count may have moved, and after the current task, so the
// replication's own reads and requests go first.
import type { Observable, Subscription } from 'rxjs';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { coalesce, countUnacknowledged, mayMovePending } from './pending-changes';

/** A collection's storage write, as `mayMovePending` (pending-changes.ts) reads it. */
export interface WriteBulk {
	/** The `context` RxDB gives the storage write (`replication-downstream-…` for pulled documents). */
	context: string;
}

export interface PendingTally<C extends string> {
	/** The count of `collection` may have changed: recount it (coalesced, after this task). */
	recount(collection: C): void;
	recountAll(): void;
}

/**
 * Keeps the latest count of each collection and reports their sum whenever it changes.
 * Each collection's recount is coalesced: a burst costs at most two counts and the last one
 * is current, so the sum is exact once the burst is over.
 */
export function pendingTally<C extends string>(
	collections: readonly C[],
	count: (collection: C) => Promise<number>,
	onTotal: (total: number) => void,
	defer: (run: () => void) => void = (run) => setTimeout(run, 0)
): PendingTally<C> {
	const counts = new Map<C, number>();
	let reported: number | null = null;
	const publish = () => {
		// Not before every collection has a figure: a partial sum would show too few.
		if (counts.size < collections.length) return;
		let total = 0;
		for (const n of counts.values()) total += n;
		if (total === reported) return;
		reported = total;
		onTotal(total);
	};
	const runners = new Map<C, () => void>();
	const scheduled = new Set<C>();
	for (const c of collections) {
		runners.set(
			c,
			coalesce(async () => {
				counts.set(c, await count(c));
				publish();
			})
		);
	}
	const recount = (c: C) => {
		if (scheduled.has(c) || !runners.has(c)) return;
		scheduled.add(c);
		defer(() => {
			scheduled.delete(c);
			runners.get(c)?.();
		});
	};
	return {
		recount,
		recountAll() {
			for (const c of collections) recount(c);
		}
	};
}

/** One synced collection as the tally follows it. */
export interface PendingSource<C extends string, K> {
	collection: C;
	/** The collection's storage writes (RxCollection.eventBulks$). */
	writes$: Observable<WriteBulk>;
	replication: RxReplicationState<unknown, K>;
}

/**
 * Follows the collections' writes and replications and reports the total of unacknowledged
 * changes: a collection is recounted after a local write to it (not after a pulled one), when
 * its replication goes idle (a push or pull that ends may have acknowledged changes; one that
 * starts has not yet), and once its replication has started (changes made offline or before a
 * reload).
 */
export function trackPending<C extends string, K>(
	sources: readonly PendingSource<C, K>[],
	onTotal: (total: number) => void,
	defer?: (run: () => void) => void
): PendingTally<C> & { stop(): void } {
	const byCollection = new Map(sources.map((s) => [s.collection, s.replication]));
	const tally = pendingTally(
		sources.map((s) => s.collection),
		(c) => {
			const replication = byCollection.get(c);
			return replication ? countUnacknowledged(replication) : Promise.resolve(0);
		},
		onTotal,
		defer
	);
	let stopped = false;
	const subscriptions: Subscription[] = [];
	for (const { collection, writes$, replication } of sources) {
		subscriptions.push(
			writes$.subscribe((bulk) => {
				if (mayMovePending(bulk)) tally.recount(collection);
			}),
			replication.active$.subscribe((active) => {
				if (!active) tally.recount(collection);
			})
		);
		void replication.startPromise.then(() => {
			if (!stopped) tally.recount(collection);
		});
	}
	return {
		...tally,
		stop() {
			stopped = true;
			for (const sub of subscriptions) sub.unsubscribe();
		}
	};
}
