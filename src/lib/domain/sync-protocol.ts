// The sync wire protocol (issue 3): the bodies the app and the sync server exchange, as zod
// schemas both sides parse with. Shapes follow RxDB's replication plugin (pull by checkpoint,
// push rows of {assumedMasterState, newDocumentState}, conflicts back). Every object is strict
// and every string bounded, so a malformed or hostile body fails here with a path, before any
// storage is touched. sync-server/README.md documents the same protocol in prose.
import { z } from 'zod';
import {
	CLIENT_FIELDS,
	DELETED_CLOCK_KEY,
	clientObjectSchema,
	emptyClientFields,
	hasName,
	NAME_REQUIRED,
	type ClientField
} from './client.js';
import { isWellFormedLink, LINK_ID_RULE, linkObjectSchema } from './link-schema.js';
import { categorySchema, salonSettingsSchema, sourceSchema } from './settings.js';

export const SYNCED_COLLECTIONS = [
	'clients',
	'categories',
	'sources',
	'settings',
	'links'
] as const;
export type SyncedCollection = (typeof SYNCED_COLLECTIONS)[number];

export const MAX_PUSH_ROWS = 200;
export const MAX_PULL_LIMIT = 1000;
export const MAX_BODY_BYTES = 1_000_000;
/** Bounds of a settings value, the one free-form JSON on the wire. */
export const MAX_JSON_DEPTH = 8;
export const MAX_JSON_STRING = 10_000;

export function isSyncedCollection(name: string): name is SyncedCollection {
	return (SYNCED_COLLECTIONS as readonly string[]).includes(name);
}

export function primaryKeyOf(collection: SyncedCollection): 'id' | 'key' {
	return collection === 'settings' ? 'key' : 'id';
}

// ---------------------------------------------------------------------------------- documents

const live = z.literal(false);
const deleted = z.literal(true);

/** A tombstone keeps the merge metadata and no personal data: every field must be empty. */
const emptied = emptyClientFields();
const emptyFieldShape = {} as Record<ClientField, z.ZodType>;
for (const field of CLIENT_FIELDS) {
	const empty = canonicalJson(emptied[field]);
	emptyFieldShape[field] = z.custom<unknown>((v) => canonicalJson(v) === empty, {
		message: 'notEmpty'
	});
}

export const clientWireSchema = z.discriminatedUnion('_deleted', [
	clientObjectSchema
		.extend({ _deleted: live })
		.strict()
		// A card revived by an edit made after a concurrent delete keeps only what was written
		// after it (merge.ts): its name may be gone, and refusing it would wedge replication.
		.refine((c) => hasName(c) || c.clock[DELETED_CLOCK_KEY] !== undefined, NAME_REQUIRED),
	z
		.object({
			...emptyFieldShape,
			id: clientObjectSchema.shape.id,
			sortName: z.literal(''),
			createdAt: clientObjectSchema.shape.createdAt,
			createdBy: z.literal(''),
			updatedAt: clientObjectSchema.shape.updatedAt,
			clock: clientObjectSchema.shape.clock,
			_deleted: deleted
		})
		.strict()
]);

/** Any JSON value within MAX_JSON_DEPTH levels and MAX_JSON_STRING characters per string. */
function isBoundedJson(value: unknown, depth = 0): boolean {
	if (value === null || typeof value === 'boolean') return true;
	if (typeof value === 'number') return Number.isFinite(value);
	if (typeof value === 'string') return value.length <= MAX_JSON_STRING;
	if (typeof value !== 'object' || depth >= MAX_JSON_DEPTH) return false;
	const items = Array.isArray(value) ? value : Object.values(value as object);
	return items.every((v) => isBoundedJson(v, depth + 1));
}

const settingShape = {
	key: z.string().min(1).max(40),
	value: z.custom<unknown>((v) => v !== undefined && isBoundedJson(v), { message: 'jsonTooDeep' }),
	updatedAt: z.number().int().min(0)
};

