// The merge of two versions of one document (DESIGN.md › Merge rules). RxDB's conflict handler
// calls it when the server reports a conflict; the server's tests call it to prove convergence.
// It is a join: commutative, associative and idempotent, and a pure function of the two
// documents (no Date.now), so every device reaches the same state whatever order, retries and
// duplicates the changes arrive in.
//
// Clients:
// - scalar fields: per-field last-writer-wins by clock[field]; the HLC's node id breaks ties, a
//   (theoretical) equal stamp with different values by the canonical JSON of the value;
// - set fields: the union of the observed-remove metadata (stamp.ts), arrays derived from it;
// - delete: clock._deleted is the delete's stamp. The later of it and every field stamp decides:
//   a tombstone beats everything written before it; a field written after it revives the card
//   with only what was written after the delete (what the delete erased stays erased). Since
//   the delete stamp only grows, masking "everything not newer than it" is itself a join, and a
//   tombstone can drop all personal data without breaking associativity.
// - sortName and updatedAt are derived: sortName from the merged names, updatedAt the max.
// - GDPR erasure (rule 5, issue 7, erasure.ts): an erased version absorbs every other one.
//
// Visits (and loyalty movements, stored as visits) merge per field like a card's scalar fields;
// they are never deleted from the app; a tombstone (an erasure's, with no data) wins whole.
// The catalogue: a tombstone wins, else the whole-document last writer by updatedAt.
//
// staff: per field like visits (staff.ts › mergeStaff; the PIN's three fields move together).
// notes: note-merge.ts (append-only text, last-writer pin). files: immutable, so a tombstone
// wins, else the larger canonical JSON, as for categories and sources.
// categories and sources carry no timestamps yet: a tombstone wins, else the version with the
// larger canonical JSON (arbitrary but the same on every device). settings: last writer by
// updatedAt, ties by canonical JSON. Both are a max over a total order, hence a join too. The
// consentTexts setting is the exception: the union of its versions (consent-text-merge.ts).
import {
	CLIENT_FIELDS,
	DELETED_CLOCK_KEY,
	SET_FIELDS,
	emptyClientFields,
	type Client,
	type SetsMeta
} from './client.js';
import { isConsentTextsSetting, mergeConsentTextSettings } from './consent-text-merge.js';
import { mergeErased } from './erasure.js';
import { mergeImportBatches } from './imports.js';
import { compareHlc, maxHlc, type Hlc } from './hlc.js';
import { mergeLinkDocs } from './links.js';
import { mergeNotes } from './note-merge.js';
import type { NoteDoc } from './notes.js';
import { sortNameOf } from './normalize.js';
import { implicitSets, tagHlc, visibleValues, type SetField, type SetMap } from './stamp.js';
import { canonicalJson, type SyncedCollection } from './sync-protocol.js';
import { VISIT_FIELDS, type Visit } from './visit.js';
import { mergeStaff, type StaffDoc } from './staff.js';

/** The card as replication sees it: RxDB's delete flag beside the data. */
export type ClientDoc = Client & { _deleted?: boolean };
export type MergedClient = Client & { _deleted: boolean };
type AnySets = Record<SetField, SetMap>;

export { DELETED_CLOCK_KEY };
const SORT_NAME_MAX = 210;

function maxFieldClock(clock: Record<string, Hlc>): Hlc | undefined {
	let max: Hlc | undefined;
	for (const [key, hlc] of Object.entries(clock)) {
		if (key !== DELETED_CLOCK_KEY) max = maxHlc(max, hlc);
	}
	return max;
}

/** A tombstone written before deletes were stamped counts as deleted at its last write. */
function clockOf(doc: ClientDoc): Record<string, Hlc> {
	if (!doc._deleted || doc.clock[DELETED_CLOCK_KEY] !== undefined) return doc.clock;
	return { ...doc.clock, [DELETED_CLOCK_KEY]: maxFieldClock(doc.clock) ?? '' };
}

