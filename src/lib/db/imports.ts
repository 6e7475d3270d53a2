// The `imports` collection: every import as a batch that can be undone, and the all-or-nothing
// commit (src/lib/domain/imports.ts explains the parts and the crash rule). The clients
// themselves are written through the client repository.
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { Client, ClientFields } from '$lib/domain/client';
import { newId } from '$lib/domain/ids';
import {
	IMPORT_PART_SIZE,
	importBatchSchema,
	partId,
	type FilledField,
	type ImportBatch,
	type ImportStatus
} from '$lib/domain/imports';
import { toTombstone } from '$lib/domain/merge';
import { canonicalJson } from '$lib/domain/sync-protocol';
import * as clients from './clients';
import { plain } from './config-helpers';
import type { SchedarioDatabase } from './database';
import { parseOrThrow } from './errors';

export interface ImportPlan {
	fileName: string;
	/** New cards. */
	create: readonly ClientFields[];
	/** Existing cards and the empty fields to fill on each. */
	fill: readonly { id: string; patch: Partial<ClientFields> }[];
	skipped: number;
	errors: number;
}

export interface CommitOptions {
	/** Called after each batch with the cards written so far. */
	onProgress?: (done: number, total: number) => void;
	/** Cancel: the import stops after the current batch and is rolled back. */
	signal?: AbortSignal;
	/** The ids of the cards each batch created or filled (for the duplicate check after). */
	onWritten?: (ids: string[]) => void;
}

export class ImportCancelledError extends Error {
	constructor() {
		super('import cancelled');
		this.name = 'ImportCancelledError';
	}
}

async function insertPart(db: SchedarioDatabase, doc: ImportBatch): Promise<void> {
	await db.imports.insert(parseOrThrow(importBatchSchema, doc, 'import'));
}

async function setStatus(db: SchedarioDatabase, importId: string, status: ImportStatus) {
	const doc = await db.imports.findOne(importId).exec();
	await doc?.incrementalPatch({ status, updatedAt: Math.max(Date.now(), doc.updatedAt + 1) });
}

/** What a fill will change on `current`: one record per field, with the value before. */
function fillRecords(current: Client, patch: Partial<ClientFields>): FilledField[] {
	return Object.entries(patch).map(([field, value]) => ({
		id: current.id,
		field,
		previous: canonicalJson(current[field as keyof ClientFields]),
		value: canonicalJson(value),
		clock: current.clock[field] ?? ''
	}));
}

/**
 * Writes the plan in batches of IMPORT_PART_SIZE: the part listing a batch's ids and fills is
 * stored first, then the batch (one bulk insert), then the header is marked committed at the end.
 * Cancel or any failure rolls everything back before this throws.
 */
export async function commitImport(
	db: SchedarioDatabase,
	plan: ImportPlan,
	ctx: clients.WriteContext,
	opts: CommitOptions = {}
): Promise<ImportBatch> {
	const now = Date.now();
	const importId = newId(now);
	const header: ImportBatch = {
		id: importId,
		importId,
		part: 0,
		fileName: plan.fileName.slice(0, 200),
		deviceId: ctx.deviceId,
		createdAt: now,
		updatedAt: now,
		status: 'pending',
		counts: {
			created: plan.create.length,
			filled: plan.fill.length,
			skipped: plan.skipped,
			errors: plan.errors
		},
		createdIds: [],
		filled: []
	};
	await insertPart(db, header);
	const total = plan.create.length + plan.fill.length;
	let done = 0;
	try {
		let part = 1;
		for (let start = 0; start < plan.create.length; start += IMPORT_PART_SIZE, part++) {
			if (opts.signal?.aborted) throw new ImportCancelledError();
			const batch = plan.create.slice(start, start + IMPORT_PART_SIZE);
			const ids = batch.map(() => newId());
			await insertPart(db, { ...header, id: partId(importId, part), part, createdIds: ids });
			await clients.bulkCreate(db, batch, ctx, ids);
			opts.onWritten?.(ids);
			done += batch.length;
			opts.onProgress?.(done, total);
		}
		for (let start = 0; start < plan.fill.length; start += IMPORT_PART_SIZE, part++) {
			if (opts.signal?.aborted) throw new ImportCancelledError();
			const batch = plan.fill.slice(start, start + IMPORT_PART_SIZE);
			const cards = await db.clients.findByIds(batch.map((f) => f.id)).exec();
			const filled = batch.flatMap((f) => {
				const doc = cards.get(f.id);
				return doc ? fillRecords(clients.toClient(doc.toMutableJSON()), f.patch) : [];
			});
			await insertPart(db, { ...header, id: partId(importId, part), part, filled });
			for (const f of batch) {
				if (cards.has(f.id)) await clients.update(db, f.id, f.patch, ctx);
			}
			opts.onWritten?.(batch.map((f) => f.id));
			done += batch.length;
			opts.onProgress?.(done, total);
		}
		await setStatus(db, importId, 'committed');
	} catch (error) {
		await revert(db, importId, 'rolledBack', ctx);
		throw error;
	}
	return { ...header, status: 'committed' };
}

