// The visit form's validation: what was typed → VisitFields, or issues as codes (never text).
// Nothing typed is dropped: a field that cannot be read is an error, not a silent zero.
import { parseMoney } from './money.js';
import {
	localDateTime,
	MAX_MONEY,
	visitFieldsSchema,
	type VisitFields,
	type VisitLine,
	type VisitStatus
} from './visit.js';

export interface VisitFormInput {
	/** 'YYYY-MM-DD' and 'HH:mm' as the date and time inputs give them. */
	date: string;
	time: string;
	staffName: string;
	services: VisitLine[];
	products: VisitLine[];
	/** The amount paid as typed ('55', '55,00'). */
	amount: string;
	status: VisitStatus;
	note: string;
}

export type VisitFormField = 'date' | 'time' | 'staffName' | 'amount' | 'note' | 'services';
export interface VisitFormIssue {
	path: VisitFormField;
	code: 'required' | 'invalid' | 'tooLong' | 'tooMany' | 'tooLarge';
}

export type VisitFormResult =
	{ ok: true; value: VisitFields } | { ok: false; errors: VisitFormIssue[] };

export function validateVisitForm(
	input: VisitFormInput,
	base: Pick<VisitFields, 'clientId' | 'locationId'>
): VisitFormResult {
	const errors: VisitFormIssue[] = [];
	if (input.date.trim() === '') errors.push({ path: 'date', code: 'required' });
	if (input.time.trim() === '') errors.push({ path: 'time', code: 'required' });
	const at = `${input.date.trim()}T${input.time.trim()}`;
	if (errors.length === 0 && !localDateTime.safeParse(at).success) {
		errors.push({
			path: /^([01]\d|2[0-3]):[0-5]\d$/.test(input.time.trim()) ? 'date' : 'time',
			code: 'invalid'
		});
	}
	let amountPaid = 0;
	if (input.amount.trim() !== '') {
		const cents = parseMoney(input.amount);
		if (cents === null) errors.push({ path: 'amount', code: 'invalid' });
		else if (cents > MAX_MONEY) errors.push({ path: 'amount', code: 'tooLarge' });
		else amountPaid = cents;
	}
	if (input.staffName.length > 100) errors.push({ path: 'staffName', code: 'tooLong' });
	if (input.note.length > 5000) errors.push({ path: 'note', code: 'tooLong' });
	if (input.services.length + input.products.length > 60) {
		errors.push({ path: 'services', code: 'tooMany' });
	}
	if (errors.length > 0) return { ok: false, errors };
	const value: VisitFields = {
		clientId: base.clientId,
		kind: 'visit',
		at,
		staffName: input.staffName.trim(),
		services: input.services,
		products: input.products,
		amountPaid,
		status: input.status,
		note: input.note,
		delta: 0,
		locationId: base.locationId
	};
	const parsed = visitFieldsSchema.safeParse(value);
	if (!parsed.success) {
		const first = String(parsed.error.issues[0]?.path[0] ?? 'note');
		const path: VisitFormField =
			first === 'at' ? 'date' : first === 'products' ? 'services' : (first as VisitFormField);
		return { ok: false, errors: [{ path, code: 'invalid' }] };
	}
	return { ok: true, value: parsed.data };
}

/** The form's fields for an existing visit (edit) or a prefilled new one. */
export function visitToForm(fields: VisitFields, amountText: string): VisitFormInput {
	return {
		date: fields.at.slice(0, 10),
		time: fields.at.slice(11, 16),
		staffName: fields.staffName,
		services: fields.services.map((l) => ({ ...l })),
		products: fields.products.map((l) => ({ ...l })),
		amount: amountText,
		status: fields.status,
		note: fields.note
	};
}
