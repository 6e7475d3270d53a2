// The storage interface the sync routes code against. Two adapters implement it (sqlite.ts,
// postgres.ts) and one shared suite tests both (tests/server/storage.contract.ts), so a route
// never needs to know which database is underneath.
import type { AuditEvent, AuditEventInput, AuditKind } from '../../../src/lib/domain/audit.js';
import type { FieldChanges } from '../../../src/lib/domain/history.js';

export type { AuditEvent, AuditEventInput, AuditKind };

export interface AuditListQuery {
	/** Only events with an id below this one (the previous page's last id); all when absent. */
	before?: number;
	limit: number;
	/** Only these kinds; every kind when absent or empty. */
	kinds?: readonly AuditKind[];
}

export interface StoredDoc {
	id: string;
	/** The wire document, including `_deleted`. */
	data: unknown;
	seq: number;
}

/** A stored document as the JSON text the storage holds: spliced into a pull answer unparsed. */
export interface StoredDocJson {
	id: string;
	/** JSON text of the wire document (its value is StoredDoc.data): a string, or its UTF-8 bytes
	 *  where the database gives those without decoding them (SQLite). */
	json: string | Uint8Array;
	seq: number;
}

export interface DeviceRecord {
	id: string;
	salonId: string;
	name: string;
	role: 'owner' | 'staff';
	tokenHash: string;
	createdAt: number;
	lastSeenAt: number | null;
	revokedAt: number | null;
	locationId: string | null;
	/** The role the device acts as (issue 7): a built-in role or a custom role id. null on
	 * devices paired before roles existed: read it with deviceRoleOf (auth/device-role.ts). */
	accessRole?: string | null;
}

export interface PairingCodeRecord {
	codeId: string;
	salonId: string;
	secretHash: string;
	expiresAt: number;
	attempts: number;
	usedAt: number | null;
	createdBy: string;
	/** The location the paired device is assigned to (a chain's location), or null. */
	locationId: string | null;
	/** The role the paired device gets (issue 7); null: the default for paired devices. */
	accessRole?: string | null;
}

export interface RevisionInput {
	docId: string;
	deviceId: string;
	at: number;
	fields: string[];
	deleted: boolean;
	/** The staff member behind the write (authorOf the document); null/absent: unknown. */
	staffId?: string | null;
	/** Old and new value per changed field (history.ts fieldChanges); absent: not logged. */
	changes?: FieldChanges;
}

/** A revision as stored: staff and changes always present ({} for revisions logged before). */
export type StoredRevision = RevisionInput & {
	seq: number;
	staffId: string | null;
	changes: FieldChanges;
};

export interface PushRow {
	assumed: unknown | null;
	next: unknown;
	/** Set when `assumed` was not validated (routes/push-body.ts): a row whose `assumed` is not
	 * the stored master calls it before it is answered as a conflict. It returns the validated
	 * assumed state, compared once more, or throws — and the whole push is taken back. An
	 * assumed state equal to the master needs no check: the master was validated when written. */
	validateAssumed?: () => unknown;
}

/** What `erase` wrote: how many documents it rewrote and the last seq (null: nothing). */
export interface ErasureResult {
	documents: number;
	seq: number | null;
}

export interface ChangeNotice {
	salonId: string;
	collection: string;
	seq: number;
}

