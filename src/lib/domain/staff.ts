// Staff members (issue 7): who works in the salon, with a role (built-in or custom,
// permissions.ts), an optional location of the chain and a PIN (pin.ts) to sign in on a shared
// device. Synced as the `staff` collection. A staff member is never deleted, only deactivated:
// their id stays the author of what they wrote.
//
// Merge: per-field last-writer-wins by `clock[field]`, like visits. The three PIN fields move
// together under one clock key ('pin'): a hash with another write's salt would match nothing.
import { z } from 'zod';
import { compareHlc, maxHlc, type Hlc } from './hlc.js';
import { canonicalJson } from './canonical-json.js';
import { isBuiltInRole, roleIdSchema, type RoleId } from './permissions.js';

const id = z.string().min(1).max(40);

/** The fields a person edits, each with its clock entry (the PIN fields share 'pin'). */
export const staffFieldsSchema = z.object({
	name: z.string().min(1).max(100),
	role: roleIdSchema,
	/** base64 PBKDF2-SHA256 of the PIN ('' = no PIN: cannot sign in). */
	pinHash: z.string().max(64),
	pinSalt: z.string().max(64),
	pinIterations: z.number().int().min(0).max(10_000_000),
	/** The chain location they work at; null = any location. */
	locationId: z.string().max(40).nullable(),
	active: z.boolean()
});
export type StaffFields = z.infer<typeof staffFieldsSchema>;
export type StaffField = keyof StaffFields;
export const STAFF_FIELDS = Object.keys(staffFieldsSchema.shape) as StaffField[];

export const staffSchema = staffFieldsSchema
	.extend({
		id,
		createdAt: z.number().int().min(0),
		updatedAt: z.number().int().min(0),
		/** Staff id of whoever made the latest write ('' when nobody was signed in). */
		editedBy: z.string().max(40),
		clock: z.record(z.string().max(64), z.string().max(64))
	})
	.strict();
export type StaffMember = z.infer<typeof staffSchema>;
export type StaffDoc = StaffMember & { _deleted?: boolean };

const PIN_FIELDS: readonly StaffField[] = ['pinHash', 'pinSalt', 'pinIterations'];

/** The clock key of a field: the PIN fields share one. */
export function staffClockKey(field: StaffField): string {
	return PIN_FIELDS.includes(field) ? 'pin' : field;
}

/** What the staff form sends: name, role, location, and a new PIN or none (keep the old one). */
export const staffInputSchema = z
	.object({
		name: z.string().trim().min(1).max(100),
		role: roleIdSchema,
		locationId: z.string().max(40).nullable(),
		active: z.boolean()
	})
	.strict();
export type StaffInput = z.infer<typeof staffInputSchema>;

function pick(va: unknown, vb: unknown, ha: Hlc | undefined, hb: Hlc | undefined): 'a' | 'b' {
	const byClock = compareHlc(ha ?? '', hb ?? '');
	if (byClock !== 0) return byClock > 0 ? 'a' : 'b';
	return canonicalJson(va) >= canonicalJson(vb) ? 'a' : 'b';
}

function lastWrite(clock: Record<string, Hlc>): Hlc {
	let max = '';
	for (const hlc of Object.values(clock)) if (compareHlc(hlc, max) > 0) max = hlc;
	return max;
}

/** The join of two versions of a staff member (commutative, associative, idempotent). */
export function mergeStaff(a: StaffDoc, b: StaffDoc): StaffMember & { _deleted: boolean } {
	const fields: Record<string, unknown> = {};
	for (const field of STAFF_FIELDS) {
		if (PIN_FIELDS.includes(field)) continue;
		const side = pick(a[field], b[field], a.clock[field], b.clock[field]);
		fields[field] = (side === 'a' ? a : b)[field];
	}
	const pinA = PIN_FIELDS.map((f) => a[f]);
	const pinB = PIN_FIELDS.map((f) => b[f]);
	const pinSide = pick(pinA, pinB, a.clock.pin, b.clock.pin) === 'a' ? a : b;
	for (const field of PIN_FIELDS) fields[field] = pinSide[field];
	const clock: Record<string, Hlc> = {};
	for (const key of [...new Set([...Object.keys(a.clock), ...Object.keys(b.clock)])].sort()) {
		clock[key] = maxHlc(a.clock[key], b.clock[key]) as Hlc;
	}
	// Who wrote last: the author of the version with the latest stamp (a max over a pair).
	const editor = pick(a.editedBy, b.editedBy, lastWrite(a.clock), lastWrite(b.clock));
	return {
		...(fields as StaffFields),
		id: a.id,
		createdAt: Math.min(a.createdAt, b.createdAt),
		updatedAt: Math.max(a.updatedAt, b.updatedAt),
		editedBy: editor === 'a' ? a.editedBy : b.editedBy,
		clock,
		_deleted: Boolean(a._deleted) || Boolean(b._deleted)
	};
}

/** Whether a staff member can sign in: active and with a PIN. */
export function canSignIn(member: Pick<StaffMember, 'active' | 'pinHash'>): boolean {
	return member.active && member.pinHash !== '';
}

/**
 * The lock screen's list: who can sign in, by name; staff of another location than the device's
 * last (they may be covering a shift here), so the device's own team comes first.
 */
export function lockScreenOrder(
	members: readonly StaffMember[],
	deviceLocationId: string | null
): StaffMember[] {
	const away = (m: StaffMember) =>
		deviceLocationId !== null && m.locationId !== null && m.locationId !== deviceLocationId ? 1 : 0;
	return members
		.filter(canSignIn)
		.sort((x, y) => away(x) - away(y) || x.name.localeCompare(y.name) || (x.id < y.id ? -1 : 1));
}

/** A role a staff member may be given: built in, or one of the salon's custom roles. */
export function isKnownRole(role: RoleId, customRoleIds: readonly string[]): boolean {
	return isBuiltInRole(role) || customRoleIds.includes(role);
}

/** The clock after writing `next` over `previous` (null: a new member): every changed field,
 *  or every field of a new member, gets `hlc`. */
export function stampStaff(
	previous: StaffMember | null,
	next: StaffFields,
	hlc: Hlc
): Record<string, Hlc> {
	const clock: Record<string, Hlc> = { ...(previous?.clock ?? {}) };
	for (const field of STAFF_FIELDS) {
		if (previous === null || canonicalJson(previous[field]) !== canonicalJson(next[field])) {
			clock[staffClockKey(field)] = hlc;
		}
	}
	return clock;
}
