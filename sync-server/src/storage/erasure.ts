// GDPR erasure in storage (issue 7 › Deliver 3), the parts both adapters share: which stored
// documents an erasure rewrites and into what, and how a push that names an erased client is
// answered. The adapters run these inside their own transaction (sqlite-erase.ts,
// postgres-erase.ts) and delete every revision row of the rewritten documents.
import {
	clientIdsOf,
	erasedFormOf,
	withoutErasedClients
} from '../../../src/lib/domain/erasure.js';
import { canonicalJson } from './shared.js';

export interface CandidateDoc {
	collection: string;
	id: string;
	data: unknown;
}

export interface ErasureWrite {
	collection: string;
	id: string;
	/** canonical JSON of the document to store. */
	json: string;
}

/**
 * The documents to rewrite for erasing `ids`: the cards become erased tombstones, documents whose
 * `clientId` is one of them and links touching them become their tombstones, import batches lose
 * those clients' ids and values. A card that was never stored gets its erased tombstone too, so
 * a device that still holds it receives the erasure by pull. Candidates may include documents
 * that are not about these clients (the adapters pre-filter loosely): they are left alone.
 */
export function planErasure(
	candidates: readonly CandidateDoc[],
	ids: readonly string[],
	at: number
): ErasureWrite[] {
	const erased = new Set(ids);
	const writes: ErasureWrite[] = [];
	const seenCards = new Set<string>();
	for (const doc of candidates) {
		let next: unknown = null;
		if (doc.collection === 'imports') {
			next = withoutErasedClients(doc.data, erased);
		} else if (clientIdsOf(doc.collection, doc.data).some((id) => erased.has(id))) {
			next = erasedFormOf(doc.collection, doc.data, at);
			if (doc.collection === 'clients') seenCards.add(doc.id);
		}
		if (next === null) continue;
		const json = canonicalJson(next);
		if (json !== canonicalJson(doc.data))
			writes.push({ collection: doc.collection, id: doc.id, json });
	}
	for (const id of ids) {
		if (seenCards.has(id)) continue;
		writes.push({
			collection: 'clients',
			id,
			json: canonicalJson(erasedFormOf('clients', { id }, at))
		});
	}
	return writes;
}

/** The client ids a pushed document names (its card id, its `clientId`, a link's two cards). */
export const referencedClientIds = clientIdsOf;

/**
 * How a push row about an erased client is answered: with the stored document as the conflict,
 * or — for a document the server never had (a note written offline after the erasure) — with
 * its tombstone, which the caller stores first so the device's pull agrees with the answer.
 */
export function refusalOf(
	collection: string,
	current: unknown,
	next: unknown,
	at: number
): { conflict: unknown; store: string | null } | null {
	if (current !== null) return { conflict: current, store: null };
	const tombstone = erasedFormOf(collection, next, at);
	// Every collection that names a client has an erased form (erasure.ts); one added without
	// it is written as usual rather than answered with a conflict the device could not parse.
	if (tombstone === null) return null;
	return { conflict: tombstone, store: canonicalJson(tombstone) };
}
