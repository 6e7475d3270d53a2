// Pieces both adapters need, kept in one place so the two cannot drift apart.
import { auditEventInputSchema, type AuditEventInput } from '../../../src/lib/domain/audit.js';
import { sameCanonicalJson } from '../../../src/lib/domain/canonical-json.js';
import type { ChangeNotice, DeviceRecord, PushRow } from './types.js';

/** A pairing code dies after this many wrong secrets (contract: "5 wrong attempts kill it"). */
export const MAX_PAIRING_ATTEMPTS = 5;

// The compare-and-swap equality is the protocol's own (keys sorted recursively), so the server and
// the tests judge "same document" by one definition.
export { canonicalJson } from '../../../src/lib/domain/sync-protocol.js';
export { sameCanonicalJson };

/** The compare-and-swap of one push row against the stored master (null: none). An unvalidated
 * assumed state that differs is validated first (PushRow.validateAssumed; it may throw). */
export function assumedIsMaster(current: unknown, row: PushRow): boolean {
	if (sameCanonicalJson(current, row.assumed)) return true;
	return row.validateAssumed !== undefined && sameCanonicalJson(current, row.validateAssumed());
}

/** The primary key value of a wire document: settings are keyed by `key`, the rest by `id`. */
export function docIdOf(collection: string, doc: unknown): string {
	const field = collection === 'settings' ? 'key' : 'id';
	const id =
		doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>)[field] : null;
	if (typeof id !== 'string' || id === '') {
		throw new TypeError(`A ${collection} document needs a non-empty string "${field}"`);
	}
	return id;
}

/**
 * Fans change notices out to subscribers. Seqs are per salon and only grow, and a commit with seq
 * N is visible before N+1 commits, so a notice at or below the last one delivered for the same
 * salon and collection adds nothing: dropping it removes the echo of our own NOTIFY and repeats.
 */
export class ChangeHub {
	private readonly listeners = new Set<(n: ChangeNotice) => void>();
	private readonly delivered = new Map<string, number>();

	subscribe(listener: (n: ChangeNotice) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	emit(notice: ChangeNotice): void {
		const key = `${notice.salonId}\u0000${notice.collection}`;
		if ((this.delivered.get(key) ?? -1) >= notice.seq) return;
		this.delivered.set(key, notice.seq);
		for (const listener of [...this.listeners]) {
			try {
				listener(notice);
			} catch {
				// A failing subscriber (a closed SSE socket) must not stop the others or the push that
				// triggered it; the subscriber owns its own error reporting.
			}
		}
	}

	clear(): void {
		this.listeners.clear();
	}
}

/** A device's columns in the order both adapters' INSERT statements list them. */
export const deviceParams = (d: DeviceRecord) => [
	d.id,
	d.salonId,
	d.name,
	d.role,
	d.tokenHash,
	d.createdAt,
	d.lastSeenAt,
	d.revokedAt,
	d.locationId,
	d.accessRole ?? null
];

/** Checks an audit event before either adapter writes it (zod throws on a bad one). */
export function checkedAuditEvent(event: AuditEventInput): AuditEventInput {
	return auditEventInputSchema.parse(event);
}