function mergeClocks(a: Record<string, Hlc>, b: Record<string, Hlc>): Record<string, Hlc> {
	const clock: Record<string, Hlc> = {};
	for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
		clock[key] = maxHlc(a[key], b[key]) as Hlc;
	}
	return clock;
}

/** True when `hlc` is no newer than the delete: erased by it. */
function isMasked(hlc: Hlc | undefined, deletedAt: Hlc | undefined): boolean {
	if (deletedAt === undefined) return false;
	return hlc === undefined || compareHlc(hlc, deletedAt) <= 0;
}

/** The join of two observed-remove maps; also unions the sets of merged duplicates (link-view.ts). */
export function mergeSetMaps(a: SetMap, b: SetMap, deletedAt: Hlc | undefined): SetMap {
	const merged: SetMap = {};
	for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
		const removed = new Set([...(a[key]?.r ?? []), ...(b[key]?.r ?? [])]);
		const adds: Record<string, unknown> = {};
		for (const side of [a[key], b[key]]) {
			for (const [tag, value] of Object.entries(side?.a ?? {})) {
				if (removed.has(tag) || isMasked(tagHlc(tag), deletedAt)) continue;
				// One tag is one write, so both sides agree on its value; the max keeps it a join
				// even for hand-made documents that disagree.
				const other = adds[tag];
				adds[tag] =
					other === undefined || canonicalJson(value) > canonicalJson(other) ? value : other;
			}
		}
		const r = [...removed].filter((tag) => !isMasked(tagHlc(tag), deletedAt)).sort();
		const tags = Object.keys(adds).sort();
		if (tags.length === 0 && r.length === 0) continue;
		const a2: Record<string, unknown> = {};
		for (const tag of tags) a2[tag] = adds[tag];
		merged[key] = { a: a2, r };
	}
	return merged;
}

function setsOf(doc: ClientDoc, clock: Record<string, Hlc>): AnySets {
	return (doc.sets as AnySets | undefined) ?? implicitSets(doc, clock);
}

/** The latest stamp of a version, its delete included. */
function lastWriteOf(clock: Record<string, Hlc>): Hlc {
	return maxHlc(maxFieldClock(clock), clock[DELETED_CLOCK_KEY]) ?? '';
}

/** Who made the latest write of either version (editedBy of the version with the latest
 *  stamp): a max over (last write, editor) pairs, hence a join. Absent when neither says. */
function editedByOf(
	a: ClientDoc,
	b: ClientDoc,
	clockA: Record<string, Hlc>,
	clockB: Record<string, Hlc>
) {
	if (a.editedBy === undefined && b.editedBy === undefined) return {};
	const editor = pickValue(
		a.editedBy ?? '',
		b.editedBy ?? '',
		lastWriteOf(clockA),
		lastWriteOf(clockB)
	);
	return { editedBy: editor as string };
}

/** The value of the version whose stamp is larger; canonical JSON breaks an exact tie. */
function pickValue(va: unknown, vb: unknown, ha: Hlc | undefined, hb: Hlc | undefined): unknown {
	const byClock = compareHlc(ha ?? '', hb ?? '');
	if (byClock !== 0) return byClock > 0 ? va : vb;
	return canonicalJson(va) >= canonicalJson(vb) ? va : vb;
}