/** Removes many clients in two storage writes: personal data emptied, then the delete. */
async function removeClients(
	db: SchedarioDatabase,
	ids: readonly string[],
	ctx: clients.WriteContext
): Promise<void> {
	if (ids.length === 0) return;
	const docs = await db.clients.findByIds([...ids]).exec();
	if (docs.size === 0) return;
	const stamp = ctx.clock.tick();
	const now = Date.now();
	const emptied = [...docs.values()].map((doc) => {
		const { _deleted: _d, ...rest } = toTombstone(
			clients.toClient(doc.toMutableJSON()),
			stamp,
			now,
			ctx.author
		);
		return rest;
	});
	await db.clients.bulkUpsert(emptied as never[]);
	await db.clients.bulkRemove([...docs.keys()]);
}

/** Every part of one import, header first. */
export async function partsOf(db: SchedarioDatabase, importId: string): Promise<ImportBatch[]> {
	const docs = await db.imports.find({ selector: { importId } }).exec();
	return docs.map((d) => plain(d.toMutableJSON()) as ImportBatch).sort((a, b) => a.part - b.part);
}

/**
 * Takes an import back: its created clients are removed and the fields it filled get their
 * previous value, unless someone changed that field since (their edit stays).
 */
export async function revert(
	db: SchedarioDatabase,
	importId: string,
	status: 'undone' | 'rolledBack',
	ctx: clients.WriteContext
): Promise<void> {
	const parts = await partsOf(db, importId);
	for (const part of parts) {
		for (let start = 0; start < part.createdIds.length; start += 500) {
			await removeClients(db, part.createdIds.slice(start, start + 500), ctx);
		}
		for (const f of part.filled) {
			const current = await clients.get(db, f.id);
			const field = f.field as keyof ClientFields;
			if (!current || canonicalJson(current[field]) !== f.value) continue;
			await clients.update(db, f.id, { [field]: JSON.parse(f.previous) }, ctx);
		}
	}
	await setStatus(db, importId, status);
}

/** Rolls back this device's imports left pending by a closed tab or a crash. */
export async function recoverPending(
	db: SchedarioDatabase,
	ctx: clients.WriteContext
): Promise<number> {
	const pending = await db.imports
		.find({ selector: { part: 0, status: 'pending', deviceId: ctx.deviceId } })
		.exec();
	for (const doc of pending) await revert(db, doc.importId, 'rolledBack', ctx);
	return pending.length;
}

/** The import history: headers, newest first, live. */
export function history$(db: SchedarioDatabase): Observable<ImportBatch[]> {
	return db.imports
		.find({ selector: { part: 0 } })
		.$.pipe(
			map((docs) =>
				docs
					.map((d) => plain(d.toMutableJSON()) as ImportBatch)
					.sort((a, b) => b.createdAt - a.createdAt)
			)
		);
}
