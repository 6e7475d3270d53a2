// Import batches (issue 5): every import is recorded in the synced `imports` collection so it
// can be undone from any device. One import is one header document (part 0: file, counts,
// status) and, when it writes many clients, more part documents (part ≥ 1) each listing up to
// IMPORT_PART_SIZE created ids and filled fields: a single document for 50,000 clients would
// not fit in a sync request (MAX_BODY_BYTES).
//
// Crash safety: every part is written BEFORE the clients it lists, and the header says
// 'pending' until the last batch is in. A pending import of this device found at start-up (the
// tab was closed, the browser crashed) is rolled back: what its parts list is removed or
// restored. Cancel does the same at once. Only then is the status 'rolledBack'.
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';

export const IMPORT_STATUSES = ['pending', 'committed', 'undone', 'rolledBack'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** Created ids (and filled fields) per part document. */
export const IMPORT_PART_SIZE = 1000;

const count = z.number().int().min(0).max(10_000_000);

/** One field of an existing card that the import filled because it was empty. */
export const filledFieldSchema = z
	.object({
		id: z.string().min(1).max(40),
		field: z.string().min(1).max(40),
		/** The card's value before, as JSON: what undo restores. */
		previous: z.string().max(20_000),
		/** The value the import wrote, as JSON: undo leaves the field alone if it changed since. */
		value: z.string().max(20_000),
		/** The field's clock before the fill ('' when it had none). */
		clock: z.string().max(64)
	})
	.strict();
export type FilledField = z.infer<typeof filledFieldSchema>;

export const importBatchSchema = z
	.object({
		/** The import's id for the header; `${importId}:${part}` for the other parts. */
		id: z.string().min(1).max(60),
		importId: z.string().min(1).max(40),
		part: z.number().int().min(0).max(100_000),
		fileName: z.string().max(200),
		deviceId: z.string().max(64),
		createdAt: z.number().int().min(0),
		updatedAt: z.number().int().min(0),
		status: z.enum(IMPORT_STATUSES),
		counts: z.object({ created: count, filled: count, skipped: count, errors: count }).strict(),
		createdIds: z.array(z.string().min(1).max(40)).max(IMPORT_PART_SIZE),
		filled: z.array(filledFieldSchema).max(IMPORT_PART_SIZE * 4)
	})
	.strict();
export type ImportBatch = z.infer<typeof importBatchSchema>;

export function partId(importId: string, part: number): string {
	return part === 0 ? importId : `${importId}:${part}`;
}

const RANK: Record<ImportStatus, number> = { pending: 0, committed: 1, undone: 2, rolledBack: 2 };

/**
 * Merge of two versions of an import document: a tombstone wins, then the later status
 * (pending → committed → undone/rolledBack never goes back), then the later update, then the
 * larger canonical JSON. A max over a total order: commutative, associative, idempotent.
 */
export function mergeImportBatches<T extends { _deleted?: boolean }>(a: T, b: T): T {
	if (Boolean(a._deleted) !== Boolean(b._deleted)) return a._deleted ? a : b;
	const x = a as unknown as ImportBatch;
	const y = b as unknown as ImportBatch;
	const rank = RANK[x.status] - RANK[y.status];
	if (rank !== 0) return rank > 0 ? a : b;
	if (x.updatedAt !== y.updatedAt) return x.updatedAt > y.updatedAt ? a : b;
	return canonicalJson(a) >= canonicalJson(b) ? a : b;
}