export function mergeClients(a: ClientDoc, b: ClientDoc): MergedClient {
	const erased = mergeErased(a, b);
	if (erased !== null) return { ...erased, _deleted: true };
	const clockA = clockOf(a);
	const clockB = clockOf(b);
	const clock = mergeClocks(clockA, clockB);
	const deletedAt = clock[DELETED_CLOCK_KEY];
	const lastField = maxFieldClock(clock);
	const isDeleted = deletedAt !== undefined && isMasked(lastField, deletedAt);
	const empty = emptyClientFields();
	const base = {
		id: a.id,
		createdAt: Math.min(a.createdAt, b.createdAt),
		updatedAt: Math.max(a.updatedAt, b.updatedAt),
		clock
	};
	const editedBy = editedByOf(a, b, clockA, clockB);
	// The creator is fixed at creation and is a staff id, not the client's data: tombstones keep
	// it, and the max over every version, live or deleted, keeps it a join even if two versions
	// disagree (an emptied creator on one side of a delete made a revival order-dependent).
	const createdBy = a.createdBy >= b.createdBy ? a.createdBy : b.createdBy;
	if (isDeleted) {
		return { ...empty, ...base, ...editedBy, sortName: '', createdBy, _deleted: true };
	}
	const fields: Record<string, unknown> = {};
	for (const field of CLIENT_FIELDS) {
		if ((SET_FIELDS as readonly string[]).includes(field)) continue;
		const value = pickValue(a[field], b[field], clockA[field], clockB[field]);
		fields[field] = isMasked(clock[field], deletedAt) ? empty[field] : value;
	}
	const setsA = setsOf(a, clockA);
	const setsB = setsOf(b, clockB);
	const sets = {} as AnySets;
	for (const field of SET_FIELDS) {
		sets[field] = mergeSetMaps(setsA[field], setsB[field], deletedAt);
		fields[field] = visibleValues(field, sets[field]);
	}
	const merged = fields as Pick<Client, 'firstName' | 'lastName'>;
	return {
		...(fields as Omit<Client, 'id'>),
		...base,
		sortName: sortNameOf(merged).slice(0, SORT_NAME_MAX),
		createdBy,
		...editedBy,
		sets: sets as SetsMeta,
		_deleted: false
	};
}

/**
 * The tombstone a delete leaves: merge metadata only, no personal data (set metadata included:
 * its element keys are phone numbers and addresses). `hlc` is the delete's stamp; without one
 * the merge reads the tombstone as deleted at its last field write. `editedBy`: who deleted it
 * (a staff id; default: the card's last editor). `createdBy` stays: who created the card is
 * bookkeeping (a staff id), and the merge needs it on both sides of a delete.
 */
export function toTombstone(
	doc: ClientDoc,
	hlc: Hlc | undefined,
	updatedAt: number,
	editedBy: string | undefined = doc.editedBy
): MergedClient {
	return {
		...emptyClientFields(),
		id: doc.id,
		sortName: '',
		createdAt: doc.createdAt,
		createdBy: doc.createdBy,
		...(editedBy === undefined ? {} : { editedBy }),
		updatedAt: Math.max(updatedAt, doc.updatedAt),
		clock: hlc === undefined ? { ...doc.clock } : { ...doc.clock, [DELETED_CLOCK_KEY]: hlc },
		_deleted: true
	};
}

interface WithDeleted {
	_deleted?: boolean;
}
type LinkLike = WithDeleted & { clock: { state: string } };

/** A tombstone wins (a removed category was also taken off every card), else the larger
 *  canonical JSON. */
