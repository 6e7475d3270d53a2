// PostgreSQL adapter (pg): for chains, where several server instances share one database.
// A push locks its salon's counter row (SELECT … FOR UPDATE), so two instances pushing to one
// salon are serialised: seqs are unique, gap-free and committed in order. NOTIFY is sent inside
// the push transaction, so PostgreSQL delivers it only if the transaction commits.
import pg from 'pg';
import { eraseInTransaction } from './postgres-erase.js';
import type { FieldChanges } from '../../../src/lib/domain/history.js';
import { postgresDataKeys } from './data-keys.js';
import { postgresAudit } from './postgres-audit.js';
import { startListener } from './postgres-listen.js';
import { createPostgresGroupPush } from './postgres-group.js';
import { num } from './postgres-push.js';
import { ADDED_COLUMNS, POSTGRES_SCHEMA } from './schema-sql.js';
import { ChangeHub, deviceParams, docIdOf, MAX_PAIRING_ATTEMPTS } from './shared.js';
import {
	PairingCodeCollisionError,
	type DeviceRecord,
	type PairingCodeRecord,
	type SyncStorage
} from './types.js';

export interface PostgresOptions {
	/** postgres://user:password@host:port/database */
	url: string;
	/** Pool size; default 10. */
	maxConnections?: number;
}

// Any constant works; it only has to be the same for every instance migrating this database.
const MIGRATION_LOCK = 7_204_110_321;

const numOrNull = (v: string | number | null): number | null => (v === null ? null : num(v));

interface DeviceRow {
	id: string;
	salon_id: string;
	name: string;
	role: 'owner' | 'staff';
	token_hash: string;
	created_at: string;
	last_seen_at: string | null;
	revoked_at: string | null;
	location_id: string | null;
	access_role: string | null;
}

interface PairingRow {
	code_id: string;
	salon_id: string;
	secret_hash: string;
	expires_at: string;
	attempts: number;
	used_at: string | null;
	created_by: string;
	location_id: string | null;
	access_role: string | null;
}

const toDevice = (r: DeviceRow): DeviceRecord => ({
	id: r.id,
	salonId: r.salon_id,
	name: r.name,
	role: r.role,
	tokenHash: r.token_hash,
	createdAt: num(r.created_at),
	lastSeenAt: numOrNull(r.last_seen_at),
	revokedAt: numOrNull(r.revoked_at),
	locationId: r.location_id,
	// Omitted when never set (devices and codes made before roles).
	...(r.access_role ? { accessRole: r.access_role } : {})
});

