// The client repository: every read and write of the `clients` collection goes through here.
// Writes are validated with zod first (a bad value throws ValidationError and writes nothing),
// then stamped with the device's hybrid logical clock per changed field (DESIGN.md › Merge rules).
import { map, type Observable } from 'rxjs';
import type { RxDocumentData } from 'rxdb';
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
	/** Who is writing: the signed-in staff member's id ('' when nobody is signed in). */
	author: string;
}

/** `lwt`: the storage's write time of the change (start-up checks its list snapshot with it). */
export type ClientChange =
	{ kind: 'upsert'; client: Client; lwt: number } | { kind: 'remove'; id: string; lwt: number };

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
			editedBy: ctx.author,
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
				editedBy: ctx.author,
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
			editedBy: ctx.author,
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
		(data) => toTombstone(toClient(data), stamp, Date.now(), ctx?.author) as typeof data
	);
}

export async function get(db: SchedarioDatabase, id: string): Promise<Client | undefined> {
	const doc = await db.clients.findOne(id).exec();
	return doc ? toClient(doc.toMutableJSON()) : undefined;
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
					? { kind: 'remove', id: event.documentId, lwt: event.documentData._meta.lwt }
					: {
							kind: 'upsert',
							client: toClient(event.documentData as RxDocumentData<ClientDocType>),
							lwt: event.documentData._meta.lwt
						}
			)
		)
	);
}

// Many cards in one storage write (bulk actions on the list): src/lib/db/clients-bulk.ts.
export { bulkModify, bulkRemove, type BulkResult } from './clients-bulk';
// Reading many cards at once (start-up): src/lib/db/clients-read.ts.
export { all, byIds, firstByName, inBatches, storedState } from './clients-read';