function tombstoneOrLarger<T extends WithDeleted>(a: T, b: T): T {
	const byDeleted = Number(Boolean(a._deleted)) - Number(Boolean(b._deleted));
	if (byDeleted !== 0) return byDeleted > 0 ? a : b;
	return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

/** Whole-document last writer for settings: updatedAt, then canonical JSON. A deleted key is
 *  only ever written by a newer version, so it takes no precedence of its own. */
function newerSetting<T extends WithDeleted>(a: T, b: T): T {
	const ta = (a as { updatedAt?: number }).updatedAt ?? 0;
	const tb = (b as { updatedAt?: number }).updatedAt ?? 0;
	if (ta !== tb) return ta > tb ? a : b;
	return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

export type VisitDoc = Visit & { _deleted?: boolean };

export function mergeVisits(a: VisitDoc, b: VisitDoc): VisitDoc & { _deleted: boolean } {
	// Deleted versions sit above live ones in one order (a max, hence still a join).
	if (a._deleted || b._deleted) return { ...tombstoneOrLarger(a, b), _deleted: true };
	const fields: Record<string, unknown> = {};
	for (const field of VISIT_FIELDS) {
		fields[field] = pickValue(a[field], b[field], a.clock[field], b.clock[field]);
	}
	return {
		...(fields as Omit<Visit, 'id'>),
		id: a.id,
		// Fixed at creation; max keeps the merge a join even if two versions disagree.
		deviceId: a.deviceId >= b.deviceId ? a.deviceId : b.deviceId,
		createdBy: a.createdBy >= b.createdBy ? a.createdBy : b.createdBy,
		createdAt: Math.min(a.createdAt, b.createdAt),
		updatedAt: Math.max(a.updatedAt, b.updatedAt),
		clock: mergeClocks(a.clock, b.clock),
		_deleted: Boolean(a._deleted) || Boolean(b._deleted)
	};
}

/** The merge for any synced collection. */
export function mergeDocs<T extends WithDeleted>(collection: SyncedCollection, a: T, b: T): T {
	switch (collection) {
		case 'clients':
			return mergeClients(a as unknown as ClientDoc, b as unknown as ClientDoc) as unknown as T;
		case 'visits':
			return mergeVisits(a as unknown as VisitDoc, b as unknown as VisitDoc) as unknown as T;
		case 'settings':
			return isConsentTextsSetting(a) && isConsentTextsSetting(b)
				? mergeConsentTextSettings(a, b)
				: newerSetting(a, b);
		case 'catalog': {
			// A removed item stays removed (a max over (deleted, updatedAt, JSON): still a join).
			const byDeleted = Number(Boolean(a._deleted)) - Number(Boolean(b._deleted));
			return byDeleted !== 0 ? (byDeleted > 0 ? a : b) : newerSetting(a, b);
		}
		case 'notes':
			return mergeNotes(a as unknown as NoteDoc, b as unknown as NoteDoc) as unknown as T;
		// A file is never edited, only deleted: the same rule as categories and sources. A consent
		// record is append-only (consents.ts): its tombstone (erasure) wins the same way.
		case 'files':
		case 'consents':
		case 'categories':
		case 'sources':
			return tombstoneOrLarger(a, b);
		case 'imports':
			return mergeImportBatches(a, b);
		case 'links':
			// Only an erasure deletes a link: its tombstone wins; else the last writer by the
			// version's HLC (links.ts), so an undo converges.
			if (a._deleted || b._deleted) return tombstoneOrLarger(a, b);
			return mergeLinkDocs(a as unknown as LinkLike, b as unknown as LinkLike) as unknown as T;
		case 'staff':
			return mergeStaff(a as unknown as StaffDoc, b as unknown as StaffDoc) as unknown as T;
	}
}

/** RxDB's conflictHandler.resolve: the metadata travels in the documents, so the two versions
 *  are enough; the assumed master state is not needed. Wrap it (or use conflictHandlerFor):
 *  RxDB calls `resolve(input, context)` with a context string where `collection` is. */
export function resolveConflict<T extends WithDeleted>(
	input: { newDocumentState: T; realMasterState: T },
	collection: SyncedCollection = 'clients'
): T {
	return mergeDocs(collection, input.newDocumentState, input.realMasterState);
}

/**
 * A conflict handler for `replicateRxCollection` (structurally RxDB's RxConflictHandler, without
 * importing rxdb here).
 */
export function conflictHandlerFor<T extends WithDeleted>(collection: SyncedCollection) {
	return {
		isEqual: (a: T, b: T): boolean => isEqualDoc(a, b),
		resolve: (input: { newDocumentState: T; realMasterState: T }): Promise<T> =>
			Promise.resolve(mergeDocs(collection, input.newDocumentState, input.realMasterState))
	};
}

const BOOKKEEPING = new Set(['_meta', '_rev', '_attachments']);

/** RxDB's conflictHandler.isEqual: same data whatever the key order; RxDB's own bookkeeping
 *  (_rev, _meta) is not part of a document's state. */
export function isEqualDoc(a: unknown, b: unknown): boolean {
	const strip = (d: unknown) =>
		d !== null && typeof d === 'object'
			? Object.fromEntries(Object.entries(d).filter(([k]) => !BOOKKEEPING.has(k)))
			: d;
	return canonicalJson(strip(a)) === canonicalJson(strip(b));
}
