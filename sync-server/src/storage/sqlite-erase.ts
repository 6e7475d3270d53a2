// GDPR erasure on SQLite: the erase transaction, and the check the push runs on every row.
import type Database from 'better-sqlite3';
import { planErasure, referencedClientIds, refusalOf, type CandidateDoc } from './erasure.js';
import type { ChangeHub } from './shared.js';
import { UnknownSalonError, type ErasureResult } from './types.js';

export interface SqliteErasure {
	erase(salonId: string, clientIds: string[], at: number): ErasureResult;
	/** Inside the push transaction: the answer to a row that names an erased client, else null. */
	refusal(
		salonId: string,
		collection: string,
		current: unknown,
		next: unknown,
		at: number
	): { conflict: unknown; store: string | null } | null;
	isErased(salonId: string, clientId: string): boolean;
}

export function createSqliteErasure(db: Database.Database, hub: ChangeHub): SqliteErasure {
	const st = {
		salonSeq: db.prepare<[string], { seq: number }>('SELECT seq FROM salons WHERE id = ?'),
		setSalonSeq: db.prepare('UPDATE salons SET seq = ? WHERE id = ?'),
		// Every document that may be about these clients; planErasure() decides exactly.
		candidates: db.prepare<[string, string, string, string, string], CandidateDoc>(
			`SELECT collection, id, data FROM docs WHERE salon_id = ? AND (
				(collection = 'clients' AND id IN (SELECT value FROM json_each(?)))
				OR json_extract(data, '$.clientId') IN (SELECT value FROM json_each(?))
				OR (collection = 'links' AND (json_extract(data, '$.a') IN (SELECT value FROM json_each(?))
					OR json_extract(data, '$.b') IN (SELECT value FROM json_each(?))))
				OR collection = 'imports')`
		),
		upsertDoc: db.prepare(
			`INSERT INTO docs (salon_id, collection, id, seq, data) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (salon_id, collection, id) DO UPDATE SET seq = excluded.seq, data = excluded.data`
		),
		deleteRevisions: db.prepare(
			'DELETE FROM revisions WHERE salon_id = ? AND collection = ? AND doc_id = ?'
		),
		recordErasure: db.prepare(
			`INSERT INTO erasures (salon_id, client_id, at) VALUES (?, ?, ?)
			 ON CONFLICT (salon_id, client_id) DO NOTHING`
		),
		isErased: db.prepare<[string, string], { n: number }>(
			'SELECT 1 AS n FROM erasures WHERE salon_id = ? AND client_id = ?'
		)
	};

	const eraseTx = db.transaction((salonId: string, ids: string[], at: number) => {
		const salon = st.salonSeq.get(salonId);
		if (!salon) throw new UnknownSalonError(salonId);
		const list = JSON.stringify(ids);
		const candidates = st.candidates
			.all(salonId, list, list, list, list)
			.map((r) => ({ ...r, data: JSON.parse(r.data as string) as unknown }));
		const writes = planErasure(candidates, ids, at);
		let seq = salon.seq;
		const last = new Map<string, number>();
		for (const w of writes) {
			seq += 1;
			st.upsertDoc.run(salonId, w.collection, w.id, seq, w.json);
			// The history of what was written goes too (DESIGN.md › Sync server).
			st.deleteRevisions.run(salonId, w.collection, w.id);
			last.set(w.collection, seq);
		}
		for (const id of ids) st.recordErasure.run(salonId, id, at);
		if (seq > salon.seq) st.setSalonSeq.run(seq, salonId);
		return { documents: writes.length, seq: seq > salon.seq ? seq : null, last };
	});

	return {
		erase(salonId, clientIds, at) {
			const ids = [...new Set(clientIds)];
			const { documents, seq, last } = eraseTx.immediate(salonId, ids, at);
			for (const [collection, s] of last) hub.emit({ salonId, collection, seq: s });
			return { documents, seq };
		},
		refusal(salonId, collection, current, next, at) {
			const named = referencedClientIds(collection, next);
			if (!named.some((id) => st.isErased.get(salonId, id) !== undefined)) return null;
			return refusalOf(collection, current, next, at);
		},
		isErased(salonId, clientId) {
			return st.isErased.get(salonId, clientId) !== undefined;
		}
	};
}
