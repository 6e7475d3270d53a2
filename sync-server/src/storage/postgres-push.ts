// The compare-and-swap write of the PostgreSQL adapter, run inside the caller's transaction for a
// group of pushes to one salon and collection (postgres-group.ts gathers them): every push of the
// salon waits for its counter's lock, so the round trips made under it bound the salon's write
// rate. Three statements for the whole group, whatever its size: lock, read (masters and erased
// ids), write (documents, revisions, counter, notice).
import type pg from 'pg';
import { referencedClientIds, refusalOf } from './erasure.js';
import { NOTIFY_CHANNEL } from './postgres-listen.js';
import { assumedIsMaster, sameCanonicalJson } from './shared.js';
import { UnknownSalonError, type PushRow, type RevisionInput } from './types.js';

// BIGINT arrives as a string (it may exceed 2^53); ours are seqs and millisecond times.
export const num = (v: string | number): number => Number(v);

export interface PushJob {
	salonId: string;
	collection: string;
	deviceId: string;
	at: number;
	rows: PushRow[];
	ids: string[];
	describe: (prev: unknown | null, next: unknown) => RevisionInput;
}

export type PushResult = { conflicts: unknown[]; seq: number | null };
export type PushOutcome = { ok: true; result: PushResult } | { ok: false; error: unknown };

interface Staged {
	docs: Map<string, { seq: number; json: string }>;
	masters: Map<string, unknown>;
	revisions: {
		seqs: number[];
		ids: string[];
		devices: string[];
		ats: number[];
		fields: string[];
		deleted: boolean[];
		staffIds: (string | null)[];
		changes: string[];
	};
}

/** One push's rows against the group's masters, in order; throws (from describe) untouched. */
function stageJob(
	job: PushJob,
	staged: Staged,
	erased: Set<string>,
	seq: number,
	undo: Array<() => void>
): { conflicts: unknown[]; seq: number } {
	const { docs, masters, revisions } = staged;
	const conflicts: unknown[] = [];
	const setDoc = (id: string, value: unknown, entry: { seq: number; json: string }) => {
		const [hadMaster, oldMaster, oldDoc] = [masters.has(id), masters.get(id), docs.get(id)];
		undo.push(() => {
			if (hadMaster) masters.set(id, oldMaster);
			else masters.delete(id);
			if (oldDoc) docs.set(id, oldDoc);
			else docs.delete(id);
		});
		masters.set(id, value);
		// One upsert per id: the last accepted row of a doc in this group is its master.
		docs.set(id, entry);
	};
	job.rows.forEach((row, i) => {
		const id = job.ids[i] as string;
		const current = masters.get(id) ?? null;
		// Compared as values (jsonb comes back in its own key order); only a written row is encoded.
		if (sameCanonicalJson(current, row.next)) return;
		// GDPR erasure: nothing about an erased client is written again (erasure.ts).
		const refused = referencedClientIds(job.collection, row.next).some((n) => erased.has(n))
			? refusalOf(job.collection, current, row.next, job.at)
			: null;
		if (refused) {
			if (refused.store !== null) {
				seq += 1;
				setDoc(id, JSON.parse(refused.store), { seq, json: refused.store });
			}
			conflicts.push(refused.conflict);
			return;
		}
		if (!assumedIsMaster(current, row)) {
			conflicts.push(current);
			return;
		}
		const revision = job.describe(current, row.next);
		seq += 1;
		// jsonb keeps its own key order: a sorted copy first would be work for nothing.
		setDoc(id, row.next, { seq, json: JSON.stringify(row.next) });
		revisions.seqs.push(seq);
		revisions.ids.push(id);
		revisions.devices.push(job.deviceId);
		revisions.ats.push(job.at);
		revisions.fields.push(JSON.stringify(revision.fields));
		revisions.deleted.push(revision.deleted);
		revisions.staffIds.push(revision.staffId ?? null);
		revisions.changes.push(JSON.stringify(revision.changes ?? {}));
	});
	return { conflicts, seq };
}

/**
 * Runs `jobs` (one salon, one collection, in arrival order) as consecutive compare-and-swaps: a
 * push sees what the ones before it in the group wrote. A push whose `describe` throws is taken
 * back alone (its staged rows are undone) and gets the error; the others are written.
 */
