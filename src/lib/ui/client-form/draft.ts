// The editable shape of a client card. Most fields are edited as they are stored; the birth date
// is three inputs (day, month, optional year) and phones/e-mails are keyed rows, so the form
// keeps those apart and turns them back into ClientFields on validate and save.
import { emptyClientFields, type ClientFields, type Phone } from '$lib/domain/client';
import { parseBirthDate, toStoredBirthDate } from '$lib/domain/birthday';
import { normalizePhone } from '$lib/domain/normalize';

export interface PhoneRow {
	key: number;
	raw: string;
	label: Phone['label'];
	/** The stored number when the row came from the card; reused while `raw` is unchanged. */
	original: Phone | null;
}

export interface EmailRow {
	key: number;
	value: string;
}

export interface BirthParts {
	/** '' or '1'..'31' */
	day: string;
	/** '' or '1'..'12' */
	month: string;
	/** '' or a four-digit year as typed */
	year: string;
}

export interface ClientDraft {
	fields: ClientFields;
	birth: BirthParts;
	phones: PhoneRow[];
	emails: EmailRow[];
}

let nextKey = 1;
export const newKey = (): number => nextKey++;

export function newPhoneRow(raw = ''): PhoneRow {
	return { key: newKey(), raw, label: 'mobile', original: null };
}

export function newEmailRow(value = ''): EmailRow {
	return { key: newKey(), value };
}

export function draftFromFields(source: ClientFields): ClientDraft {
	// Callers pass plain data (a $state.snapshot or a stored card), which structuredClone accepts.
	const fields = structuredClone(source);
	const parsed = source.birthDate ? parseBirthDate(source.birthDate) : null;
	return {
		fields,
		birth: {
			day: parsed ? String(parsed.day) : '',
			month: parsed ? String(parsed.month) : '',
			year: parsed?.year ? String(parsed.year) : ''
		},
		phones: source.phones.length
			? source.phones.map((p) => ({
					key: newKey(),
					raw: p.raw || p.e164,
					label: p.label,
					original: p
				}))
			: [newPhoneRow()],
		emails: source.emails.length ? source.emails.map((e) => newEmailRow(e)) : [newEmailRow()]
	};
}

/** A new card, filled from `?firstName=&lastName=` or `?phone=` (the list's "Add client «…»"). */
export function draftFromQuery(params: URLSearchParams): ClientDraft {
	const fields = emptyClientFields();
	fields.firstName = (params.get('firstName') ?? '').trim();
	fields.lastName = (params.get('lastName') ?? '').trim();
	const draft = draftFromFields(fields);
	const phone = (params.get('phone') ?? '').trim();
	if (phone) draft.phones = [newPhoneRow(phone)];
	return draft;
}

export type BirthDateResult =
	| { ok: true; value: string | null }
	| { ok: false; code: 'birthDateIncomplete' | 'birthDateInvalid' };

export function birthDateFromParts(parts: BirthParts): BirthDateResult {
	const day = parts.day.trim();
	const month = parts.month.trim();
	const year = parts.year.trim();
	if (!day && !month && !year) return { ok: true, value: null };
	if (!day || !month) return { ok: false, code: 'birthDateIncomplete' };
	if (year && !/^\d{4}$/.test(year)) return { ok: false, code: 'birthDateInvalid' };
	const stored = toStoredBirthDate(Number(day), Number(month), year ? Number(year) : null);
	// parseBirthDate refuses 31 April, 29 February of a common year and year 0.
	return parseBirthDate(stored)
		? { ok: true, value: stored }
		: { ok: false, code: 'birthDateInvalid' };
}

/** The card as it would be saved. Empty phone/e-mail rows are dropped; phones are normalised. */
export function fieldsFromDraft(draft: ClientDraft, defaultCountry: string): ClientFields {
	const birth = birthDateFromParts(draft.birth);
	return {
		...draft.fields,
		birthDate: birth.ok ? birth.value : null,
		phones: draft.phones
			.filter((row) => row.raw.trim() !== '')
			.map((row) => {
				if (row.original && row.original.raw === row.raw)
					return { ...row.original, label: row.label };
				const normalized = normalizePhone(row.raw, defaultCountry);
				return { e164: normalized.e164, raw: row.raw.trim(), label: row.label };
			}),
		emails: draft.emails.map((row) => row.value.trim()).filter((value) => value !== '')
	};
}
