// GDPR erasure (issue 7 › Deliver 3; DESIGN.md › Merge rules, rule 5). An erased card is the
// ordinary emptied tombstone whose clock holds ERASED_CLOCK_KEY and nothing else of the card's
// history: no field stamps, no set tags (their keys are phone numbers and addresses). The merge
// treats it as absorbing — merge(erased, anything) = erased — so no stale device can bring the
// card back, whatever it edited and whenever it reconnects. Documents attached to an erased
// client (visits, notes, files, consents) and the links touching it become their collection's
// tombstone with no personal data, and a tombstone wins their merge too.
//
// The sync server writes these tombstones (sync-server/src/storage, `erase`) and refuses any
// later push that names an erased id; the app only ever receives them by pull.
import { z } from 'zod';
import { emptyClientFields, DELETED_CLOCK_KEY, type Client } from './client.js';
import { canonicalJson } from './canonical-json.js';
import { formatHlc, type Hlc } from './hlc.js';
import { emptyVisitFields } from './visit.js';

/** Key of the erasure's stamp in a card's `clock` (beside DELETED_CLOCK_KEY). */
export const ERASED_CLOCK_KEY = '_erased';
/** The HLC node of stamps the server writes for an erasure (not a device). */
export const ERASURE_NODE = 'erasure';
/** What an erased visit keeps as its date: the visit's real day is data about the person. */
export const ERASED_VISIT_AT = '2000-01-01T00:00';

type ClientDocLike = Client & { _deleted?: boolean };

/** The stamp the server gives an erasure made at `at` (ms). */
export function erasureStamp(at: number): Hlc {
	return formatHlc({ wallMs: at, counter: 0, nodeId: ERASURE_NODE });
}

export function isErasedClient(doc: { clock?: Record<string, string> }): boolean {
	return doc.clock !== undefined && Object.hasOwn(doc.clock, ERASED_CLOCK_KEY);
}

/** The erased card: the emptied tombstone, no history, only the erasure's stamp. */
export function toErasedClient(
	id: string,
	at: number
): ClientDocLike & { _deleted: true; sets?: never } {
	const stamp = erasureStamp(at);
	return {
		...emptyClientFields(),
		id,
		sortName: '',
		createdAt: 0,
		createdBy: '',
		updatedAt: at,
		clock: { [DELETED_CLOCK_KEY]: stamp, [ERASED_CLOCK_KEY]: stamp },
		_deleted: true
	};
}

/**
 * Rule 5 of the card merge, applied before rules 1–3: when either version is erased, the result
 * is an erased version — the only one, or of two erasures the larger canonical JSON. Erased
 * versions sit above every other in one total order, so this stays a join (commutative,
 * associative, idempotent) together with the field-wise merge below them.
 */
export function mergeErased<T extends { clock?: Record<string, string> }>(a: T, b: T): T | null {
	const ea = isErasedClient(a);
	const eb = isErasedClient(b);
	if (!ea && !eb) return null;
	if (ea !== eb) return ea ? a : b;
	return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

/** The client ids a document is about: its `clientId`, a link's two cards, a card's own id. */
export function clientIdsOf(collection: string, doc: unknown): string[] {
	if (doc === null || typeof doc !== 'object') return [];
	const d = doc as Record<string, unknown>;
	const ids: unknown[] =
		collection === 'clients' ? [d.id] : collection === 'links' ? [d.a, d.b] : [d.clientId];
	return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}

type Doc = Record<string, unknown>;

/** Collection → the tombstone of one of its documents about an erased client (no personal data,
 *  same id and clientId). A new collection with a `clientId` adds its entry here. */
const ATTACHED_TOMBSTONES: Record<string, (doc: Doc, at: number) => Doc> = {
	visits: (d) => ({
		...d,
		...emptyVisitFields(String(d.clientId), ERASED_VISIT_AT),
		staffName: '',
		createdBy: '',
		_deleted: true
	}),
	notes: (d) => ({ ...d, text: '', author: '', pinned: false, _deleted: true }),
	files: (d) => ({
		...d,
		name: '',
		data: '',
		thumb: '',
		size: 0,
		width: 0,
		height: 0,
		author: '',
		_deleted: true
	}),
	links: (d) => ({ ...d, staff: '', choices: {}, _deleted: true }),
	// The consents collection's tombstone (consents.ts › toConsentTombstone): who signed, how and
	// what she chose are gone; the record's id, client, time and text version remain.
	consents: (d) => ({
		...d,
		choices: [],
		signature: { width: 0, height: 0, strokes: [] },
		signerName: '',
		_deleted: true
	})
};

/** Whether erasure knows how to empty documents of this collection. */
export function hasErasedForm(collection: string): boolean {
	return collection === 'clients' || Object.hasOwn(ATTACHED_TOMBSTONES, collection);
}

/**
 * The erased form of a document about an erased client, or null when the collection keeps no
 * document per client (configuration, imports: those are edited, see `withoutErasedClients`).
 */
export function erasedFormOf(collection: string, doc: unknown, at: number): Doc | null {
	if (doc === null || typeof doc !== 'object') return null;
	const d = doc as Doc;
	if (collection === 'clients') return toErasedClient(String(d.id), at);
	const make = ATTACHED_TOMBSTONES[collection];
	return make ? make(d, at) : null;
}

/** An import batch without the erased clients' created ids and filled values; null when it
 *  named none of them (nothing to write). */
export function withoutErasedClients(batch: unknown, erased: ReadonlySet<string>): Doc | null {
	if (batch === null || typeof batch !== 'object') return null;
	const b = batch as Doc & { createdIds?: unknown; filled?: unknown };
	const createdIds = Array.isArray(b.createdIds) ? (b.createdIds as string[]) : [];
	const filled = Array.isArray(b.filled) ? (b.filled as Array<{ id: string }>) : [];
	const keptIds = createdIds.filter((id) => !erased.has(id));
	const keptFilled = filled.filter((f) => !erased.has(f.id));
	if (keptIds.length === createdIds.length && keptFilled.length === filled.length) return null;
	return { ...b, createdIds: keptIds, filled: keptFilled };
}

/** The most cards one erasure takes: a merged group is a handful; this bounds the request. */
export const MAX_ERASE_GROUP = 50;

/** `POST /api/v1/salons/:salonId/clients/:clientId/erase`: the card's whole merged group, and the
 *  caller's confirmation that the person typed the client's name. */
export const eraseRequestSchema = z
	.object({
		clientIds: z.array(z.string().min(1).max(40)).min(1).max(MAX_ERASE_GROUP),
		confirm: z.literal(true),
		/** The signed-in staff member who erased (the owner's log), null when nobody. */
		staffId: z.string().max(100).nullable().optional()
	})
	.strict();
export type EraseRequest = z.infer<typeof eraseRequestSchema>;

export const eraseResponseSchema = z
	.object({ erased: z.array(z.string()), documents: z.number().int().min(0) })
	.strict();
export type EraseResponse = z.infer<typeof eraseResponseSchema>;
