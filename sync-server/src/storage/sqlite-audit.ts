// The owner's log in SQLite: one row per event in audit_events (see schema-sql.ts).
import type Database from 'better-sqlite3';
import { checkedAuditEvent } from './shared.js';
import type { AuditEvent, SyncStorage } from './types.js';

interface AuditRow {
	id: number;
	kind: AuditEvent['kind'];
	at: number;
	device_id: string;
	staff_id: string | null;
	detail: string;
}

const toEvent = (r: AuditRow): AuditEvent => ({
	id: r.id,
	kind: r.kind,
	at: r.at,
	deviceId: r.device_id,
	staffId: r.staff_id,
	detail: JSON.parse(r.detail) as AuditEvent['detail']
});

export function sqliteAudit(
	db: Database.Database
): Pick<SyncStorage, 'recordAuditEvent' | 'listAuditEvents'> {
	const insert = db.prepare<[string, string, number, string, string | null, string], AuditRow>(
		`INSERT INTO audit_events (salon_id, kind, at, device_id, staff_id, detail)
		 VALUES (?, ?, ?, ?, ?, ?) RETURNING *`
	);
	// `kinds` travels as a JSON array: an empty one means every kind.
	const list = db.prepare<
		[{ salonId: string; before: number | null; kinds: string; limit: number }],
		AuditRow
	>(
		`SELECT * FROM audit_events
		 WHERE salon_id = @salonId AND (@before IS NULL OR id < @before)
			AND (json_array_length(@kinds) = 0 OR kind IN (SELECT value FROM json_each(@kinds)))
		 ORDER BY id DESC LIMIT @limit`
	);
	return {
		async recordAuditEvent(salonId, event) {
			const e = checkedAuditEvent(event);
			const row = insert.get(
				salonId,
				e.kind,
				e.at,
				e.deviceId,
				e.staffId,
				JSON.stringify(e.detail)
			);
			if (!row) throw new Error('audit event not written');
			return toEvent(row);
		},
		async listAuditEvents(salonId, { before, limit, kinds }) {
			return list
				.all({ salonId, before: before ?? null, kinds: JSON.stringify(kinds ?? []), limit })
				.map(toEvent);
		}
	};
}