/** A known key's value must be valid for that key; unknown keys (newer apps) pass bounded. */
function knownSettingValid(doc: { key: string; value: unknown }): boolean {
	const shape = salonSettingsSchema.shape as Record<string, z.ZodType>;
	const schema = Object.prototype.hasOwnProperty.call(shape, doc.key) ? shape[doc.key] : undefined;
	return schema === undefined || schema.safeParse(doc.value).success;
}
const settingValueRule = { message: 'invalidSettingValue', path: ['value'] };

export const settingWireSchema = z.discriminatedUnion('_deleted', [
	z
		.object({ ...settingShape, _deleted: live })
		.strict()
		.refine(knownSettingValid, settingValueRule),
	z.object({ ...settingShape, _deleted: deleted }).strict()
]);

export const categoryWireSchema = z.discriminatedUnion('_deleted', [
	categorySchema.extend({ _deleted: live }).strict(),
	categorySchema.extend({ _deleted: deleted }).strict()
]);

export const sourceWireSchema = z.discriminatedUnion('_deleted', [
	sourceSchema.extend({ _deleted: live }).strict(),
	sourceSchema.extend({ _deleted: deleted }).strict()
]);

/** Duplicate merges (links.ts). Never deleted in practice (an undo is a newer version). */
export const linkWireSchema = linkObjectSchema
	.extend({ _deleted: z.boolean() })
	.strict()
	.refine(isWellFormedLink, LINK_ID_RULE);

export type WireClient = z.infer<typeof clientWireSchema>;
export type WireCategory = z.infer<typeof categoryWireSchema>;
export type WireSource = z.infer<typeof sourceWireSchema>;
export type WireSetting = z.infer<typeof settingWireSchema>;
export type WireLink = z.infer<typeof linkWireSchema>;
export interface WireDocOf {
	clients: WireClient;
	categories: WireCategory;
	sources: WireSource;
	settings: WireSetting;
	links: WireLink;
}
export type WireDoc = WireDocOf[SyncedCollection];

