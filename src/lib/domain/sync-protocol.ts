// The sync wire protocol (issue 3): the bodies the app and the sync server exchange, as zod
// schemas both sides parse with. Shapes follow RxDB's replication plugin (pull by checkpoint,
// push rows of {assumedMasterState, newDocumentState}, conflicts back). sync-server/README.md
// documents the same protocol in prose. This module holds the list of synced collections, the
// limits and the pull/push bodies; the rest lives beside it and is re-exported from here, so
// importers keep one path:
//   sync-documents.ts  each collection's wire document (live / tombstone)
//   sync-devices.ts    salons, pairing codes, device tokens, devices, stream tickets
//   sync-errors.ts     error codes → HTTP status, the error body, zod issue paths
//   sync-story-documents.ts  timeline notes and card files (issue 6)
//   canonical-json.ts  the canonical JSON the compare-and-swap compares
import { z } from 'zod';
import { MAX_FILE_BASE64, MAX_THUMB_BASE64 } from './files.js';
import {
	catalogWireSchema,
	categoryWireSchema,
	liveOrDeletedWireSchema,
	clientWireSchema,
	linkWireSchema,
	settingWireSchema,
	sourceWireSchema,
	visitWireSchema,
	type WireCatalogItem,
	type WireCategory,
	type WireClient,
	type WireLink,
	type WireSetting,
	type WireSource,
	type WireVisit
} from './sync-documents.js';
import { importBatchSchema, type ImportBatch } from './imports.js';
import { consentWireSchema, type WireConsent } from './consents.js';
import {
	fileWireSchema,
	noteWireSchema,
	type WireFile,
	type WireNote
} from './sync-story-documents.js';
import { staffSchema, type StaffMember } from './staff.js';

export * from './canonical-json.js';
export * from './sync-devices.js';
export * from './sync-documents.js';
export * from './sync-errors.js';
export * from './sync-story-documents.js';

export const SYNCED_COLLECTIONS = [
	'clients',
	'categories',
	'sources',
	'settings',
	'imports',
	'links',
	'visits',
	'catalog',
	'notes',
	'files',
	'consents',
	'staff'
] as const;
export type SyncedCollection = (typeof SYNCED_COLLECTIONS)[number];

export const MAX_PUSH_ROWS = 200;
export const MAX_PULL_LIMIT = 1000;
export const MAX_BODY_BYTES = 1_000_000;

/** `files` carry up to MAX_FILE_BYTES each: few per request, and a larger (bounded) body. A
 *  push row holds two versions (assumed and new), each at most one file plus its thumbnail. */
export const MAX_FILE_PUSH_ROWS = 2;
export const MAX_FILE_PULL_LIMIT = 5;
export const MAX_FILE_BODY_BYTES =
	MAX_FILE_PUSH_ROWS * 2 * (MAX_FILE_BASE64 + MAX_THUMB_BASE64) + 500_000;

/** A signed consent carries its signature strokes (≈ 20 KB at most): fewer rows per push keep
 *  two versions per row under MAX_BODY_BYTES. */
export const MAX_CONSENT_PUSH_ROWS = 20;

export function maxPushRowsOf(collection: SyncedCollection): number {
	if (collection === 'consents') return MAX_CONSENT_PUSH_ROWS;
	return collection === 'files' ? MAX_FILE_PUSH_ROWS : MAX_PUSH_ROWS;
}
export function maxPullLimitOf(collection: SyncedCollection): number {
	return collection === 'files' ? MAX_FILE_PULL_LIMIT : MAX_PULL_LIMIT;
}

/** The first sync of an empty device (src/lib/db/bootstrap.ts) pulls larger pages: fewer
 *  storage writes. The server serves up to this; a server older than it refuses a limit above
 *  MAX_PULL_LIMIT (400), and the device then falls back to MAX_PULL_LIMIT. */
export const MAX_BOOTSTRAP_PULL_LIMIT = 5000;
export function maxBootstrapPullLimitOf(collection: SyncedCollection): number {
	return collection === 'files' ? MAX_FILE_PULL_LIMIT : MAX_BOOTSTRAP_PULL_LIMIT;
}
export function maxBodyBytesOf(collection: SyncedCollection): number {
	return collection === 'files' ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES;
}

export function isSyncedCollection(name: string): name is SyncedCollection {
	return (SYNCED_COLLECTIONS as readonly string[]).includes(name);
}

