// RxDB documents ↔ wire documents, and what replication reads from pulled ones.
import { maxHlc, type Hlc } from '$lib/domain/hlc';

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

/** The newest stamp in the `clock` of any pulled client document. */
export function newestStamp(docs: readonly unknown[]): Hlc | undefined {
	let newest: Hlc | undefined;
	for (const doc of docs) {
		const clock = (doc as { clock?: Record<string, Hlc> }).clock;
		if (clock) for (const stamp of Object.values(clock)) newest = maxHlc(newest, stamp);
	}
	return newest;
}
