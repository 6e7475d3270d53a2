// The tables of both adapters. Every table that holds salon data is keyed by salon_id first, and
// every query filters on it, so one salon can never read another's rows (multi-tenant server).
// `salons.seq` is the per-salon change counter: a push locks that row, so seqs are assigned in
// commit order without gaps or duplicates even with several server instances on one PostgreSQL.

const common = (json: string, int: string, serial: string) => [
	`CREATE TABLE IF NOT EXISTS salons (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		created_at ${int} NOT NULL,
		seq ${int} NOT NULL DEFAULT 0
	)`,
	`CREATE TABLE IF NOT EXISTS devices (
		id TEXT PRIMARY KEY,
		salon_id TEXT NOT NULL REFERENCES salons(id),
		name TEXT NOT NULL,
		role TEXT NOT NULL CHECK (role IN ('owner', 'staff')),
		token_hash TEXT NOT NULL UNIQUE,
		created_at ${int} NOT NULL,
		last_seen_at ${int},
		revoked_at ${int},
		location_id TEXT
	)`,
	`CREATE INDEX IF NOT EXISTS devices_salon ON devices (salon_id, created_at)`,
	`CREATE TABLE IF NOT EXISTS pairing_codes (
		code_id TEXT PRIMARY KEY,
		salon_id TEXT NOT NULL REFERENCES salons(id),
		secret_hash TEXT NOT NULL,
		expires_at ${int} NOT NULL,
		attempts INTEGER NOT NULL DEFAULT 0,
		used_at ${int},
		created_by TEXT NOT NULL,
		location_id TEXT
	)`,
	`CREATE TABLE IF NOT EXISTS docs (
		salon_id TEXT NOT NULL REFERENCES salons(id),
		collection TEXT NOT NULL,
		id TEXT NOT NULL,
		seq ${int} NOT NULL,
		data ${json} NOT NULL,
		PRIMARY KEY (salon_id, collection, id)
	)`,
	// Pull reads a range of one collection by seq.
	`CREATE UNIQUE INDEX IF NOT EXISTS docs_pull ON docs (salon_id, collection, seq)`,
	`CREATE TABLE IF NOT EXISTS revisions (
		salon_id TEXT NOT NULL REFERENCES salons(id),
		seq ${int} NOT NULL,
		collection TEXT NOT NULL,
		doc_id TEXT NOT NULL,
		device_id TEXT NOT NULL,
		at ${int} NOT NULL,
		fields ${json} NOT NULL,
		deleted BOOLEAN NOT NULL,
		PRIMARY KEY (salon_id, seq)
	)`,
	`CREATE INDEX IF NOT EXISTS revisions_doc ON revisions (salon_id, collection, doc_id, seq)`,
	// GDPR erasures (erasure.ts): which client ids are erased and when, nothing else. A push that
	// names one of them is refused for ever.
	`CREATE TABLE IF NOT EXISTS erasures (
		salon_id TEXT NOT NULL REFERENCES salons(id),
		client_id TEXT NOT NULL,
		at ${int} NOT NULL,
		PRIMARY KEY (salon_id, client_id)
	)`,
	// Issue 7, encryption at rest: one random data key per salon, released to its paired devices.
	`CREATE TABLE IF NOT EXISTS data_keys (
		salon_id TEXT PRIMARY KEY REFERENCES salons(id),
		data_key TEXT NOT NULL,
		created_at ${int} NOT NULL
	)`,
	// The owner's log (issue 7). `id` is one counter for the whole server (the paging cursor);
	// every query filters on salon_id first. `detail` holds ids and counts, never personal data.
	`CREATE TABLE IF NOT EXISTS audit_events (
		id ${serial},
		salon_id TEXT NOT NULL REFERENCES salons(id),
		kind TEXT NOT NULL,
		at ${int} NOT NULL,
		device_id TEXT NOT NULL,
		staff_id TEXT,
		detail ${json} NOT NULL
	)`,
	`CREATE INDEX IF NOT EXISTS audit_events_salon ON audit_events (salon_id, id)`,
	`CREATE INDEX IF NOT EXISTS audit_events_kind ON audit_events (salon_id, kind, id)`
];

/** SQLite: JSON as TEXT; INTEGER is 64-bit, so millisecond timestamps fit. */
export const SQLITE_SCHEMA: readonly string[] = common(
	'TEXT',
	'INTEGER',
	'INTEGER PRIMARY KEY AUTOINCREMENT'
);

/** PostgreSQL: jsonb so later issues (erasure, audit) can query inside documents. */
export const POSTGRES_SCHEMA: readonly string[] = common(
	'JSONB',
	'BIGINT',
	'BIGSERIAL PRIMARY KEY'
);

/** Columns added after a table was first created: each adapter adds the missing ones on start
 * (CREATE TABLE IF NOT EXISTS leaves an older table as it was). */
export const ADDED_COLUMNS: readonly { table: string; column: string; type: string }[] = [
	{ table: 'pairing_codes', column: 'location_id', type: 'TEXT' },
	// Issue 7: the role a device acts as. `devices.role` keeps its CHECK ('owner' | 'staff': who
	// created the salon); NULL here reads as 'owner' for the owner's device, 'reception' else.
	{ table: 'devices', column: 'access_role', type: 'TEXT' },
	{ table: 'pairing_codes', column: 'access_role', type: 'TEXT' },
	// Issue 7 (field history): the staff member behind a revision and its {field: {old, new}} as
	// JSON text (NULL for revisions written before).
	{ table: 'revisions', column: 'staff_id', type: 'TEXT' },
	{ table: 'revisions', column: 'changes', type: 'TEXT' }
];
