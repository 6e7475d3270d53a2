// SQLite adapter (better-sqlite3): the embedded default, one file under DATA_DIR.
// better-sqlite3 is synchronous, so a push runs start to end without yielding: in one process the
// transactions are naturally serialised, and BEGIN IMMEDIATE covers a second process on the file.
// Pushes go through sqlite-push.ts, which commits the pushes that arrive together at once.
import Database from 'better-sqlite3';
import type { FieldChanges } from '../../../src/lib/domain/history.js';
import { ADDED_COLUMNS, SQLITE_SCHEMA } from './schema-sql.js';
import { sqliteAudit } from './sqlite-audit.js';
import { ChangeHub, deviceParams, MAX_PAIRING_ATTEMPTS } from './shared.js';
import { createSqliteErasure } from './sqlite-erase.js';
import { sqliteDataKeys } from './data-keys.js';
import { createSqlitePush } from './sqlite-push.js';
import { toDevice, toPairing, type DeviceRow, type PairingRow } from './sqlite-rows.js';
import {
	PairingCodeCollisionError,
	type StoredDoc,
	type StoredDocJson,
	type SyncStorage
} from './types.js';

export interface SqliteOptions {
	/** Path of the database file (created if missing), or ':memory:'. */
	file: string;
}

export async function openSqliteStorage({ file }: SqliteOptions): Promise<SyncStorage> {
	const db = new Database(file);
	// WAL lets pulls read while a push writes; synchronous=FULL fsyncs the WAL on every commit, so a
	// push that was acknowledged survives SIGKILL or a power cut (NORMAL could lose the last ones).
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('busy_timeout = 5000');
	db.pragma('foreign_keys = ON');
	const hub = new ChangeHub();
	let isClosed = false;

	function migrate(): void {
		db.transaction(() => {
			for (const sql of SQLITE_SCHEMA) db.exec(sql);
			// SQLite has no ADD COLUMN IF NOT EXISTS: look the column up first.
			for (const { table, column, type } of ADDED_COLUMNS) {
				const columns = db.pragma(`table_info(${table})`) as { name: string }[];
				if (!columns.some((c) => c.name === column)) {
					db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
				}
			}
		}).immediate();
	}
	// Statements are prepared against the schema, so it must exist first.
	migrate();

	const st = {
		countSalons: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM salons'),
		insertSalon: db.prepare('INSERT INTO salons (id, name, created_at) VALUES (?, ?, ?)'),
		salonSeq: db.prepare<[string], { seq: number }>('SELECT seq FROM salons WHERE id = ?'),
		insertDevice: db.prepare(
			`INSERT INTO devices (id, salon_id, name, role, token_hash, created_at, last_seen_at,
				revoked_at, location_id, access_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		deviceByHash: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ?'),
		devicesOf: db.prepare<[string], DeviceRow>(
			'SELECT * FROM devices WHERE salon_id = ? ORDER BY created_at, id'
		),
		touchDevice: db.prepare(
			`UPDATE devices SET last_seen_at = @at
			 WHERE id = @id AND (last_seen_at IS NULL OR last_seen_at < @at)`
		),
		revokeDevice: db.prepare(
			'UPDATE devices SET revoked_at = ? WHERE salon_id = ? AND id = ? AND revoked_at IS NULL'
		),
		setDeviceLocation: db.prepare(
			'UPDATE devices SET location_id = ? WHERE salon_id = ? AND id = ? AND revoked_at IS NULL'
		),
		setDeviceRole: db.prepare(
			'UPDATE devices SET access_role = ? WHERE salon_id = ? AND id = ? AND revoked_at IS NULL'
		),
		upsertPairing: db.prepare(
			`INSERT INTO pairing_codes (code_id, salon_id, secret_hash, expires_at, attempts, used_at,
				created_by, location_id, access_role) VALUES (@codeId, @salonId, @secretHash, @expiresAt,
				@attempts, @usedAt, @createdBy, @locationId, @accessRole)
			 ON CONFLICT (code_id) DO UPDATE SET salon_id = excluded.salon_id,
				secret_hash = excluded.secret_hash, expires_at = excluded.expires_at,
				attempts = excluded.attempts, used_at = excluded.used_at, created_by = excluded.created_by,
				location_id = excluded.location_id, access_role = excluded.access_role
			 WHERE pairing_codes.used_at IS NOT NULL OR pairing_codes.expires_at <= @now
				OR pairing_codes.attempts >= @maxAttempts`
		),
		pairingById: db.prepare<[string], PairingRow>('SELECT * FROM pairing_codes WHERE code_id = ?'),
		pairingAttempt: db.prepare<[string], { attempts: number }>(
			'UPDATE pairing_codes SET attempts = attempts + 1 WHERE code_id = ? RETURNING attempts'
		),
		consumePairing: db.prepare(
			'UPDATE pairing_codes SET used_at = ? WHERE code_id = ? AND used_at IS NULL'
		),
		pull: db.prepare<[string, string, number, number], { id: string; seq: number; data: string }>(
			`SELECT id, seq, data FROM docs WHERE salon_id = ? AND collection = ? AND seq > ?
			 ORDER BY seq LIMIT ?`
		),
		// The same rows with the JSON text as its stored UTF-8 bytes: a first sync's page is then
		// never decoded into JS strings only to be encoded again for the socket.
		pullBytes: db.prepare<
			[string, string, number, number],
			{ id: string; seq: number; data: Uint8Array }
		>(
			`SELECT id, seq, CAST(data AS BLOB) AS data FROM docs
			 WHERE salon_id = ? AND collection = ? AND seq > ? ORDER BY seq LIMIT ?`
		),
		currentDoc: db.prepare<[string, string, string], { data: string }>(
			'SELECT data FROM docs WHERE salon_id = ? AND collection = ? AND id = ?'
		),
		revisions: db.prepare<
			[string, string, string],
			{
				seq: number;
				doc_id: string;
				device_id: string;
				at: number;
				fields: string;
				deleted: number;
				staff_id: string | null;
				changes: string | null;
			}
		>(
			`SELECT seq, doc_id, device_id, at, fields, deleted, staff_id, changes FROM revisions
			 WHERE salon_id = ? AND collection = ? AND doc_id = ? ORDER BY seq`
		)
	};

	const erasure = createSqliteErasure(db, hub);
	const push = createSqlitePush(db, hub, erasure);
	const getOrCreateDataKey = sqliteDataKeys(db);

	function assertOpen(): void {
		if (isClosed) throw new Error('SQLite storage is closed');
	}

	return {
		kind: 'sqlite',
		async migrate() {
			assertOpen();
			migrate();
		},
		async close() {
			if (isClosed) return;
			isClosed = true;
			hub.clear();
			db.close();
		},
		async countSalons() {
			return st.countSalons.get()?.n ?? 0;
		},
		async createSalon(s, owner) {
			if (owner.salonId !== s.id) throw new Error('The owner device must belong to the new salon');
			db.transaction(() => {
				st.insertSalon.run(s.id, s.name, s.createdAt);
				st.insertDevice.run(...deviceParams(owner));
			}).immediate();
		},
		async salonExists(id) {
			return st.salonSeq.get(id) !== undefined;
		},
		async createDevice(d) {
			st.insertDevice.run(...deviceParams(d));
		},
		async findDeviceByTokenHash(hash) {
			const row = st.deviceByHash.get(hash);
			return row ? toDevice(row) : null;
		},
		async listDevices(salonId) {
			return st.devicesOf.all(salonId).map(toDevice);
		},
		async touchDevice(id, at) {
			st.touchDevice.run({ at, id });
		},
		async revokeDevice(salonId, deviceId, at) {
			return st.revokeDevice.run(at, salonId, deviceId).changes === 1;
		},
		async setDeviceLocation(salonId, deviceId, locationId) {
			return st.setDeviceLocation.run(locationId, salonId, deviceId).changes === 1;
		},
		async setDeviceRole(salonId, deviceId, accessRole) {
			return st.setDeviceRole.run(accessRole, salonId, deviceId).changes === 1;
		},
		async createPairingCode(c) {
			const { changes } = st.upsertPairing.run({
				...c,
				accessRole: c.accessRole ?? null,
				now: Date.now(),
				maxAttempts: MAX_PAIRING_ATTEMPTS
			});
			if (changes === 0) throw new PairingCodeCollisionError(c.codeId);
		},
		async findPairingCode(codeId) {
			const row = st.pairingById.get(codeId);
			return row ? toPairing(row) : null;
		},
		async recordPairingAttempt(codeId) {
			return st.pairingAttempt.get(codeId)?.attempts ?? 0;
		},
		async consumePairingCode(codeId, at) {
			return st.consumePairing.run(at, codeId).changes === 1;
		},
		async pull(salonId, collection, afterSeq, limit): Promise<StoredDoc[]> {
			return st.pull
				.all(salonId, collection, afterSeq, limit)
				.map((r) => ({ id: r.id, seq: r.seq, data: JSON.parse(r.data) as unknown }));
		},
		async pullJson(salonId, collection, afterSeq, limit): Promise<StoredDocJson[]> {
			return st.pullBytes
				.all(salonId, collection, afterSeq, limit)
				.map((r) => ({ id: r.id, seq: r.seq, json: r.data }));
		},
		async getDocument(salonId, collection, id) {
			const row = st.currentDoc.get(salonId, collection, id);
			return row ? (JSON.parse(row.data) as unknown) : null;
		},
		async push(salonId, collection, deviceId, rows, at, describe) {
			assertOpen();
			return push(salonId, collection, deviceId, rows, at, describe);
		},
		async erase(salonId, clientIds, at) {
			assertOpen();
			return erasure.erase(salonId, clientIds, at);
		},
		async isErased(salonId, clientId) {
			return erasure.isErased(salonId, clientId);
		},
		async revisions(salonId, collection, docId) {
			return st.revisions.all(salonId, collection, docId).map((r) => ({
				seq: r.seq,
				docId: r.doc_id,
				deviceId: r.device_id,
				at: r.at,
				fields: JSON.parse(r.fields) as string[],
				deleted: r.deleted === 1,
				staffId: r.staff_id,
				changes: r.changes ? (JSON.parse(r.changes) as FieldChanges) : {}
			}));
		},
		getOrCreateDataKey,
		...sqliteAudit(db),
		subscribe(listener) {
			return hub.subscribe(listener);
		}
	};
}
