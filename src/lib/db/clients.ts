// The client repository: every read and write of the `clients` collection goes through here.
// Writes are validated with zod first (a bad value throws ValidationError and writes nothing),
// then stamped with the device's hybrid logical clock per changed field (DESIGN.md › Merge rules).
import { map, type Observable } from 'rxjs';
import type { RxDocumentData } from 'rxdb';
import { RxStorageInstanceDexie, fromDexieToStorage } from 'rxdb/plugins/storage-dexie';
import { sealedReaderOf } from './aes-gcm-storage';
import {
	CLIENT_FIELDS,
	clientFieldsSchema,
	clientSchema,
	type Client,
	type ClientFields
} from '$lib/domain/client';
import type { HybridClock } from '$lib/domain/hlc';
import { newId } from '$lib/domain/ids';
import { toTombstone } from '$lib/domain/merge';
import { sortNameOf } from '$lib/domain/normalize';
import { changedFields, stampWrite } from '$lib/domain/stamp';
import type { SchedarioDatabase } from './database';
import { NotFoundError, parseOrThrow } from './errors';
import { SORT_NAME_MAX, type ClientDocType } from './schemas/client.schema';

export interface WriteContext {
	clock: HybridClock;
	deviceId: string;
	/** Who is writing (staff id or name); '' until staff accounts exist. */
	author: string;
}

export type ClientChange = { kind: 'upsert'; client: Client } | { kind: 'remove'; id: string };

const patchSchema = clientFieldsSchema.partial().strict();

/** Drops RxDB's bookkeeping (_rev, _meta, …) so callers only ever see the domain shape. */
export function toClient(data: RxDocumentData<ClientDocType> | ClientDocType): Client {
	const {
		_meta: _m,
		_rev: _r,
		_attachments: _a,
		_deleted: _d,
		...client
	} = data as RxDocumentData<ClientDocType>;
	return client as Client;
}

export function fieldsOf(client: Client): ClientFields {
	const fields: Record<string, unknown> = {};
	for (const field of CLIENT_FIELDS) fields[field] = client[field];
	return fields as ClientFields;
}

export async function create(
	db: SchedarioDatabase,
	fields: ClientFields,
	ctx: WriteContext
): Promise<Client> {
	const valid = parseOrThrow(clientFieldsSchema.strict(), fields, 'client');
	const now = Date.now();
	const stamped = stampWrite(null, valid, ctx.clock.tick());
	const client = parseOrThrow(
		clientSchema,
		{
			...stamped.fields,
			id: newId(now),
			sortName: sortNameOf(valid).slice(0, SORT_NAME_MAX),
			createdAt: now,
			createdBy: ctx.author,
			updatedAt: now,
			clock: stamped.clock,
			sets: stamped.sets
		},
		'client'
	);
	await db.clients.insert(client as ClientDocType);
	return client;
}

/**
 * Creates many clients in one storage write (imports, benchmarks). All or nothing: every card is
 * validated before anything is written, and RxDB's bulkInsert reports per-document errors,
 * which are thrown after the valid ones are in (there are none unless ids collide).
 */
export async function bulkCreate(
	db: SchedarioDatabase,
	list: readonly ClientFields[],
	ctx: WriteContext,
	/** Ids chosen beforehand (an import records them before writing, to roll back a crash). */
	ids?: readonly string[]
): Promise<Client[]> {
	const now = Date.now();
	// One stamp for the whole batch: it orders writes to the same field of the same card, and
	// every card here is new. (A tick per card also persisted the clock 50,000 times.)
	const stamp = ctx.clock.tick();
	const created = list.map((fields, i) => {
		const valid = parseOrThrow(clientFieldsSchema.strict(), fields, 'client');
		const stamped = stampWrite(null, valid, stamp);
		return parseOrThrow(
			clientSchema,
			{
				...stamped.fields,
				id: ids?.[i] ?? newId(now),
				sortName: sortNameOf(valid).slice(0, SORT_NAME_MAX),
				createdAt: now,
				createdBy: ctx.author,
				updatedAt: now,
				clock: stamped.clock,
				sets: stamped.sets
			},
			'client'
		);
	});
	const result = await db.clients.bulkInsert(created as ClientDocType[]);
	if (result.error.length > 0) {
		throw new Error(`bulk insert refused ${result.error.length} of ${created.length} clients`);
	}
	return created;
}

const PREVIEW_HLC = '0000000000000-0000-preview';

/**
 * The next version of `current` with `patch` applied, or null when the patch changes nothing.
 * `stamp` is asked only when something changes: a tick per write, or one stamp per batch.
 */
export function applyPatch(
	current: Client,
	rawPatch: unknown,
	ctx: WriteContext,
	stamp: () => string = () => ctx.clock.tick()
): Client | null {
	const patch = parseOrThrow(patchSchema, rawPatch, 'client');
	const previous = fieldsOf(current);
	const previousState = { fields: previous, clock: current.clock, sets: current.sets };
	// Validate the result before ticking, so a refused write leaves no trace in the clock. A
	// placeholder stamp shows whether the set arrays, once canonical, change at all.
	const preview = stampWrite(previousState, { ...previous, ...patch }, PREVIEW_HLC).fields;
	parseOrThrow(clientSchema, { ...current, ...preview }, 'client');
	if (changedFields(previous, preview).length === 0) return null;
	const stamped = stampWrite(previousState, { ...previous, ...patch }, stamp());
	return parseOrThrow(
		clientSchema,
		{
			...current,
			...stamped.fields,
			sortName: sortNameOf(stamped.fields).slice(0, SORT_NAME_MAX),
			updatedAt: Math.max(Date.now(), current.updatedAt),
			clock: stamped.clock,
			sets: stamped.sets
		},
		'client'
	);
}

