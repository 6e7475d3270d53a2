// Sync protocol, documents: the wire shape of each synced document, live or tombstone. Every
// object is strict and every string bounded, so a malformed or hostile document fails here with
// a path, before any storage is touched.
import { z } from 'zod';
import { isWellFormedLink, LINK_ID_RULE, linkObjectSchema } from './link-schema.js';
import { canonicalJson } from './canonical-json.js';
import {
	CLIENT_FIELDS,
	DELETED_CLOCK_KEY,
	clientObjectSchema,
	emptyClientFields,
	hasName,
	NAME_REQUIRED,
	type ClientField,
	type SetsMeta
} from './client.js';
import { ERASED_CLOCK_KEY } from './erasure.js';
import { categorySchema, salonSettingsSchema, sourceSchema } from './settings.js';
import { catalogItemSchema } from './catalog.js';
import { visitSchema } from './visit.js';

/** Bounds of a settings value, the one free-form JSON on the wire. */
export const MAX_JSON_DEPTH = 8;
export const MAX_JSON_STRING = 10_000;

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

/**
 * The client card's wire schema with its clock and set-metadata schemas given: the real ones
 * below; the bootstrap's fast check (client-wire-check.ts) passes ones that accept anything,
 * after checking those fields by hand.
 */
export function clientWireSchemaWith(
	clock: z.ZodType<Record<string, string>>,
	sets: z.ZodOptional<z.ZodType<SetsMeta>>
) {
	return z.discriminatedUnion('_deleted', [
		clientObjectSchema
			.extend({ clock, sets, _deleted: live })
			.strict()
			// A card revived by an edit made after a concurrent delete keeps only what was written
			// after it (merge.ts): its name may be gone, and refusing it would wedge replication.
			.refine((c) => hasName(c) || c.clock[DELETED_CLOCK_KEY] !== undefined, NAME_REQUIRED)
			// Only the server erases, and an erased card is a tombstone (erasure.ts, merge rule 5).
			.refine((c) => !Object.hasOwn(c.clock, ERASED_CLOCK_KEY), {
				message: 'erasedLive',
				path: ['clock', ERASED_CLOCK_KEY]
			}),
		z
			.object({
				...emptyFieldShape,
				id: clientObjectSchema.shape.id,
				sortName: z.literal(''),
				createdAt: clientObjectSchema.shape.createdAt,
				// Who created and who deleted it: staff ids (older cards: a typed staff name), not
				// the client's data; the merge keeps the creator across a delete (merge.ts).
				createdBy: clientObjectSchema.shape.createdBy,
				editedBy: clientObjectSchema.shape.editedBy,
				updatedAt: clientObjectSchema.shape.updatedAt,
				clock,
				_deleted: deleted
			})
			.strict()
	]);
}

export const clientWireSchema = clientWireSchemaWith(
	clientObjectSchema.shape.clock,
	clientObjectSchema.shape.sets
);

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

/**
 * The wire schema of a document whose tombstone keeps its fields (configuration lists, …): the
 * object schema with `_deleted` false or true, strict either way. Reuse it for a new collection.
 */
export function liveOrDeletedWireSchema<S extends z.ZodObject>(schema: S) {
	return z.discriminatedUnion('_deleted', [
		schema.extend({ _deleted: live }).strict(),
		schema.extend({ _deleted: deleted }).strict()
	]);
}

export const categoryWireSchema = liveOrDeletedWireSchema(categorySchema);
export const sourceWireSchema = liveOrDeletedWireSchema(sourceSchema);
/** Visits and movements are never deleted from the app; a tombstone has the same shape. */
export const visitWireSchema = liveOrDeletedWireSchema(visitSchema);
export const catalogWireSchema = liveOrDeletedWireSchema(catalogItemSchema);

export type WireClient = z.infer<typeof clientWireSchema>;
export type WireCategory = z.infer<typeof categoryWireSchema>;
export type WireSource = z.infer<typeof sourceWireSchema>;
export type WireSetting = z.infer<typeof settingWireSchema>;
export type WireVisit = z.infer<typeof visitWireSchema>;
export type WireCatalogItem = z.infer<typeof catalogWireSchema>;

/** Duplicate merges (links.ts). Never deleted in practice (an undo is a newer version). */
export const linkWireSchema = linkObjectSchema
	.extend({ _deleted: z.boolean() })
	.strict()
	.refine(isWellFormedLink, LINK_ID_RULE);
export type WireLink = z.infer<typeof linkWireSchema>;