const DOCUMENT_SCHEMAS = {
	clients: clientWireSchema,
	categories: categoryWireSchema,
	sources: sourceWireSchema,
	settings: settingWireSchema,
	links: linkWireSchema
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
	.object({ checkpoint: checkpointSchema, limit: z.number().int().min(1).max(MAX_PULL_LIMIT) })
	.strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** checkpoint = seq of the last document returned, else the request's ({seq: 0} for null). */
export function pullResponseSchemaFor(collection: SyncedCollection) {
	return z
		.object({
			documents: z.array(documentSchemaFor(collection)).max(MAX_PULL_LIMIT),
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
	return z.object({ rows: z.array(row).min(1).max(MAX_PUSH_ROWS) }).strict();
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

// -------------------------------------------------------------------------- pairing, devices

/** Crockford base32 without the ambiguous I, L, O, U. */
export const PAIRING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 'XXXX-XXXXXX': 4 characters name the code, 6 are its secret. */
export const PAIRING_CODE_RE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}$/;

/** What a person types or a QR carries → the canonical code: upper case, Crockford's
 *  look-alikes read as digits (O → 0, I/L → 1), spaces dropped, the dash put back. */
export function normalizePairingCode(input: string): string {
	const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	return chars.length === 10 ? `${chars.slice(0, 4)}-${chars.slice(4)}` : chars;
}

const deviceName = z.string().trim().min(1).max(100);
const idText = z.string().min(1).max(64);
const role = z.enum(['owner', 'staff']);

export const createSalonRequestSchema = z
	.object({ salonName: z.string().trim().min(1).max(200), deviceName })
	.strict();
export type CreateSalonRequest = z.infer<typeof createSalonRequestSchema>;

/** Answer to create-salon (role 'owner') and to pair (role 'staff'). */
export const deviceTokenResponseSchema = z
	.object({ salonId: idText, deviceId: idText, token: z.string().min(1).max(200), role })
	.strict();
export type DeviceTokenResponse = z.infer<typeof deviceTokenResponseSchema>;
export const createSalonResponseSchema = deviceTokenResponseSchema;
export const pairResponseSchema = deviceTokenResponseSchema;

export const pairingCodeResponseSchema = z
	.object({ code: z.string().regex(PAIRING_CODE_RE), expiresAt: z.number().int().min(0) })
	.strict();
export type PairingCodeResponse = z.infer<typeof pairingCodeResponseSchema>;

export const pairRequestSchema = z
	.object({
		code: z
			.string()
			.max(40)
			.transform(normalizePairingCode)
			.pipe(z.string().regex(PAIRING_CODE_RE)),
		deviceName
	})
	.strict();
export type PairRequest = z.infer<typeof pairRequestSchema>;

export const deviceSchema = z
	.object({
		id: idText,
		name: z.string().max(100),
		role,
		createdAt: z.number().int().min(0),
		lastSeenAt: z.number().int().min(0).nullable(),
		revokedAt: z.number().int().min(0).nullable(),
		locationId: idText.nullable()
	})
	.strict();
export type Device = z.infer<typeof deviceSchema>;
export const devicesResponseSchema = z.object({ devices: z.array(deviceSchema) }).strict();

export const streamTicketResponseSchema = z
	.object({ ticket: z.string().min(1).max(200), expiresAt: z.number().int().min(0) })
	.strict();
export type StreamTicketResponse = z.infer<typeof streamTicketResponseSchema>;

/** `data` of the SSE `change` event. */
export const changeEventSchema = z
	.object({ collections: z.array(z.enum(SYNCED_COLLECTIONS)), seq: z.number().int().min(0) })
	.strict();
export type ChangeEvent = z.infer<typeof changeEventSchema>;

// --------------------------------------------------------------------------------------- errors

/** Every error code → its HTTP status. */
export const ERROR_STATUS = {
	bad_request: 400,
	clock_in_future: 400,
	pairing_code_invalid: 400,
	unauthorized: 401,
	device_revoked: 401,
	forbidden: 403,
	salon_exists: 403,
	signup_closed: 403,
	not_found: 404,
	erased: 409,
	pairing_code_expired: 410,
	body_too_large: 413,
	rate_limited: 429,
	/** Never a stack trace: an unexpected failure answers this and logs the rest. */
	internal: 500
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export const errorBodySchema = z
	.object({
		error: z
			.object({
				code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
				message: z.string(),
				path: z.string().optional()
			})
			.strict()
	})
	.strict();
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The dotted path of a zod issue; an unknown key is named in the path ('rows.0.extra'). */
export function issuePath(issue: z.core.$ZodIssue): string {
	const path = issue.path.map(String);
	if (issue.code === 'unrecognized_keys' && issue.keys.length > 0)
		path.push(issue.keys[0] as string);
	return path.join('.');
}

/** The 400 body for a zod failure: the first issue's path and message. */
export function badRequestBody(error: z.ZodError): ErrorBody {
	const first = error.issues[0];
	return {
		error: {
			code: 'bad_request',
			message: first ? first.message : 'Invalid body',
			...(first ? { path: issuePath(first) } : {})
		}
	};
}

// ------------------------------------------------------------------------------ canonical JSON

/**
 * JSON with object keys sorted at every level, so two equal documents give one string whatever
 * order their keys were written in. Keys whose value is undefined are left out, as JSON.stringify
 * does. The server's compare-and-swap compares these strings.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
	const obj = value as Record<string, unknown>;
	const parts: string[] = [];
	for (const key of Object.keys(obj).sort()) {
		if (obj[key] === undefined) continue;
		parts.push(`${JSON.stringify(key)}:${canonicalJson(obj[key])}`);
	}
	return `{${parts.join(',')}}`;
}