export async function pushGroupInTransaction(
	c: pg.PoolClient,
	salonId: string,
	collection: string,
	jobs: PushJob[]
): Promise<PushOutcome[]> {
	const locked = await c.query<{ seq: string }>('SELECT seq FROM salons WHERE id = $1 FOR UPDATE', [
		salonId
	]);
	if (!locked.rows[0]) throw new UnknownSalonError(salonId);
	const first = num(locked.rows[0].seq);
	// Read after taking the lock: READ COMMITTED gives each statement a fresh snapshot, so this
	// sees every push (and erasure) that committed before ours.
	const ids = [...new Set(jobs.flatMap((j) => j.ids))];
	const named = [
		...new Set(jobs.flatMap((j) => j.rows.flatMap((r) => referencedClientIds(collection, r.next))))
	];
	const stored = await c.query<{ id: string; data: unknown; erased: boolean }>(
		`SELECT id, data, false AS erased FROM docs
		 WHERE salon_id = $1 AND collection = $2 AND id = ANY($3)
		 UNION ALL
		 SELECT client_id, NULL, true FROM erasures WHERE salon_id = $1 AND client_id = ANY($4)`,
		[salonId, collection, ids, named]
	);
	const staged: Staged = {
		masters: new Map(stored.rows.filter((r) => !r.erased).map((r) => [r.id, r.data])),
		docs: new Map(),
		revisions: {
			seqs: [],
			ids: [],
			devices: [],
			ats: [],
			fields: [],
			deleted: [],
			staffIds: [],
			changes: []
		}
	};
	const erased = new Set(stored.rows.filter((r) => r.erased).map((r) => r.id));
	const { revisions } = staged;
	let seq = first;
	const outcomes = jobs.map((job): PushOutcome => {
		const undo: Array<() => void> = [];
		const revisionCount = revisions.seqs.length;
		try {
			const done = stageJob(job, staged, erased, seq, undo);
			const written = done.seq > seq ? done.seq : null;
			seq = done.seq;
			return { ok: true, result: { conflicts: done.conflicts, seq: written } };
		} catch (error) {
			for (const step of undo.reverse()) step();
			for (const list of Object.values(revisions)) list.length = revisionCount;
			return { ok: false, error };
		}
	});
	if (seq === first) return outcomes;
	// Documents, revisions, the salon's counter and the notice in ONE statement (data-modifying
	// CTEs always run to completion). PostgreSQL sends the notice on COMMIT, drops it on ROLLBACK.
	const { docs } = staged;
	await c.query(
		`WITH written AS (
			INSERT INTO docs (salon_id, collection, id, seq, data)
			SELECT $1, $2, t.id, t.seq, t.data::jsonb FROM unnest($3::text[], $4::int8[], $5::text[])
				AS t(id, seq, data)
			ON CONFLICT (salon_id, collection, id) DO UPDATE SET seq = excluded.seq, data = excluded.data
			RETURNING 1
		), logged AS (
			INSERT INTO revisions (salon_id, seq, collection, doc_id, device_id, at, fields, deleted,
				staff_id, changes)
			SELECT $1, t.seq, $2, t.doc_id, t.device_id, t.at, t.fields::jsonb, t.deleted, t.staff_id,
				t.changes
			FROM unnest($6::int8[], $7::text[], $8::text[], $9::int8[], $10::text[], $11::bool[],
				$12::text[], $13::text[]) AS t(seq, doc_id, device_id, at, fields, deleted, staff_id, changes)
			RETURNING 1
		), counted AS (
			UPDATE salons SET seq = $14 WHERE id = $1 RETURNING 1
		)
		SELECT pg_notify($15, $16)`,
		[
			salonId,
			collection,
			[...docs.keys()],
			[...docs.values()].map((d) => d.seq),
			[...docs.values()].map((d) => d.json),
			revisions.seqs,
			revisions.ids,
			revisions.devices,
			revisions.ats,
			revisions.fields,
			revisions.deleted,
			revisions.staffIds,
			revisions.changes,
			seq,
			NOTIFY_CHANNEL,
			JSON.stringify({ salonId, collection, seq })
		]
	);
	return outcomes;
}
