// Reading many clients at once, straight from the Dexie table under RxDB (start-up): the whole
// book, the first cards in name order (the list's first screen), cards by id, and the whole book
// in batches so the page can paint and answer between them. Each falls back to RxDB's storage
// query on other storages. Sealed rows (encryption at rest) are opened on the way.
import { Dexie, type Table } from 'dexie';
import type { RxDocumentData } from 'rxdb';
import { RxStorageInstanceDexie, fromDexieToStorage } from 'rxdb/plugins/storage-dexie';
import { sealedReaderOf } from './aes-gcm-storage';
import { areFlat, isEscapedKey, restoreBooleans, someKey } from './dexie-rows';
import type { Client } from '$lib/domain/client';
import type { SchedarioDatabase } from './database';
import type { ClientDocType } from './schemas/client.schema';
import { toClient } from './clients';

/** RxDB prepends `_deleted` (stored '0'/'1' by the Dexie storage) and appends the primary key
 *  to every schema index, so the list's default order is this Dexie index. */
const BY_NAME = '[_deleted+sortName+id]';
const LIVE = '[_deleted+id]';

interface DexieReader {
	table: Table;
	/** Rows as IndexedDB gives them → the live clients, sealed rows opened. */
	convert(rows: unknown[]): Promise<Client[]>;
}

async function dexieReader(db: SchedarioDatabase): Promise<DexieReader | null> {
	let wrapped = db.clients.storageInstance as { originalStorageInstance?: unknown };
	// Encryption at rest: Dexie is one wrapper further down, and each row is opened first.
	const open = sealedReaderOf(wrapped.originalStorageInstance);
	if (open) wrapped = wrapped.originalStorageInstance as { originalStorageInstance?: unknown };
	if (!(wrapped.originalStorageInstance instanceof RxStorageInstanceDexie)) return null;
	const state = await wrapped.originalStorageInstance.internals;
	const booleans: readonly string[] = state.booleanIndexes;
	const isFlat = areFlat(booleans);
	return {
		table: state.dexieTable,
		async convert(rows) {
			const live: Client[] = [];
			const opening: Array<Promise<RxDocumentData<ClientDocType>>> = [];
			for (const row of rows) {
				// fromDexieToStorage deep-copies every object of every row only to undo Dexie's
				// escape of keys starting with '|' (~0.8 s of a 100,000-card start-up). The rows are
				// fresh copies from IndexedDB and ours to change: when no key is escaped, turning the
				// indexed booleans back from '1'/'0' in place gives the same document.
				const stored = (
					isFlat && !someKey(row, isEscapedKey)
						? restoreBooleans(row as Record<string, unknown>, booleans)
						: fromDexieToStorage(state.booleanIndexes, row)
				) as RxDocumentData<ClientDocType>;
				if (stored._deleted) continue;
				if (!open) live.push(toClient(stored));
				else opening.push(open(stored) as Promise<RxDocumentData<ClientDocType>>);
			}
			for (const data of await Promise.all(opening)) live.push(toClient(data));
			return live;
		}
	};
}

/**
 * Every live client in one read. With Dexie (the app's storage) this is a single IndexedDB
 * getAll over the table: RxDB's own query walks a cursor one document per round-trip, which
 * measured ~20x slower (see src/lib/db/README.md). Other storages use the storage-level query,
 * still without RxDocument instances or the document cache.
 */
export async function all(db: SchedarioDatabase): Promise<Client[]> {
	const reader = await dexieReader(db);
	if (reader) return reader.convert(await reader.table.toArray());
	const prepared = db.clients.find().getPreparedQuery();
	const result = await db.clients.storageInstance.query(prepared);
	return result.documents.map(toClient);
}

/** The first `limit` live clients in the list's default order (sortName, then id). */
export async function firstByName(db: SchedarioDatabase, limit: number): Promise<Client[]> {
	const reader = await dexieReader(db);
	if (reader) {
		const rows = await reader.table
			.where(BY_NAME)
			.between(['0', Dexie.minKey, Dexie.minKey], ['0', Dexie.maxKey, Dexie.maxKey])
			.limit(limit)
			.toArray();
		return reader.convert(rows);
	}
	const prepared = db.clients
		.find({ sort: [{ sortName: 'asc' }, { id: 'asc' }], limit })
		.getPreparedQuery();
	return (await db.clients.storageInstance.query(prepared)).documents.map(toClient);
}

/** The live clients among `ids` (missing and deleted ones are left out). */
export async function byIds(db: SchedarioDatabase, ids: readonly string[]): Promise<Client[]> {
	if (ids.length === 0) return [];
	const reader = await dexieReader(db);
	if (reader) {
		const rows = await reader.table.bulkGet([...ids]);
		return reader.convert(rows.filter((row) => row !== undefined));
	}
	const docs = await db.clients.storageInstance.findDocumentsById([...ids], false);
	return docs.map(toClient);
}

/**
 * The whole book, `size` rows at a time in primary-key order, tombstones skipped. Each batch is
 * its own IndexedDB request, so the caller can yield to the page between them.
 */
export async function* inBatches(db: SchedarioDatabase, size: number): AsyncGenerator<Client[]> {
	const reader = await dexieReader(db);
	if (!reader) {
		yield await all(db);
		return;
	}
	let after: string | null = null;
	for (;;) {
		const range =
			after === null ? reader.table.toCollection() : reader.table.where(':id').above(after);
		const rows: Array<{ id: string }> = await range.limit(size).toArray();
		if (rows.length === 0) return;
		after = (rows.at(-1) as { id: string }).id;
		yield await reader.convert(rows);
		if (rows.length < size) return;
	}
}

/** What identifies the stored book's state without reading it: how many live cards, and the
 *  newest write (any insert, edit or delete raises it). Null on storages other than Dexie. */
export async function storedState(
	db: SchedarioDatabase
): Promise<{ live: number; newestWrite: number } | null> {
	const reader = await dexieReader(db);
	if (!reader) return null;
	const [live, newest] = await Promise.all([
		reader.table.where(LIVE).between(['0', Dexie.minKey], ['0', Dexie.maxKey]).count(),
		reader.table.orderBy('_meta.lwt').last() as Promise<{ _meta: { lwt: number } } | undefined>
	]);
	return { live, newestWrite: newest?._meta.lwt ?? 0 };
}
