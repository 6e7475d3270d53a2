// The `links` document (DESIGN.md › Duplicates) as zod, apart from links.ts so the wire protocol
// can import it without an import cycle (links.ts needs sync-protocol's canonicalJson).
import { z } from 'zod';
import { CLIENT_FIELDS, SET_FIELDS, clientFieldsSchema, type ClientField } from './client.js';

export const LINK_KINDS = ['merge', 'distinct'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The scalar fields a merge view can choose or edit; sets are always unioned. */
export const SCALAR_FIELDS = CLIENT_FIELDS.filter(
	(f) => !(SET_FIELDS as readonly string[]).includes(f)
) as Exclude<ClientField, (typeof SET_FIELDS)[number]>[];
export type ScalarField = (typeof SCALAR_FIELDS)[number];

const scalarShape = Object.fromEntries(
	SCALAR_FIELDS.map((f) => [f, clientFieldsSchema.shape[f]])
) as { [F in ScalarField]: (typeof clientFieldsSchema.shape)[F] };

/** Values chosen in the merge view that differ from the automatic result. */
export const mergeChoicesSchema = z.object(scalarShape).partial().strict();
export type MergeChoices = z.infer<typeof mergeChoicesSchema>;

const cardId = z.string().min(1).max(40);
export const LINK_ID_MAX = 81;

export const linkObjectSchema = z
	.object({
		/** `${a}~${b}`: one document per pair, whichever device writes it. */
		id: z.string().min(3).max(LINK_ID_MAX),
		/** The two cards, a < b. */
		a: cardId,
		b: cardId,
		kind: z.enum(LINK_KINDS),
		/** A merge taken back. Undoing writes a newer stamp, so the undo wins everywhere. */
		undone: z.boolean(),
		/** Device that wrote this version, and who was using it ('' until staff accounts). */
		by: z.string().max(64),
		staff: z.string().max(100),
		/** Wall time of this version (ms), for display. */
		at: z.number().int().min(0),
		/** `state`: the HLC of this version; the larger stamp wins a conflict. */
		clock: z.object({ state: z.string().min(1).max(64) }).strict(),
		/** 'auto' when merged by the duplicate check, else 'manual'. */
		origin: z.enum(['auto', 'manual']),
		choices: mergeChoicesSchema
	})
	.strict();

/** The pair is ordered and the id is the pair's. */
export const isWellFormedLink = (l: { id: string; a: string; b: string }): boolean =>
	l.a < l.b && l.id === linkIdOf(l.a, l.b);
export const LINK_ID_RULE = { message: 'linkId', path: ['id'] };

export const linkSchema = linkObjectSchema.refine(isWellFormedLink, LINK_ID_RULE);
export type Link = z.infer<typeof linkSchema>;

export function linkIdOf(x: string, y: string): string {
	return x < y ? `${x}~${y}` : `${y}~${x}`;
}
