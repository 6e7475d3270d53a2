// Bulk actions on many cards (add to a category, archive, delete…): one storage write for the
// whole selection — one IndexedDB transaction, one change event batch, one replication push —
// stamped with one HLC, exactly as the single writes in clients.ts stamp theirs, so the merge
// rules (per-field last writer, add-wins sets, stamped tombstones) treat each card as if it had
// been edited alone at that instant.
import type { BulkWriteRow, RxDocumentData } from 'rxdb';
import type { Client, ClientFields } from '$lib/domain/client';
import { toTombstone } from '$lib/domain/merge';
import { applyPatch, toClient, type WriteContext } from './clients';
import type { SchedarioDatabase } from './database';
import type { ClientDocType } from './schemas/client.schema';

export interface BulkResult {
	/** The cards as written (for a removal: the ids' tombstones). */
	written: Client[];
	/** Cards the action did not change (already in the category, already archived…). */
	unchanged: number;
	/** Ids not found (deleted meanwhile, here or by sync). */
	missing: string[];
}

type Doc = RxDocumentData<ClientDocType>;
/** The next stored document, or null when the card stays as it is. */
type Build = (doc: Doc, stamp: () => string) => Doc | null;

/** Cards computed between two yields: keeps the page responsive with 100,000 selected. */
const CHUNK = 500;
/** A conflicting concurrent write makes a card go round again; more rounds mean a bug. */
const MAX_ROUNDS = 5;
const WRITE_CONTEXT = 'schedario-bulk';

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function writeMany(
	db: SchedarioDatabase,
	ids: readonly string[],
	build: Build,
	ctx: WriteContext,
	onProgress?: (done: number, total: number) => void
): Promise<BulkResult> {
	const result: BulkResult = { written: [], unchanged: 0, missing: [] };
	let pending = [...new Set(ids)];
	for (let round = 0; pending.length > 0; round++) {
		if (round === MAX_ROUNDS)
			throw new Error(`bulk write: ${pending.length} cards kept conflicting`);
		const docs = await db.clients.storageInstance.findDocumentsById(pending, false);
		const found = new Set(docs.map((d) => d.id));
		result.missing.push(...pending.filter((id) => !found.has(id)));
		// One stamp per round, taken only if something changes; a retried card gets a newer one,
		// so it never carries a stamp older than the concurrent write it lost to.
		let hlc: string | undefined;
		const stamp = () => (hlc ??= ctx.clock.tick());
		const rows: BulkWriteRow<ClientDocType>[] = [];
		for (let i = 0; i < docs.length; i++) {
			if (i > 0 && i % CHUNK === 0) {
				onProgress?.(i, docs.length);
				await yieldToEventLoop();
			}
			const doc = docs[i]!;
			const next = build(doc, stamp);
			if (next) rows.push({ previous: doc, document: next });
			else result.unchanged++;
		}
		if (rows.length === 0) break;
		const response = await db.clients.storageInstance.bulkWrite(rows, WRITE_CONTEXT);
		const conflicts = response.error.filter((e) => e.status === 409).map((e) => e.documentId);
		const failed = response.error.filter((e) => e.status !== 409);
		if (failed.length > 0) {
			throw new Error(`bulk write refused ${failed.length} of ${rows.length} cards`);
		}
		const retry = new Set(conflicts);
		for (const row of rows) {
			if (!retry.has(row.document.id)) result.written.push(toClient(row.document));
		}
		pending = conflicts;
	}
	onProgress?.(ids.length, ids.length);
	return result;
}

/**
 * Applies `compute(card)` to every card in `ids` in one write. `compute` sees the freshest stored
 * card (and again after a conflict), so "remove category X" never clobbers a concurrent edit.
 * Every patch is validated like a single update; an invalid one throws before anything is written.
 */
export function bulkModify(
	db: SchedarioDatabase,
	ids: readonly string[],
	compute: (current: Client) => Partial<ClientFields>,
	ctx: WriteContext,
	onProgress?: (done: number, total: number) => void
): Promise<BulkResult> {
	return writeMany(
		db,
		ids,
		(doc, stamp) => {
			const current = toClient(doc);
			const next = applyPatch(current, compute(current), ctx, stamp);
			// The stored document minus the fields the card dropped (none today), plus the new ones.
			return next ? ({ ...doc, ...next } as Doc) : null;
		},
		ctx,
		onProgress
	);
}

/** Deletes every card in `ids` in one write: stamped tombstones emptied of personal data. */
export function bulkRemove(
	db: SchedarioDatabase,
	ids: readonly string[],
	ctx: WriteContext,
	onProgress?: (done: number, total: number) => void
): Promise<BulkResult> {
	const now = Date.now();
	return writeMany(
		db,
		ids,
		(doc, stamp) => {
			const { _attachments, _meta, _rev } = doc;
			// The tombstone replaces the whole document: `sets` and every personal field are gone.
			return {
				...toTombstone(toClient(doc), stamp(), now, ctx.author),
				_attachments,
				_meta,
				_rev
			} as Doc;
		},
		ctx,
		onProgress
	);
}
