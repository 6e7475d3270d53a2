// The field history of a card (issue 7): the sync server records, with every accepted revision,
// the old and new value of each changed field and the staff member behind the write; the card's
// History tab reads them back through `GET …/clients/:clientId/history`. Values of fields the
// asking device's role may not see are masked by the server before they leave it.
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';
import { emptyClientFields } from './client.js';
import { maskClient, restrictedFields } from './masking.js';
import type { Permission } from './permissions.js';

/** One field's change. `omitted`: a value too large to keep in the log (a photo's bytes). */
export interface FieldChange {
	old: unknown;
	new: unknown;
	omitted?: true;
}
export type FieldChanges = Record<string, FieldChange>;

/** Past this many characters of JSON a value is not kept, only the fact that it changed. */
export const MAX_CHANGE_VALUE_CHARS = 4000;

/** Merge bookkeeping that changes with the fields it tracks: its values would repeat them. */
const NOT_LOGGED = new Set(['sets']);

function record(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** The old and new values of `fields` (the top-level fields that changed) between two states. */
export function fieldChanges(
	prev: unknown | null,
	next: unknown,
	fields: readonly string[]
): FieldChanges {
	const a = record(prev);
	const b = record(next);
	const out: FieldChanges = {};
	for (const field of fields) {
		if (NOT_LOGGED.has(field)) continue;
		const before = a[field] ?? null;
		const after = b[field] ?? null;
		const isTooLarge =
			canonicalJson(before).length > MAX_CHANGE_VALUE_CHARS ||
			canonicalJson(after).length > MAX_CHANGE_VALUE_CHARS;
		out[field] = isTooLarge ? { old: null, new: null, omitted: true } : { old: before, new: after };
	}
	return out;
}

export const historyChangeSchema = z
	.object({
		field: z.string(),
		old: z.unknown(),
		new: z.unknown(),
		/** The value was too large to log. */
		omitted: z.boolean(),
		/** The asking device's role may not see this field: old and new are masked. */
		masked: z.boolean()
	})
	.strict();
export type HistoryChange = z.infer<typeof historyChangeSchema>;

export const historyEntrySchema = z
	.object({
		seq: z.number().int().positive(),
		/** The card the revision was written to: the asked card or one merged into it. */
		clientId: z.string(),
		at: z.number().int().nonnegative(),
		deviceId: z.string(),
		/** null: a device the server no longer knows. */
		deviceName: z.string().nullable(),
		staffId: z.string().nullable(),
		/** The revision created the card. */
		created: z.boolean(),
		deleted: z.boolean(),
		changes: z.array(historyChangeSchema)
	})
	.strict();
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyResponseSchema = z.object({ entries: z.array(historyEntrySchema) }).strict();
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

/** `?merged=<id>&merged=<id>`: cards merged into the asked one whose history to include. */
export const MAX_HISTORY_MERGED = 50;

/** Bookkeeping of a card that a person did not type: not listed as a change. */
const NOT_SHOWN = new Set(['id', 'createdAt', 'createdBy', 'editedBy', 'updatedAt', 'sortName']);

/** The value a holder of `perms` may see of `field`: masked like the card itself (masking.ts). */
function maskedValue(field: string, value: unknown, perms: ReadonlySet<Permission>): unknown {
	if (value === null) return null;
	const card = { ...emptyClientFields(), [field]: value };
	return (maskClient(card, perms) as Record<string, unknown>)[field];
}

/** A card revision's logged changes as a holder of `perms` may read them, sorted by field. */
export function visibleChanges(
	changes: FieldChanges,
	perms: ReadonlySet<Permission>
): HistoryChange[] {
	const restricted = new Set<string>(restrictedFields(perms));
	return Object.entries(changes)
		.filter(([field]) => !NOT_SHOWN.has(field))
		.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
		.map(([field, change]) => {
			const masked = restricted.has(field);
			return {
				field,
				old: masked ? maskedValue(field, change.old, perms) : change.old,
				new: masked ? maskedValue(field, change.new, perms) : change.new,
				omitted: change.omitted === true,
				masked
			};
		});
}
