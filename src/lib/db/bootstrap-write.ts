// Writing a bootstrap page (bootstrap.ts) into an EMPTY collection straight into IndexedDB.
// RxDB's Dexie storage spends most of a first sync's main thread on machinery an insert into an
// empty collection does not need (bench/README.md › "Eighth pass"): it reads every
// document of the page before writing it (to find conflicts), deep-copies each row to escape keys,
// and Dexie's bulkPut sets handlers on every request inside its promise zones. Here the page goes
// into ONE native IndexedDB transaction on the storage's own object store, with `add`: a key that
// exists already fails its request, which aborts the whole transaction, so the page is written
// whole or not at all (the bootstrap then stops and leaves the rest to RxDB's replication, as when
// bulkWrite reports a conflict). After the commit, the change events RxDB's bulkWrite would have
// emitted for these inserts are emitted on the storage instance, so the collection, open queries,
// other tabs (multi-instance) and the replication see exactly what they saw before.
//
// Only for RxDB's Dexie instance itself, not in dev-mode (it adds fields to every stored row) and
// not with attachments; encryption at rest wraps the Dexie instance, so it keeps RxDB's path.
import { randomToken } from 'rxdb';
import { RxStorageInstanceDexie, fromStorageToDexie } from 'rxdb/plugins/storage-dexie';
import { areFlat, isKeyToEscape, someKey } from './dexie-rows';

/** Writes one page of new documents (storage form); false when nothing was written. */
export type PageWriter = (
	docs: Array<Record<string, unknown>>,
	context: string
) => Promise<boolean>;

let bulkCount = 0;
const BULK_PREFIX = 'bootstrap-' + randomToken(10) + '-';

/** The fast writer for `target`, or null when it is not a storage this was written for. */
export async function rawInsertWriter(target: unknown): Promise<PageWriter | null> {
	if (!(target instanceof RxStorageInstanceDexie)) return null;
	const instance = target as RxStorageInstanceDexie<Record<string, unknown>>;
	if (instance.devMode || instance.schema.attachments || instance.closed) return null;
	const state = await instance.internals;
	const booleans: readonly string[] = state.booleanIndexes;
	const flat = areFlat(booleans);
	const storeName = state.dexieTable.name;
	const primaryPath = instance.primaryPath as string;

	/** Adds `doc` as fromStorageToDexie(booleans, doc) would store it; `add` clones at once, so
	 *  the booleans are set to '1'/'0' for the call only and the document is left as it was. */
	const addRow = (store: IDBObjectStore, doc: Record<string, unknown>) => {
		if (!flat || someKey(doc, isKeyToEscape)) {
			store.add(fromStorageToDexie(state.booleanIndexes, doc as never));
			return;
		}
		const saved = booleans.map((path) => doc[path]);
		try {
			for (const path of booleans) doc[path] = doc[path] ? '1' : '0';
			store.add(doc);
		} finally {
			booleans.forEach((path, i) => (doc[path] = saved[i]));
		}
	};

	return async (docs, context) => {
		if (docs.length === 0) return true;
		const committed = await new Promise<boolean>((resolve) => {
			let tx: IDBTransaction;
			try {
				// Durability as Dexie's own transactions have it: RxDB gives Dexie no
				// `chromeTransactionDurability`, so the browser's default.
				tx = state.dexieDb.backendDB().transaction([storeName], 'readwrite');
			} catch {
				resolve(false);
				return;
			}
			tx.oncomplete = () => resolve(true);
			tx.onabort = () => resolve(false);
			try {
				const store = tx.objectStore(storeName);
				for (const doc of docs) addRow(store, doc);
			} catch {
				tx.abort(); // a row IndexedDB cannot take: nothing of the page is written
			}
		});
		if (!committed) return false;
		// What categorizeBulkWriteRows (rx-storage-helper.js) builds for inserts into an empty
		// collection: one INSERT per live document, the checkpoint of the last row written.
		const last = docs[docs.length - 1]!;
		const events = [];
		for (const doc of docs) {
			if (doc._deleted) continue;
			events.push({
				documentId: doc[primaryPath] as string,
				operation: 'INSERT' as const,
				documentData: doc,
				previousDocumentData: undefined
			});
		}
		if (events.length > 0) {
			// `changes$` is private in RxDB's types; it is what bulkWrite emits on.
			(instance as unknown as { changes$: { next(bulk: unknown): void } }).changes$.next({
				id: BULK_PREFIX + ++bulkCount,
				events,
				checkpoint: {
					id: last[primaryPath] as string,
					lwt: (last._meta as { lwt: number }).lwt
				},
				context
			});
		}
		return true;
	};
}