export interface SyncStorage {
	readonly kind: 'sqlite' | 'postgres';
	/** Idempotent schema creation. */
	migrate(): Promise<void>;
	close(): Promise<void>;
	countSalons(): Promise<number>;
	createSalon(
		s: { id: string; name: string; createdAt: number },
		owner: DeviceRecord
	): Promise<void>;
	salonExists(id: string): Promise<boolean>;
	createDevice(d: DeviceRecord): Promise<void>;
	findDeviceByTokenHash(hash: string): Promise<DeviceRecord | null>;
	listDevices(salonId: string): Promise<DeviceRecord[]>;
	/** Sets lastSeenAt (never moves it backwards); callers throttle to once a minute. */
	touchDevice(id: string, at: number): Promise<void>;
	/** False when the device is not in that salon or was already revoked. */
	revokeDevice(salonId: string, deviceId: string, at: number): Promise<boolean>;
	/** Assigns a device to a location (null: none). False when the device is not an active device
	 * of that salon. The caller checks that the location belongs to the salon. */
	setDeviceLocation(salonId: string, deviceId: string, locationId: string | null): Promise<boolean>;
	/** Sets the role a device acts as. False when the device is not an active device of that
	 * salon. The caller checks that the role exists. */
	setDeviceRole(salonId: string, deviceId: string, accessRole: string): Promise<boolean>;
	/** A code id that belongs to a live code (unused, unexpired, under 5 attempts) throws
	 * PairingCodeCollisionError so the caller draws another id; a dead one is replaced. */
	createPairingCode(c: PairingCodeRecord): Promise<void>;
	findPairingCode(codeId: string): Promise<PairingCodeRecord | null>;
	/** Returns attempts after +1 (0 when the code does not exist). */
	recordPairingAttempt(codeId: string): Promise<number>;
	/** False if already used (or unknown). */
	consumePairingCode(codeId: string, at: number): Promise<boolean>;
	/** Documents of one collection with seq > afterSeq, ordered by seq, at most `limit`. */
	pull(salonId: string, collection: string, afterSeq: number, limit: number): Promise<StoredDoc[]>;
	/** The same documents as `pull`, as JSON text (parsing 5,000 documents only to write them
	 * out again cost most of a first-sync page's server time). */
	pullJson(
		salonId: string,
		collection: string,
		afterSeq: number,
		limit: number
	): Promise<StoredDocJson[]>;
	/** The stored wire document of one collection, or null (never another salon's). */
	getDocument(salonId: string, collection: string, id: string): Promise<unknown>;
	/** One transaction: compare-and-swap every row against the stored master (canonicalJson
	 * equality), write accepted rows with the next per-salon seq (assigned INSIDE the transaction;
	 * concurrent pushes from two server instances on one PostgreSQL never get the same seq and
	 * a reader never sees seq N+1 committed before N — a per-salon counter row locked
	 * FOR UPDATE in PostgreSQL), record a revision per accepted row, and return the conflicts
	 * (current master per conflicting row) — idempotent re-push is neither a write nor a conflict.
	 * `seq` is the last seq written, null when nothing was written. If `describe` throws, nothing
	 * is written and the error propagates. The stored revision takes docId from the document,
	 * deviceId and at from the arguments (what the server knows), fields and deleted from
	 * `describe`. */
	push(
		salonId: string,
		collection: string,
		deviceId: string,
		rows: PushRow[],
		at: number,
		describe: (prev: unknown | null, next: unknown) => RevisionInput
	): Promise<{ conflicts: unknown[]; seq: number | null }>;
	/** GDPR erasure, ONE transaction: the cards become erased tombstones, every document whose
	 * `clientId` is one of them and every link touching them become tombstones with no personal
	 * data, import batches lose their entries (erasure.ts), each with a new seq; every revision row
	 * of those documents is deleted; the ids and time go into `erasures`. From then on a push row
	 * that names an erased id is not written: it is a conflict carrying the stored tombstone (a
	 * new attached document gets its tombstone stored first). Idempotent. `deviceId` is the
	 * erasing device (for the caller's audit event; storage keeps ids and time only). */
	erase(salonId: string, clientIds: string[], at: number, deviceId: string): Promise<ErasureResult>;
	/** Whether a client id was erased in this salon. */
	isErased(salonId: string, clientId: string): Promise<boolean>;
	revisions(salonId: string, collection: string, docId: string): Promise<StoredRevision[]>;
	/** The salon's data key (encryption at rest on devices): the stored one, or `fresh` stored
	 * now when the salon has none yet. Two concurrent first calls return the same key. */
	getOrCreateDataKey(salonId: string, fresh: string, at: number): Promise<string>;
	/** The owner's log: appends one event (checked with auditEventInputSchema: a bad kind or a
	 * detail with free text throws and writes nothing) and returns it with its id. */
	recordAuditEvent(salonId: string, event: AuditEventInput): Promise<AuditEvent>;
	/** The salon's events, newest first (id descending), filtered and paged by `q`. */
	listAuditEvents(salonId: string, q: AuditListQuery): Promise<AuditEvent[]>;
	/** Change notices from this and (PostgreSQL: LISTEN/NOTIFY) other server instances, delivered
	 * only after commit. Returns the unsubscribe function. */
	subscribe(listener: (n: ChangeNotice) => void): () => void;
}

/** Thrown by createPairingCode when the code id is held by a live code. */
export class PairingCodeCollisionError extends Error {
	readonly code = 'pairing_code_collision';
	constructor(codeId: string) {
		super(`Pairing code id ${codeId} is in use`);
		this.name = 'PairingCodeCollisionError';
	}
}

/** Thrown by push for a salon that does not exist (the routes authenticate first, so this is a
 * programming error, not a client error). */
export class UnknownSalonError extends Error {
	readonly code = 'unknown_salon';
	constructor(salonId: string) {
		super(`Unknown salon ${salonId}`);
		this.name = 'UnknownSalonError';
	}
}
