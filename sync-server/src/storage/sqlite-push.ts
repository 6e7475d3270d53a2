// The SQLite push, with group commit. synchronous=FULL makes every COMMIT an fsync, and with one
// transaction per request that fsync bounded the server at a few hundred pushes a second. Pushes
// that arrive together (requests read in the same turn of the event loop) now run one after the
// other inside ONE transaction and share its fsync: each push is still its own compare-and-swap
// in order (a SAVEPOINT, so a push whose `describe` throws is rolled back alone and gets the
// error), and nobody is answered before the COMMIT that holds their rows. The group sends one
// change notice per salon and collection.
import type Database from 'better-sqlite3';
import { assumedIsMaster, type ChangeHub, docIdOf, sameCanonicalJson } from './shared.js';
import type { SqliteErasure } from './sqlite-erase.js';
import { UnknownSalonError, type PushRow, type RevisionInput } from './types.js';

type Describe = (prev: unknown | null, next: unknown) => RevisionInput;
type PushResult = { conflicts: unknown[]; seq: number | null };

interface Pending {
	salonId: string;
	collection: string;
	deviceId: string;
	rows: PushRow[];
	at: number;
	describe: Describe;
	resolve(result: PushResult): void;
	reject(error: unknown): void;
}

export function createSqlitePush(
	db: Database.Database,
	hub: ChangeHub,
	erasure: SqliteErasure
): (
	salonId: string,
	collection: string,
	deviceId: string,
	rows: PushRow[],
	at: number,
	describe: Describe
) => Promise<PushResult> {
	const st = {
		salonSeq: db.prepare<[string], { seq: number }>('SELECT seq FROM salons WHERE id = ?'),
		setSalonSeq: db.prepare('UPDATE salons SET seq = ? WHERE id = ?'),
		currentDoc: db.prepare<[string, string, string], { data: string }>(
			'SELECT data FROM docs WHERE salon_id = ? AND collection = ? AND id = ?'
		),
		upsertDoc: db.prepare(
			`INSERT INTO docs (salon_id, collection, id, seq, data) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (salon_id, collection, id) DO UPDATE SET seq = excluded.seq, data = excluded.data`
		),
		insertRevision: db.prepare(
			`INSERT INTO revisions (salon_id, seq, collection, doc_id, device_id, at, fields, deleted,
				staff_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
	};

	// One push; inside the group's transaction, better-sqlite3 runs it as a SAVEPOINT.
	const pushOne = db.transaction((p: Pending): PushResult => {
		const salon = st.salonSeq.get(p.salonId);
		if (!salon) throw new UnknownSalonError(p.salonId);
		let seq = salon.seq;
		const conflicts: unknown[] = [];
		for (const row of p.rows) {
			const id = docIdOf(p.collection, row.next);
			// Stored as JSON.stringify writes it (about five times cheaper than canonicalJson's sorted
			// copy; pull parses it, so key order means nothing to a reader). Equal strings are an
			// idempotent re-push at once; otherwise the values are compared (canonical equality),
			// which also covers rows stored canonically by earlier versions.
			const currentJson = st.currentDoc.get(p.salonId, p.collection, id)?.data ?? 'null';
			const nextJson = JSON.stringify(row.next);
			if (currentJson === nextJson) continue;
			// A device assumes the master it last pulled or pushed, which is stored as JSON.stringify
			// wrote it: the same text is the same value, so the compare-and-swap holds without parsing
			// the stored text or walking it, and the assumed value stands for the master below.
			const assumedIsStored = JSON.stringify(row.assumed) === currentJson;
			const current: unknown = assumedIsStored ? row.assumed : JSON.parse(currentJson);
			if (sameCanonicalJson(current, row.next)) continue;
			// GDPR erasure: nothing about an erased client is written again (sqlite-erase.ts).
			const refused = erasure.refusal(p.salonId, p.collection, current, row.next, p.at);
			if (refused) {
				if (refused.store !== null)
					st.upsertDoc.run(p.salonId, p.collection, id, ++seq, refused.store);
				conflicts.push(refused.conflict);
				continue;
			}
			// Compared as values, not encoded: one encoding per row (the one stored) is enough.
			if (!assumedIsStored && !assumedIsMaster(current, row)) {
				conflicts.push(current);
				continue;
			}
			const revision = p.describe(current, row.next);
			seq += 1;
			st.upsertDoc.run(p.salonId, p.collection, id, seq, nextJson);
			st.insertRevision.run(
				p.salonId,
				seq,
				p.collection,
				id,
				p.deviceId,
				p.at,
				JSON.stringify(revision.fields),
				revision.deleted ? 1 : 0,
				revision.staffId ?? null,
				JSON.stringify(revision.changes ?? {})
			);
		}
		const written = seq > salon.seq ? seq : null;
		if (written !== null) st.setSalonSeq.run(seq, p.salonId);
		return { conflicts, seq: written };
	});

	type Outcome = { ok: true; result: PushResult } | { ok: false; error: unknown };
	const group = db.transaction((batch: Pending[]): Outcome[] =>
		batch.map((p) => {
			try {
				return { ok: true, result: pushOne(p) };
			} catch (error) {
				return { ok: false, error };
			}
		})
	);

	let queue: Pending[] = [];
	function flush(): void {
		const batch = queue;
		queue = [];
		let outcomes: Outcome[];
		try {
			outcomes = group.immediate(batch);
		} catch (error) {
			// The COMMIT itself failed (disk full, a lock held by another process): nothing is written.
			for (const p of batch) p.reject(error);
			return;
		}
		// One notice per salon and collection for the whole group, with its last seq, after COMMIT
		// (a subscriber that pulls at once sees the rows): the notice is a ping to pull from a
		// checkpoint, so the intermediate ones would only make every stream write more.
		const last = new Map<string, { salonId: string; collection: string; seq: number }>();
		batch.forEach((p, i) => {
			const outcome = outcomes[i]!;
			if (!outcome.ok || outcome.result.seq === null) return;
			const key = `${p.salonId}\u0000${p.collection}`;
			const seen = last.get(key);
			if (!seen || seen.seq < outcome.result.seq) {
				last.set(key, { salonId: p.salonId, collection: p.collection, seq: outcome.result.seq });
			}
		});
		for (const notice of last.values()) hub.emit(notice);
		batch.forEach((p, i) => {
			const outcome = outcomes[i]!;
			if (outcome.ok) p.resolve(outcome.result);
			else p.reject(outcome.error);
		});
	}

	return (salonId, collection, deviceId, rows, at, describe) =>
		new Promise<PushResult>((resolve, reject) => {
			if (queue.length === 0) setImmediate(flush);
			queue.push({ salonId, collection, deviceId, rows, at, describe, resolve, reject });
		});
}
