// RxDB documents ↔ wire documents, and what replication reads from pulled ones.
import { isWellFormedHlc, type Hlc } from '$lib/domain/hlc';

const RXDB_BOOKKEEPING = ['_rev', '_meta', '_attachments'];

/** An RxDB document as the wire wants it: without RxDB's bookkeeping, with `_deleted`. */
export function toWireDoc(doc: object): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(doc)) {
		if (!RXDB_BOOKKEEPING.includes(key)) out[key] = value;
	}
	out._deleted = Boolean(out._deleted);
	return out;
}

/**
 * The newest stamp in the `clock` of any pulled client document: the same as folding `maxHlc`
 * over every stamp. A first sync passes ~30 stamps per card here, so it compares plain strings
 * (their order is the clock order for well-formed stamps) and checks the format only of a stamp
 * that would become the newest; malformed stamps count only when no stamp is well formed, as
 * `compareHlc` sorts them first.
 */
export function newestStamp(docs: readonly unknown[]): Hlc | undefined {
	let newest: Hlc | undefined;
	let newestMalformed: Hlc | undefined;
	for (const doc of docs) {
		const clock = (doc as { clock?: Record<string, Hlc> }).clock;
		if (!clock) continue;
		for (const stamp of Object.values(clock)) {
			if (newest !== undefined && stamp <= newest) continue;
			if (isWellFormedHlc(stamp)) newest = stamp;
			else if (newestMalformed === undefined || stamp > newestMalformed) newestMalformed = stamp;
		}
	}
	return newest ?? newestMalformed;
}
