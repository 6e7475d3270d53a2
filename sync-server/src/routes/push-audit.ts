// Audit events that a push implies (issue 7): an import reaching the salon, a merge or an unmerge
// of two cards. Worked out from the rows the storage accepted (those `describe` was called for),
// recorded after the push committed. Ids and counts only: the log never holds personal data.
import type { AuditEventInput } from '../../../src/lib/domain/audit.js';
import { authorOf } from '../../../src/lib/domain/authorship.js';
import type { SyncStorage } from '../storage/types.js';

type Doc = Record<string, unknown>;

function asDoc(value: unknown): Doc | null {
	return value !== null && typeof value === 'object' ? (value as Doc) : null;
}

/** An import header (part 0) that reached 'committed' or 'undone': the import happened or was
 *  taken back. Pending and rolled-back batches changed nothing lasting, so they are not logged. */
function importEvent(prev: Doc | null, next: Doc): Partial<AuditEventInput> | null {
	if (next._deleted === true || next.part !== 0) return null;
	const status = next.status;
	if ((status !== 'committed' && status !== 'undone') || prev?.status === status) return null;
	const counts = asDoc(next.counts) ?? {};
	const detail: AuditEventInput['detail'] = { importId: String(next.importId), status };
	for (const key of ['created', 'filled', 'skipped', 'errors']) {
		if (typeof counts[key] === 'number') detail[key] = counts[key];
	}
	return { kind: 'import', detail };
}

/** A merge link that became live (new or redone), or a live one that was undone. */
function linkEvent(prev: Doc | null, next: Doc): Partial<AuditEventInput> | null {
	if (next.kind !== 'merge' || next._deleted === true) return null;
	const wasLive = prev !== null && prev._deleted !== true && prev.kind === 'merge' && !prev.undone;
	const isLive = next.undone !== true;
	if (wasLive === isLive) return null;
	return {
		kind: isLive ? 'merge' : 'unmerge',
		detail: {
			linkId: String(next.id),
			clientIds: [String(next.a), String(next.b)],
			origin: String(next.origin)
		}
	};
}

const DETECTORS: Record<string, (prev: Doc | null, next: Doc) => Partial<AuditEventInput> | null> =
	{ imports: importEvent, links: linkEvent };

/** Collects the accepted rows of one push and records their events once it has committed. */
export function pushAuditor(collection: string) {
	const detect = DETECTORS[collection];
	const found: Array<Pick<AuditEventInput, 'kind' | 'detail' | 'staffId'>> = [];
	return {
		/** Called from `describe`, i.e. for each row the storage accepted. */
		accepted(prev: unknown | null, next: unknown): void {
			const doc = asDoc(next);
			const event = detect && doc ? detect(asDoc(prev), doc) : null;
			if (event?.kind && event.detail) {
				found.push({ kind: event.kind, detail: event.detail, staffId: authorOf(collection, doc) });
			}
		},
		async record(
			storage: SyncStorage,
			salonId: string,
			deviceId: string,
			at: number
		): Promise<void> {
			for (const e of found) await storage.recordAuditEvent(salonId, { ...e, deviceId, at });
		}
	};
}
