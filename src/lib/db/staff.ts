// The staff repository (issue 7): members of the salon's team, synced as `staff`. Writes are
// validated with zod and stamped per changed field like visits (staff.ts › stampStaff); a PIN
// arrives here already hashed (pin.ts), so nothing below ever sees it in clear.
import { map, type Observable } from 'rxjs';
import type { RxDocumentData } from 'rxdb';
import { newId } from '$lib/domain/ids';
import type { PinHash } from '$lib/domain/pin';
import {
	STAFF_FIELDS,
	staffInputSchema,
	staffSchema,
	stampStaff,
	type StaffFields,
	type StaffInput,
	type StaffMember
} from '$lib/domain/staff';
import type { WriteContext } from './clients';
import { plain } from './config-helpers';
import type { SchedarioDatabase } from './database';
import { NotFoundError, parseOrThrow } from './errors';
import type { StaffDocType } from './schemas/staff.schema';

export function toStaffMember(data: RxDocumentData<StaffDocType> | StaffDocType): StaffMember {
	return plain(data as StaffDocType) as StaffMember;
}

function fieldsOf(member: StaffMember): StaffFields {
	const fields: Record<string, unknown> = {};
	for (const field of STAFF_FIELDS) fields[field] = member[field];
	return fields as StaffFields;
}

export async function add(
	db: SchedarioDatabase,
	input: StaffInput,
	pin: PinHash,
	ctx: WriteContext
): Promise<StaffMember> {
	const valid = parseOrThrow(staffInputSchema, input, 'staff');
	const now = Date.now();
	const fields: StaffFields = { ...valid, ...pin };
	const member = parseOrThrow(
		staffSchema,
		{
			...fields,
			id: newId(now),
			createdAt: now,
			updatedAt: now,
			editedBy: ctx.author,
			clock: stampStaff(null, fields, ctx.clock.tick())
		},
		'staff'
	);
	await db.staff.insert(member as StaffDocType);
	return member;
}

/** Writes `patch` (form fields and/or a new PIN hash) over the freshest stored version; only
 *  changed fields get a stamp, and nothing is written when nothing changes. */
export async function update(
	db: SchedarioDatabase,
	id: string,
	patch: Partial<StaffInput> & Partial<PinHash>,
	ctx: WriteContext
): Promise<StaffMember> {
	const doc = await db.staff.findOne(id).exec();
	if (!doc) throw new NotFoundError('staff', id);
	const stored = toStaffMember(doc.toMutableJSON());
	const { pinHash, pinSalt, pinIterations, ...form } = patch;
	const input = parseOrThrow(staffInputSchema, { ...pick(stored), ...form }, 'staff');
	const pin = pinHash === undefined ? {} : { pinHash, pinSalt, pinIterations };
	// Validates the whole result before the write queue is involved.
	parseOrThrow(staffSchema, { ...stored, ...input, ...pin }, 'staff');
	let written = stored;
	await doc.incrementalModify((data) => {
		const current = toStaffMember(data);
		const next = { ...fieldsOf(current), ...input, ...pin } as StaffFields;
		const clock = stampStaffIfChanged(current, next, ctx);
		if (clock === null) return data;
		written = parseOrThrow(
			staffSchema,
			{
				...current,
				...next,
				updatedAt: Math.max(Date.now(), current.updatedAt),
				editedBy: ctx.author,
				clock
			},
			'staff'
		);
		return { ...data, ...written };
	});
	return written;
}

function pick(member: StaffMember): StaffInput {
	return {
		name: member.name,
		role: member.role,
		locationId: member.locationId,
		active: member.active
	};
}

function stampStaffIfChanged(
	current: StaffMember,
	next: StaffFields,
	ctx: WriteContext
): Record<string, string> | null {
	const changed = STAFF_FIELDS.some((f) => JSON.stringify(current[f]) !== JSON.stringify(next[f]));
	return changed ? stampStaff(current, next, ctx.clock.tick()) : null;
}

export async function list(db: SchedarioDatabase): Promise<StaffMember[]> {
	const docs = await db.staff.find().exec();
	return docs.map((d) => toStaffMember(d.toMutableJSON()));
}

/** Every staff member (active or not), live from any source (this tab, other tabs, sync). */
export function list$(db: SchedarioDatabase): Observable<StaffMember[]> {
	return db.staff.find().$.pipe(map((docs) => docs.map((d) => toStaffMember(d.toMutableJSON()))));
}
