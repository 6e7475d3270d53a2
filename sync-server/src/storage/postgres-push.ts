// The compare-and-swap write of the PostgreSQL adapter, run inside the caller's transaction.
import type pg from 'pg';
import { referencedClientIds, refusalOf } from './erasure.js';
import { erasedAmong } from './postgres-erase.js';
import { NOTIFY_CHANNEL } from './postgres-listen.js';
import { canonicalJson } from './shared.js';
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

// Three statements whatever the batch size (read masters, write docs, write revisions), so a
// 200-row push costs a few round trips, not hundreds.
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
	// sees every push that committed before ours.
	const stored = await c.query<{ id: string; data: unknown }>(
		'SELECT id, data FROM docs WHERE salon_id = $1 AND collection = $2 AND id = ANY($3)',
		[salonId, collection, [...new Set(ids)]]
	);
	const masters = new Map(stored.rows.map((r) => [r.id, r.data]));
	const named = rows.map((row) => referencedClientIds(collection, row.next));
	const erased = await erasedAmong(c, salonId, named.flat());
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
		const currentJson = canonicalJson(current);
		const nextJson = canonicalJson(row.next);
		if (currentJson === nextJson) return;
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
		if (currentJson !== canonicalJson(row.assumed)) {
			conflicts.push(current);
			return;
		}
		const revision = describe(current, row.next);
		seq += 1;
		masters.set(id, row.next);
		// One upsert per id: the last accepted row of a doc in this push is its master.
		docs.set(id, { seq, json: nextJson });
		revisions.seqs.push(seq);
		revisions.ids.push(id);
		revisions.fields.push(JSON.stringify(revision.fields));
		revisions.deleted.push(revision.deleted);
		revisions.staffIds.push(revision.staffId ?? null);
		revisions.changes.push(JSON.stringify(revision.changes ?? {}));
	});
	if (seq === first) return { conflicts, seq: null };
	await c.query(
		`INSERT INTO docs (salon_id, collection, id, seq, data)
		 SELECT $1, $2, t.id, t.seq, t.data::jsonb FROM unnest($3::text[], $4::int8[], $5::text[])
			AS t(id, seq, data)
		 ON CONFLICT (salon_id, collection, id) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
		[
			salonId,
			collection,
			[...docs.keys()],
			[...docs.values()].map((d) => d.seq),
			[...docs.values()].map((d) => d.json)
		]
	);
	await c.query(
		`INSERT INTO revisions (salon_id, seq, collection, doc_id, device_id, at, fields, deleted,
			staff_id, changes)
		 SELECT $1, t.seq, $2, t.doc_id, $3, $4, t.fields::jsonb, t.deleted, t.staff_id, t.changes
		 FROM unnest($5::int8[], $6::text[], $7::text[], $8::bool[], $9::text[], $10::text[])
			AS t(seq, doc_id, fields, deleted, staff_id, changes)`,
		[
			salonId,
			collection,
			deviceId,
			at,
			revisions.seqs,
			revisions.ids,
			revisions.fields,
			revisions.deleted,
			revisions.staffIds,
			revisions.changes
		]
	);
	await c.query('UPDATE salons SET seq = $2 WHERE id = $1', [salonId, seq]);
	// Inside the transaction: PostgreSQL sends it on COMMIT and drops it on ROLLBACK.
	await c.query('SELECT pg_notify($1, $2)', [
		NOTIFY_CHANNEL,
		JSON.stringify({ salonId, collection, seq })
	]);
	return { conflicts, seq };
}
