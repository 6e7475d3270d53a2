// GDPR erasure on PostgreSQL: the erase transaction (under the salon's counter lock, like a
// push, so seqs stay gap-free and ordered). The push reads erased ids with its masters
// (postgres-push.ts).
import type pg from 'pg';
import { planErasure } from './erasure.js';
import { NOTIFY_CHANNEL } from './postgres-listen.js';
import { num } from './postgres-push.js';
import { UnknownSalonError } from './types.js';

export async function eraseInTransaction(
	c: pg.PoolClient,
	salonId: string,
	ids: string[],
	at: number
): Promise<{ documents: number; seq: number | null; last: Map<string, number> }> {
	const locked = await c.query<{ seq: string }>('SELECT seq FROM salons WHERE id = $1 FOR UPDATE', [
		salonId
	]);
	if (!locked.rows[0]) throw new UnknownSalonError(salonId);
	const first = num(locked.rows[0].seq);
	// Every document that may be about these clients; planErasure() decides exactly.
	const candidates = await c.query<{ collection: string; id: string; data: unknown }>(
		`SELECT collection, id, data FROM docs WHERE salon_id = $1 AND (
			(collection = 'clients' AND id = ANY($2)) OR data->>'clientId' = ANY($2)
			OR (collection = 'links' AND (data->>'a' = ANY($2) OR data->>'b' = ANY($2)))
			OR collection = 'imports')`,
		[salonId, ids]
	);
	const writes = planErasure(candidates.rows, ids, at);
	let seq = first;
	const last = new Map<string, number>();
	for (const w of writes) {
		seq += 1;
		await c.query(
			`INSERT INTO docs (salon_id, collection, id, seq, data) VALUES ($1, $2, $3, $4, $5::jsonb)
			 ON CONFLICT (salon_id, collection, id) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
			[salonId, w.collection, w.id, seq, w.json]
		);
		// The history of what was written goes too (DESIGN.md › Sync server).
		await c.query('DELETE FROM revisions WHERE salon_id = $1 AND collection = $2 AND doc_id = $3', [
			salonId,
			w.collection,
			w.id
		]);
		last.set(w.collection, seq);
	}
	await c.query(
		`INSERT INTO erasures (salon_id, client_id, at) SELECT $1, t.id, $3 FROM unnest($2::text[]) AS t(id)
		 ON CONFLICT (salon_id, client_id) DO NOTHING`,
		[salonId, ids, at]
	);
	if (seq === first) return { documents: 0, seq: null, last };
	await c.query('UPDATE salons SET seq = $2 WHERE id = $1', [salonId, seq]);
	// Inside the transaction: sent on COMMIT only; one ping per collection that moved.
	for (const [collection, s] of last) {
		await c.query('SELECT pg_notify($1, $2)', [
			NOTIFY_CHANNEL,
			JSON.stringify({ salonId, collection, seq: s })
		]);
	}
	return { documents: writes.length, seq, last };
}
