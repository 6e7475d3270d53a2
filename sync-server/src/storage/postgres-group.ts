// Group commit for the PostgreSQL push. Every push of a salon takes the salon's counter lock, so
// a salon's pushes run one at a time across all server instances, and each paid its own lock
// wait, round trips and COMMIT (an fsync). Pushes of one salon that arrive while its previous
// group is being written now wait and go together in ONE transaction: one lock, one read, one
// write per collection, one COMMIT. Each push is still its own compare-and-swap in arrival order
// (postgres-push.ts), a push whose `describe` throws fails alone, and nobody is answered before
// the COMMIT that holds their rows. Salons do not wait for each other.
import type pg from 'pg';
import {
	pushGroupInTransaction,
	type PushJob,
	type PushOutcome,
	type PushResult
} from './postgres-push.js';
import type { ChangeNotice } from './types.js';

/** At most this many pushes per transaction: 200 devices behind one salon made groups of ~100
 * pushes (a million bytes of documents, their revisions and the query built from them, held at
 * once); the rest wait for the next group. */
export const MAX_GROUP_PUSHES = 32;

interface Pending {
	job: PushJob;
	resolve(result: PushResult): void;
	reject(error: unknown): void;
}

export function createPostgresGroupPush(
	inTransaction: <T>(work: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
	committed: (notice: ChangeNotice) => void
): (job: PushJob) => Promise<PushResult> {
	// Per salon: the pushes waiting for the group being written (absent: none being written).
	const waiting = new Map<string, Pending[]>();

	async function writeGroup(salonId: string, batch: Pending[]): Promise<void> {
		const byCollection = new Map<string, Pending[]>();
		for (const p of batch) {
			const list = byCollection.get(p.job.collection);
			if (list) list.push(p);
			else byCollection.set(p.job.collection, [p]);
		}
		let outcomes: Map<Pending, PushOutcome>;
		try {
			outcomes = await inTransaction(async (c) => {
				const out = new Map<Pending, PushOutcome>();
				for (const [collection, items] of byCollection) {
					const jobs = items.map((p) => p.job);
					const results = await pushGroupInTransaction(c, salonId, collection, jobs);
					items.forEach((p, i) => out.set(p, results[i]!));
				}
				return out;
			});
		} catch (error) {
			// The transaction failed (COMMIT, a lost connection, an unknown salon): nothing is written.
			for (const p of batch) p.reject(error);
			return;
		}
		// After COMMIT, one notice per collection with its last seq: the notice is a ping to pull
		// from a checkpoint, so the intermediate ones would only make every stream write more.
		const last = new Map<string, number>();
		for (const [p, outcome] of outcomes) {
			if (!outcome.ok || outcome.result.seq === null) continue;
			last.set(p.job.collection, Math.max(last.get(p.job.collection) ?? 0, outcome.result.seq));
		}
		for (const [collection, seq] of last) committed({ salonId, collection, seq });
		for (const [p, outcome] of outcomes) {
			if (outcome.ok) p.resolve(outcome.result);
			else p.reject(outcome.error);
		}
	}

	async function drain(salonId: string): Promise<void> {
		for (;;) {
			const batch = waiting.get(salonId) ?? [];
			if (batch.length === 0) {
				waiting.delete(salonId);
				return;
			}
			waiting.set(salonId, batch.slice(MAX_GROUP_PUSHES));
			await writeGroup(salonId, batch.slice(0, MAX_GROUP_PUSHES));
		}
	}

	return (job) =>
		new Promise<PushResult>((resolve, reject) => {
			const queue = waiting.get(job.salonId);
			if (queue) {
				queue.push({ job, resolve, reject });
				return;
			}
			// Nothing being written for this salon: start a group with what arrives this turn.
			waiting.set(job.salonId, [{ job, resolve, reject }]);
			setImmediate(() => void drain(job.salonId));
		});
}
