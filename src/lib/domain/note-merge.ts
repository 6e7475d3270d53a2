// The merge of two versions of one timeline note (DESIGN.md › Merge rules, rule 4). Apart from
// notes.ts so the wire protocol can import the note schema without an import cycle.
import { compareHlc } from './hlc.js';
import type { NoteDoc } from './notes.js';
import { canonicalJson } from './canonical-json.js';

function compareCanonical(a: unknown, b: unknown): number {
	const sa = canonicalJson(a);
	const sb = canonicalJson(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * A join (commutative, associative, idempotent), so every device converges:
 * - a tombstone wins (only the author deletes, and a deleted note stays deleted);
 * - otherwise the written part is the same on both sides (notes are never edited); the larger
 *   canonical JSON keeps the result deterministic even for hand-made documents that disagree;
 * - the pin is last-writer-wins by `clock.pin`, then by the value.
 */
export function mergeNotes<T extends NoteDoc>(a: T, b: T): T {
	const deletedA = Boolean(a._deleted);
	const deletedB = Boolean(b._deleted);
	if (deletedA !== deletedB) return deletedA ? a : b;
	if (deletedA) return compareCanonical(a, b) >= 0 ? a : b;
	const { pinned: _pa, clock: ca, ...restA } = a;
	const { pinned: _pb, clock: cb, ...restB } = b;
	const written = compareCanonical(
		{ ...restA, created: ca.created },
		{ ...restB, created: cb.created }
	);
	const base = written >= 0 ? a : b;
	const byPin = compareHlc(ca.pin, cb.pin) || Number(a.pinned) - Number(b.pinned);
	const pin = byPin >= 0 ? a : b;
	return {
		...base,
		pinned: pin.pinned,
		clock: { created: base.clock.created, pin: pin.clock.pin }
	};
}