/**
 * Applies the patch returned by `compute` to the latest stored version. `compute` may run more
 * than once (RxDB retries on a concurrent write), always with the freshest state, so a patch
 * derived from it — "remove this category id" — never clobbers another local write.
 */
export async function modify(
	db: SchedarioDatabase,
	id: string,
	compute: (current: Client) => Partial<ClientFields>,
	ctx: WriteContext
): Promise<Client> {
	const doc = await db.clients.findOne(id).exec();
	if (!doc) throw new NotFoundError('client', id);
	const current = toClient(doc.toMutableJSON());
	// Dry run first: an invalid patch throws here, before the write queue is involved (a
	// modifier that throws inside incrementalModify would still cost a revision).
	if (applyPatch(current, compute(current), ctx) === null) return current;
	let written: Client = current;
	await doc.incrementalModify((data) => {
		const latest = toClient(data);
		const next = applyPatch(latest, compute(latest), ctx);
		written = next ?? latest;
		return { ...data, ...(next ?? {}) };
	});
	return written;
}

export function update(
	db: SchedarioDatabase,
	id: string,
	patch: Partial<ClientFields>,
	ctx: WriteContext
): Promise<Client> {
	return modify(db, id, () => patch, ctx);
}

/**
 * Deletes a client. RxDB keeps a tombstone (`_deleted`) so the deletion replicates; the
 * tombstone is emptied of personal data first, set metadata included (DESIGN.md › Merge rules,
 * rule 5): the wire refuses a tombstone that holds any.
 */
export async function remove(db: SchedarioDatabase, id: string, ctx?: WriteContext): Promise<void> {
	const doc = await db.clients.findOne(id).exec();
	if (!doc) throw new NotFoundError('client', id);
	const stamp = ctx?.clock.tick();
	// The modifier's result replaces the document, so `sets` (personal data) is gone with it.
	await doc.incrementalModify(
		(data) => toTombstone(toClient(data), stamp, Date.now()) as typeof data
	);
}

export async function get(db: SchedarioDatabase, id: string): Promise<Client | undefined> {
	const doc = await db.clients.findOne(id).exec();
	return doc ? toClient(doc.toMutableJSON()) : undefined;
}

/** True when a key at any depth starts with DEXIE_PIPE_SUBSTITUTE ('__', Dexie's '|'). */
function hasEscapedKey(value: unknown): boolean {
	if (value === null || typeof value !== 'object') return false;
	if (Array.isArray(value)) return value.some(hasEscapedKey);
	for (const key in value) {
		if (key.startsWith('__')) return true;
		if (hasEscapedKey((value as Record<string, unknown>)[key])) return true;
	}
	return false;
}

/** Top-level indexed booleans are stored as '1'/'0' so IndexedDB can index them. */
function restoreBooleans(row: Record<string, unknown>, paths: readonly string[]): unknown {
	for (const path of paths) row[path] = row[path] === '1';
	return row;
}

/**
 * Every live client in one read. With Dexie (the app's storage) this is a single IndexedDB
 * getAll over the table: RxDB's own query walks a cursor one document per round-trip, which
 * measured ~20x slower (see src/lib/db/README.md). Other storages use the storage-level query,
 * still without RxDocument instances or the document cache.
 */
export async function all(db: SchedarioDatabase): Promise<Client[]> {
	let wrapped = db.clients.storageInstance as { originalStorageInstance?: unknown };
	// Encryption at rest: Dexie is one wrapper further down, and each row is opened first.
	const open = sealedReaderOf(wrapped.originalStorageInstance);
	if (open) wrapped = wrapped.originalStorageInstance as { originalStorageInstance?: unknown };
	if (wrapped.originalStorageInstance instanceof RxStorageInstanceDexie) {
		const state = await wrapped.originalStorageInstance.internals;
		const rows: unknown[] = await state.dexieTable.toArray();
		const booleans: readonly string[] = state.booleanIndexes;
		const isFlat = booleans.every((path) => !path.includes('.'));
		const live: Client[] = [];
		const opening: Array<Promise<RxDocumentData<ClientDocType>>> = [];
		for (const row of rows) {
			// fromDexieToStorage deep-copies every object of every row only to undo Dexie's escape
			// of keys starting with '|' (~0.8 s of a 100,000-card start-up). The rows are fresh
			// copies from IndexedDB and ours to change: when no key is escaped, turning the indexed
			// booleans back from '1'/'0' in place gives the same document.
			const stored = (
				isFlat && !hasEscapedKey(row)
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
	const prepared = db.clients.find().getPreparedQuery();
	const result = await db.clients.storageInstance.query(prepared);
	return result.documents.map(toClient);
}

/**
 * Every change to the collection from any source (this tab, other tabs, replication), one array
 * per storage write: a bulk insert of 5,000 cards arrives as one batch, not 5,000 events.
 */
export function changes$(db: SchedarioDatabase): Observable<ClientChange[]> {
	return db.clients.eventBulks$.pipe(
		map((bulk) =>
			bulk.events.map((event): ClientChange =>
				event.operation === 'DELETE' || event.documentData._deleted
					? { kind: 'remove', id: event.documentId }
					: {
							kind: 'upsert',
							client: toClient(event.documentData as RxDocumentData<ClientDocType>)
						}
			)
		)
	);
}

// Many cards in one storage write (bulk actions on the list): src/lib/db/clients-bulk.ts.
export { bulkModify, bulkRemove, type BulkResult } from './clients-bulk';
