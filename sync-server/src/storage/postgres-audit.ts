// The owner's log in PostgreSQL: one row per event in audit_events (see schema-sql.ts).
import type pg from 'pg';
import { num } from './postgres-push.js';
import { checkedAuditEvent } from './shared.js';
import type { AuditEvent, SyncStorage } from './types.js';

interface AuditRow {
	id: string;
	kind: AuditEvent['kind'];
	at: string;
	device_id: string;
	staff_id: string | null;
	detail: AuditEvent['detail'];
}

const toEvent = (r: AuditRow): AuditEvent => ({
	id: num(r.id),
	kind: r.kind,
	at: num(r.at),
	deviceId: r.device_id,
	staffId: r.staff_id,
	detail: r.detail
});

export function postgresAudit(
	pool: pg.Pool
): Pick<SyncStorage, 'recordAuditEvent' | 'listAuditEvents'> {
	return {
		async recordAuditEvent(salonId, event) {
			const e = checkedAuditEvent(event);
			const r = await pool.query<AuditRow>(
				`INSERT INTO audit_events (salon_id, kind, at, device_id, staff_id, detail)
				 VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING *`,
				[salonId, e.kind, e.at, e.deviceId, e.staffId, JSON.stringify(e.detail)]
			);
			return toEvent(r.rows[0] as AuditRow);
		},
		async listAuditEvents(salonId, { before, limit, kinds }) {
			const r = await pool.query<AuditRow>(
				`SELECT * FROM audit_events
				 WHERE salon_id = $1 AND ($2::int8 IS NULL OR id < $2)
					AND (cardinality($3::text[]) = 0 OR kind = ANY($3::text[]))
				 ORDER BY id DESC LIMIT $4`,
				[salonId, before ?? null, kinds ?? [], limit]
			);
			return r.rows.map(toEvent);
		}
	};
}
