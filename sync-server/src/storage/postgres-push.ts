// The compare-and-swap write of the PostgreSQL adapter, run inside the caller's transaction.
import type pg from 'pg';
import { referencedClientIds, refusalOf } from './erasure.js';
import { NOTIFY_CHANNEL } from './postgres-listen.js';
import { canonicalJson, sameCanonicalJson } from './shared.js';
import { UnknownSalonError, type RevisionInput } from './types.js';

// BIGINT arrives as a string (it may exceed 2^53); ours are seqs and millisecond times.
export const num = (v: string | number): number => Number(v);

export interface PushJob {
	salonId: string;
	collection: string;
	deviceId: string;
	at: number;
	rows: Array<{ assumed: unknown | null; next: unknown }>;
	ids: string[];
	describe: (prev: unknown | null, next: unknown) => RevisionInput;
}

// Three statements whatever the batch size (lock, read masters and erasures, write everything),
// so a 200-row push costs a few round trips, not hundreds.
export async function pushInTransaction(
	c: pg.PoolClient,
	{ salonId, collection, deviceId, at, rows, ids, describe }: PushJob
): Promise<{ conflicts: unknown[]; seq: number | null }> {
	const locked = await c.query<{ seq: string }>('SELECT seq FROM salons WHERE id = $1 FOR UPDATE', [
		salonId
	]);
	if (!locked.rows[0]) throw new UnknownSalonError(salonId);
	const first = num(locked.rows[0].seq);
	// Read after taking the lock: READ COMMITTED gives each statement a fresh snapshot, so this
	// sees every push (and erasure) that committed before ours. The masters and the erased ids come
	// in one statement: every round trip made while the salon's lock is held delays every push.
	const named = rows.map((row) => referencedClientIds(collection, row.next));
	const stored = await c.query<{ id: string; data: unknown; erased: boolean }>(
		`SELECT id, data, false AS erased FROM docs
		 WHERE salon_id = $1 AND collection = $2 AND id = ANY($3)
		 UNION ALL
		 SELECT client_id, NULL, true FROM erasures WHERE salon_id = $1 AND client_id = ANY($4)`,
		[salonId, collection, [...new Set(ids)], [...new Set(named.flat())]]
	);
	const masters = new Map(stored.rows.filter((r) => !r.erased).map((r) => [r.id, r.data]));
	const erased = new Set(stored.rows.filter((r) => r.erased).map((r) => r.id));
	const conflicts: unknown[] = [];
	const docs = new Map<string, { seq: number; json: string }>();
	const revisions = {
		seqs: [] as number[],
		ids: [] as string[],
		fields: [] as string[],
		deleted: [] as boolean[],
		staffIds: [] as (string | null)[],
		changes: [] as string[]
	};
	let seq = first;
	rows.forEach((row, i) => {
		const id = ids[i] as string;
		const current = masters.get(id) ?? null;
		// Compared as values (jsonb comes back in its own key order); only a written row is encoded.
		if (sameCanonicalJson(current, row.next)) return;
		// GDPR erasure: nothing about an erased client is written again (erasure.ts).
		const refused = named[i]!.some((n) => erased.has(n))
			? refusalOf(collection, current, row.next, at)
			: null;
		if (refused) {
			if (refused.store !== null) {
				seq += 1;
				masters.set(id, JSON.parse(refused.store));
				docs.set(id, { seq, json: refused.store });
			}
			conflicts.push(refused.conflict);
			return;
		}
		if (!sameCanonicalJson(current, row.assumed)) {
			conflicts.push(current);
			return;
		}
		const revision = describe(current, row.next);
		seq += 1;
		masters.set(id, row.next);
		// One upsert per id: the last accepted row of a doc in this push is its master.
		docs.set(id, { seq, json: canonicalJson(row.next) });
		revisions.seqs.push(seq);
		revisions.ids.push(id);
		revisions.fields.push(JSON.stringify(revision.fields));
		revisions.deleted.push(revision.deleted);
		revisions.staffIds.push(revision.staffId ?? null);
		revisions.changes.push(JSON.stringify(revision.changes ?? {}));
	});
	if (seq === first) return { conflicts, seq: null };
	// Documents, revisions, the salon's counter and the notice in ONE statement (data-modifying
	// CTEs always run to completion), again to keep the lock's round trips few. The notice is
	// sent by PostgreSQL on COMMIT and dropped on ROLLBACK.
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
			SELECT $1, t.seq, $2, t.doc_id, $6, $7, t.fields::jsonb, t.deleted, t.staff_id, t.changes
			FROM unnest($8::int8[], $9::text[], $10::text[], $11::bool[], $12::text[], $13::text[])
				AS t(seq, doc_id, fields, deleted, staff_id, changes)
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
			deviceId,
			at,
			revisions.seqs,
			revisions.ids,
			revisions.fields,
			revisions.deleted,
			revisions.staffIds,
			revisions.changes,
			seq,
			NOTIFY_CHANNEL,
			JSON.stringify({ salonId, collection, seq })
		]
	);
	return { conflicts, seq };
}