export function primaryKeyOf(collection: SyncedCollection): 'id' | 'key' {
	return collection === 'settings' ? 'key' : 'id';
}

// ---------------------------------------------------------------------------------- documents

/** Import batches (src/lib/domain/imports.ts): kept whole when deleted, like config lists. */
export const importBatchWireSchema = liveOrDeletedWireSchema(importBatchSchema);
export type WireImportBatch = ImportBatch & { _deleted: boolean };

/** Staff members (staff.ts): never deleted by the app (deactivated); a tombstone keeps its shape.
 *  The PIN travels only as its salted hash (pin.ts). */
export const staffWireSchema = liveOrDeletedWireSchema(staffSchema);
export type WireStaffMember = StaffMember & { _deleted: boolean };

export interface WireDocOf {
	clients: WireClient;
	categories: WireCategory;
	sources: WireSource;
	settings: WireSetting;
	imports: WireImportBatch;
	links: WireLink;
	visits: WireVisit;
	catalog: WireCatalogItem;
	notes: WireNote;
	files: WireFile;
	consents: WireConsent;
	staff: WireStaffMember;
}
export type WireDoc = WireDocOf[SyncedCollection];

const DOCUMENT_SCHEMAS = {
	clients: clientWireSchema,
	categories: categoryWireSchema,
	sources: sourceWireSchema,
	settings: settingWireSchema,
	imports: importBatchWireSchema,
	links: linkWireSchema,
	visits: visitWireSchema,
	catalog: catalogWireSchema,
	notes: noteWireSchema,
	files: fileWireSchema,
	consents: consentWireSchema,
	staff: staffWireSchema
} as const;

export function documentSchemaFor<C extends SyncedCollection>(
	collection: C
): (typeof DOCUMENT_SCHEMAS)[C] {
	return DOCUMENT_SCHEMAS[collection];
}

// ------------------------------------------------------------------------------ pull and push

export const checkpointSchema = z
	.object({ seq: z.number().int().min(0) })
	.strict()
	.nullable();
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const pullRequestSchema = z
	.object({
		checkpoint: checkpointSchema,
		limit: z.number().int().min(1).max(MAX_BOOTSTRAP_PULL_LIMIT)
	})
	.strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** checkpoint = seq of the last document returned, else the request's ({seq: 0} for null). */
export function pullResponseSchemaFor(collection: SyncedCollection) {
	return z
		.object({
			documents: z.array(documentSchemaFor(collection)).max(MAX_BOOTSTRAP_PULL_LIMIT),
			checkpoint: z.object({ seq: z.number().int().min(0) }).strict()
		})
		.strict();
}
export interface PullResponse<D = WireDoc> {
	documents: D[];
	checkpoint: { seq: number };
}

export function pushRequestSchemaFor(collection: SyncedCollection) {
	const doc = documentSchemaFor(collection);
	const pk = primaryKeyOf(collection);
	const row = z
		.object({ assumedMasterState: doc.nullable(), newDocumentState: doc })
		.strict()
		.refine(
			(r) =>
				r.assumedMasterState === null ||
				(r.assumedMasterState as Record<string, unknown>)[pk] ===
					(r.newDocumentState as Record<string, unknown>)[pk],
			{ message: 'primaryKeyMismatch', path: ['assumedMasterState', pk] }
		);
	return z.object({ rows: z.array(row).min(1).max(maxPushRowsOf(collection)) }).strict();
}
export interface PushRow<D = WireDoc> {
	assumedMasterState: D | null;
	newDocumentState: D;
}
export interface PushRequest<D = WireDoc> {
	rows: PushRow<D>[];
}

/** The current master state of each conflicting row; empty when every row was accepted. */
export function pushResponseSchemaFor(collection: SyncedCollection) {
	return z.object({ conflicts: z.array(documentSchemaFor(collection)) }).strict();
}
export interface PushResponse<D = WireDoc> {
	conflicts: D[];
}

// ------------------------------------------------------------------------------------ stream

/** `data` of the SSE `change` event. */
export const changeEventSchema = z
	.object({ collections: z.array(z.enum(SYNCED_COLLECTIONS)), seq: z.number().int().min(0) })
	.strict();
export type ChangeEvent = z.infer<typeof changeEventSchema>;