const INSERT_DEVICE = `INSERT INTO devices (id, salon_id, name, role, token_hash, created_at,
	last_seen_at, revoked_at, location_id, access_role)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
export async function openPostgresStorage({
	url,
	maxConnections = 10
}: PostgresOptions): Promise<SyncStorage> {
	const pool = new pg.Pool({ connectionString: url, max: maxConnections });
	// An idle pooled connection that dies (server restart) emits here; the pool drops it and the
	// next query opens a new one, so there is nothing else to do — but unhandled it would crash.
	pool.on('error', () => undefined);
	const hub = new ChangeHub();
	let isClosed = false;

	async function inTransaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
		const client = await pool.connect();
		try {
			await client.query('BEGIN');
			const result = await work(client);
			await client.query('COMMIT');
			return result;
		} catch (error) {
			await client.query('ROLLBACK').catch(() => undefined); // the original error matters more
			throw error;
		} finally {
			client.release();
		}
	}

	async function migrate(): Promise<void> {
		// CREATE … IF NOT EXISTS races with itself when two instances start together: serialise.
		await inTransaction(async (c) => {
			await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
			for (const sql of POSTGRES_SCHEMA) await c.query(sql);
			for (const { table, column, type } of ADDED_COLUMNS) {
				await c.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
			}
		});
	}

	let listener: Awaited<ReturnType<typeof startListener>>;
	try {
		// The listener reads the salons table for its baseline, so the schema must exist first.
		await migrate();
		listener = await startListener(url, pool, (n) => hub.emit(n));
	} catch (error) {
		await pool.end().catch(() => undefined);
		throw error;
	}
	const push = createPostgresGroupPush(inTransaction, (notice) => {
		listener.noteSeq(notice.salonId, notice.seq);
		hub.emit(notice);
	});

	return {
		kind: 'postgres',
		migrate,
		async close() {
			if (isClosed) return;
			isClosed = true;
			hub.clear();
			await listener.close();
			await pool.end();
		},
		async countSalons() {
			const r = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM salons');
			return num(r.rows[0]?.n ?? 0);
		},
		async createSalon(s, owner) {
			if (owner.salonId !== s.id) throw new Error('The owner device must belong to the new salon');
			await inTransaction(async (c) => {
				await c.query('INSERT INTO salons (id, name, created_at) VALUES ($1, $2, $3)', [
					s.id,
					s.name,
					s.createdAt
				]);
				await c.query(INSERT_DEVICE, deviceParams(owner));
			});
		},
		async salonExists(id) {
			return (await pool.query('SELECT 1 FROM salons WHERE id = $1', [id])).rowCount === 1;
		},
		async createDevice(d) {
			await pool.query(INSERT_DEVICE, deviceParams(d));
		},
		async findDeviceByTokenHash(hash) {
			const r = await pool.query<DeviceRow>('SELECT * FROM devices WHERE token_hash = $1', [hash]);
			return r.rows[0] ? toDevice(r.rows[0]) : null;
		},
		async listDevices(salonId) {
			const r = await pool.query<DeviceRow>(
				'SELECT * FROM devices WHERE salon_id = $1 ORDER BY created_at, id',
				[salonId]
			);
			return r.rows.map(toDevice);
		},
		async touchDevice(id, at) {
			await pool.query(
				`UPDATE devices SET last_seen_at = $1
				 WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $1)`,
				[at, id]
			);
		},
		async revokeDevice(salonId, deviceId, at) {
			const r = await pool.query(
				`UPDATE devices SET revoked_at = $1
				 WHERE salon_id = $2 AND id = $3 AND revoked_at IS NULL`,
				[at, salonId, deviceId]
			);
			return r.rowCount === 1;
		},
		async setDeviceLocation(salonId, deviceId, locationId) {
			const r = await pool.query(
				`UPDATE devices SET location_id = $1
				 WHERE salon_id = $2 AND id = $3 AND revoked_at IS NULL`,
				[locationId, salonId, deviceId]
			);
			return r.rowCount === 1;
		},
		async setDeviceRole(salonId, deviceId, accessRole) {
			const r = await pool.query(
				`UPDATE devices SET access_role = $1
				 WHERE salon_id = $2 AND id = $3 AND revoked_at IS NULL`,
				[accessRole, salonId, deviceId]
			);
			return r.rowCount === 1;
		},
		async createPairingCode(c) {
			const r = await pool.query(
				`INSERT INTO pairing_codes (code_id, salon_id, secret_hash, expires_at, attempts, used_at,
					created_by, location_id, access_role) VALUES ($1, $2, $3, $4, $5, $6, $7, $10, $11)
				 ON CONFLICT (code_id) DO UPDATE SET salon_id = excluded.salon_id,
					secret_hash = excluded.secret_hash, expires_at = excluded.expires_at,
					attempts = excluded.attempts, used_at = excluded.used_at,
					created_by = excluded.created_by, location_id = excluded.location_id,
					access_role = excluded.access_role
				 WHERE pairing_codes.used_at IS NOT NULL OR pairing_codes.expires_at <= $8
					OR pairing_codes.attempts >= $9`,
				[
					c.codeId,
					c.salonId,
					c.secretHash,
					c.expiresAt,
					c.attempts,
					c.usedAt,
					c.createdBy,
					Date.now(),
					MAX_PAIRING_ATTEMPTS,
					c.locationId,
					c.accessRole ?? null
				]
			);
			if (r.rowCount === 0) throw new PairingCodeCollisionError(c.codeId);
		},
		async findPairingCode(codeId): Promise<PairingCodeRecord | null> {
			const r = await pool.query<PairingRow>('SELECT * FROM pairing_codes WHERE code_id = $1', [
				codeId
			]);
			const row = r.rows[0];
			if (!row) return null;
			return {
				codeId: row.code_id,
				salonId: row.salon_id,
				secretHash: row.secret_hash,
				expiresAt: num(row.expires_at),
				attempts: row.attempts,
				usedAt: numOrNull(row.used_at),
				createdBy: row.created_by,
				locationId: row.location_id,
				...(row.access_role ? { accessRole: row.access_role } : {})
			};
		},
		async recordPairingAttempt(codeId) {
			const r = await pool.query<{ attempts: number }>(
				'UPDATE pairing_codes SET attempts = attempts + 1 WHERE code_id = $1 RETURNING attempts',
				[codeId]
			);
			return r.rows[0]?.attempts ?? 0;
		},
		async consumePairingCode(codeId, at) {
			const r = await pool.query(
				'UPDATE pairing_codes SET used_at = $1 WHERE code_id = $2 AND used_at IS NULL',
				[at, codeId]
			);
			return r.rowCount === 1;
		},
		async pull(salonId, collection, afterSeq, limit) {
			const r = await pool.query<{ id: string; seq: string; data: unknown }>(
				`SELECT id, seq, data FROM docs WHERE salon_id = $1 AND collection = $2 AND seq > $3
				 ORDER BY seq LIMIT $4`,
				[salonId, collection, afterSeq, limit]
			);
			return r.rows.map((row) => ({ id: row.id, seq: num(row.seq), data: row.data }));
		},
		async pullJson(salonId, collection, afterSeq, limit) {
			// jsonb's text form: the same value as `data`, keys in jsonb's order.
			const r = await pool.query<{ id: string; seq: string; json: string }>(
				`SELECT id, seq, data::text AS json FROM docs
				 WHERE salon_id = $1 AND collection = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
				[salonId, collection, afterSeq, limit]
			);
			return r.rows.map((row) => ({ id: row.id, seq: num(row.seq), json: row.json }));
		},
		async getDocument(salonId, collection, id) {
			const r = await pool.query<{ data: unknown }>(
				'SELECT data FROM docs WHERE salon_id = $1 AND collection = $2 AND id = $3',
				[salonId, collection, id]
			);
			return r.rows[0]?.data ?? null;
		},
		async push(salonId, collection, deviceId, rows, at, describe) {
			// Malformed ids throw here, before any connection is taken.
			const ids = rows.map((row) => docIdOf(collection, row.next));
			return push({ salonId, collection, deviceId, at, rows, ids, describe });
		},
		async erase(salonId, clientIds, at) {
			const ids = [...new Set(clientIds)];
			const result = await inTransaction((c) => eraseInTransaction(c, salonId, ids, at));
			if (result.seq !== null) {
				listener.noteSeq(salonId, result.seq);
				for (const [collection, seq] of result.last) hub.emit({ salonId, collection, seq });
			}
			return { documents: result.documents, seq: result.seq };
		},
		async isErased(salonId, clientId) {
			const r = await pool.query('SELECT 1 FROM erasures WHERE salon_id = $1 AND client_id = $2', [
				salonId,
				clientId
			]);
			return r.rowCount === 1;
		},
		async revisions(salonId, collection, docId) {
			const r = await pool.query<{
				seq: string;
				doc_id: string;
				device_id: string;
				at: string;
				fields: string[];
				deleted: boolean;
				staff_id: string | null;
				changes: string | null;
			}>(
				`SELECT seq, doc_id, device_id, at, fields, deleted, staff_id, changes FROM revisions
				 WHERE salon_id = $1 AND collection = $2 AND doc_id = $3 ORDER BY seq`,
				[salonId, collection, docId]
			);
			return r.rows.map((row) => ({
				seq: num(row.seq),
				docId: row.doc_id,
				deviceId: row.device_id,
				at: num(row.at),
				fields: row.fields,
				deleted: row.deleted,
				staffId: row.staff_id,
				changes: row.changes ? (JSON.parse(row.changes) as FieldChanges) : {}
			}));
		},
		getOrCreateDataKey: postgresDataKeys(pool),
		...postgresAudit(pool),
		subscribe(listener) {
			return hub.subscribe(listener);
		}
	};
}
