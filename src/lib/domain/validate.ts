// Validation of the client form. Errors are data ({ path, code, params }); the UI turns codes
// into text with issueMessageKey() and the `validation` message catalog.
import { clientFieldsSchema, type ClientFields, type Phone } from './client';
import { parseBirthDate } from './birthday';
import { checkFiscalCodeAgainst, validateFiscalCode } from './fiscal-code';
import { isMaskedText } from './masking';
import { isValidEmail, normalizeEmail, normalizePhone, phoneDigits } from './normalize';
import type { SalonSettings } from './settings';

export const VALIDATION_CODES = [
	'required',
	'nameRequired',
	'phone.invalid',
	'email.invalid',
	'birthDate.invalid',
	'birthDate.future',
	'fiscalCode.length',
	'fiscalCode.format',
	'fiscalCode.checkChar',
	'fiscalCode.birthDateMismatch',
	'fiscalCode.genderMismatch',
	'vat.invalid',
	'vat.checkDigit',
	'sdi.invalid',
	'pec.invalid',
	'date.invalid',
	'fidelity.expired',
	'blacklist.reasonRequired',
	'tooLong',
	'tooMany',
	'invalid'
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface FieldIssue {
	/** Dotted path into ClientFields, with array indices as typed: 'phones.0.raw', 'emails.1'. */
	path: string;
	code: string;
	params?: Record<string, string | number>;
}

export type ValidationResult =
	| { ok: true; value: ClientFields; warnings: FieldIssue[] }
	| { ok: false; errors: FieldIssue[]; warnings: FieldIssue[] };

export function issueMessageKey(issue: FieldIssue): string {
	return `validation.${issue.code}`;
}

/** Italian partita IVA: 11 digits, the last a Luhn-style check digit. */
export function isValidItalianVat(digits: string): boolean {
	if (!/^\d{11}$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < 10; i++) {
		let d = Number(digits[i]);
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return (10 - (sum % 10)) % 10 === Number(digits[10]);
}

/** Trimmed, without empty entries or repeats (first occurrence kept). */
function cleanList(items: readonly string[]): string[] {
	const out: string[] = [];
	for (const item of items) {
		const v = item.trim();
		if (v && !out.includes(v)) out.push(v);
	}
	return out;
}

function trimmed(input: ClientFields): ClientFields {
	const trimValues = <T extends Record<string, unknown>>(o: T): T =>
		Object.fromEntries(
			Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])
		) as T;
	return {
		...trimValues(input),
		address: { ...trimValues(input.address), country: input.address.country.trim().toUpperCase() },
		business: {
			company: input.business.company.trim(),
			vatNumber: input.business.vatNumber.replace(/\s+/g, '').toUpperCase(),
			pec: normalizeEmail(input.business.pec),
			sdiCode: input.business.sdiCode.trim().toUpperCase()
		},
		fiscalCode: input.fiscalCode.replace(/\s+/g, '').toUpperCase(),
		categoryIds: cleanList(input.categoryIds),
		tags: cleanList(input.tags),
		allergies: cleanList(input.allergies),
		contraindications: cleanList(input.contraindications),
		customFields: trimValues(input.customFields),
		// A cleared date or select arrives as '': store "not set".
		birthDate: input.birthDate?.trim() || null,
		fidelityCardExpiry: input.fidelityCardExpiry?.trim() || null,
		sourceId: input.sourceId?.trim() || null,
		referredById: input.referredById?.trim() || null
	};
}

export function validateClientFields(
	input: ClientFields,
	settings: Pick<SalonSettings, 'requiredFields' | 'defaultCountry'>,
	today: string
): ValidationResult {
	const errors: FieldIssue[] = [];
	const warnings: FieldIssue[] = [];
	const value = trimmed(input);
	const err = (path: string, code: ValidationCode, params?: FieldIssue['params']) =>
		errors.push(params ? { path, code, params } : { path, code });

	// Phones: E.164 from what was typed; repeats (same number, any spelling) dropped.
	const phones: Phone[] = [];
	input.phones.forEach((p, i) => {
		const raw = p.raw.trim();
		if (!raw && !p.e164) return;
		// A masked phone (a role without seeContacts) is kept as received: the server keeps the real one.
		if (isMaskedText(raw)) return void phones.push(p);
		const n = normalizePhone(raw || p.e164, settings.defaultCountry);
		if (!n.valid) err(`phones.${i}.raw`, 'phone.invalid');
		const key = n.e164 || phoneDigits(raw);
		if (!phones.some((q) => (q.e164 || phoneDigits(q.raw)) === key)) {
			phones.push({ e164: n.e164, raw: raw || p.e164, label: p.label });
		}
	});
	value.phones = phones;

	const emails: string[] = [];
	input.emails.forEach((e, i) => {
		if (isMaskedText(e)) return void emails.push(e);
		const email = normalizeEmail(e);
		if (!email) return;
		if (!isValidEmail(email)) err(`emails.${i}`, 'email.invalid');
		if (!emails.includes(email)) emails.push(email);
	});
	value.emails = emails;

	checkRequired(value, settings.requiredFields, err);

	if (value.birthDate !== null) {
		const b = parseBirthDate(value.birthDate);
		if (!b || (b.year !== null && b.year < 1900)) err('birthDate', 'birthDate.invalid');
		else if (b.year !== null && value.birthDate > today) err('birthDate', 'birthDate.future');
	}

	if (value.fiscalCode) {
		const fc = validateFiscalCode(value.fiscalCode);
		if (!fc.ok) err('fiscalCode', fc.code);
		else {
			value.fiscalCode = fc.normalized;
			for (const code of checkFiscalCodeAgainst(fc.normalized, value, today)) {
				warnings.push({ path: 'fiscalCode', code });
			}
		}
	}

	if (value.customerType === 'business') checkBusiness(value, err);

	if (value.fidelityCardExpiry !== null) {
		const d = parseBirthDate(value.fidelityCardExpiry);
		if (!d || d.year === null) err('fidelityCardExpiry', 'date.invalid');
		else if (value.fidelityCardExpiry < today) {
			warnings.push({ path: 'fidelityCardExpiry', code: 'fidelity.expired' });
		}
	}

	if (value.blacklisted && !value.blacklistReason) {
		err('blacklistReason', 'blacklist.reasonRequired');
	}

	// Last: length and count limits of the schema, reported once per path.
	const parsed = clientFieldsSchema.safeParse(value);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const path = issue.path.join('.');
			if (errors.some((e) => e.path === path)) continue;
			if (issue.code === 'too_big' && issue.origin !== 'number') {
				const max = Number(issue.maximum);
				err(path, issue.origin === 'array' ? 'tooMany' : 'tooLong', { max });
			} else err(path, 'invalid');
		}
	}

	return errors.length > 0
		? { ok: false, errors, warnings }
		: { ok: true, value: parsed.success ? parsed.data : value, warnings };
}

function checkRequired(
	value: ClientFields,
	required: readonly string[],
	err: (path: string, code: ValidationCode) => void
): void {
	const noName = !value.firstName && !value.lastName;
	if (noName) err('lastName', 'nameRequired');
	for (const field of required) {
		switch (field) {
			case 'firstName':
				if (!value.firstName) err('firstName', 'required');
				break;
			case 'lastName':
				// Already reported as nameRequired when both names are missing.
				if (!value.lastName && !noName) err('lastName', 'required');
				break;
			case 'gender':
				if (value.gender === 'unspecified') err('gender', 'required');
				break;
			case 'birthDate':
				if (value.birthDate === null) err('birthDate', 'required');
				break;
			case 'phones':
				if (value.phones.length === 0) err('phones', 'required');
				break;
			case 'emails':
				if (value.emails.length === 0) err('emails', 'required');
				break;
			case 'address':
				if (!value.address.street) err('address.street', 'required');
				if (!value.address.city) err('address.city', 'required');
				break;
			case 'fiscalCode':
				if (!value.fiscalCode) err('fiscalCode', 'required');
				break;
			case 'sourceId':
				if (value.sourceId === null) err('sourceId', 'required');
				break;
		}
	}
}

function checkBusiness(
	value: ClientFields,
	err: (path: string, code: ValidationCode) => void
): void {
	const b = value.business;
	if (!b.company) err('business.company', 'required');
	if (b.vatNumber) {
		const country = value.address.country;
		if (country === 'IT' || country === '') {
			const digits = b.vatNumber.replace(/^IT/, '');
			if (!/^\d{11}$/.test(digits)) err('business.vatNumber', 'vat.invalid');
			else if (!isValidItalianVat(digits)) err('business.vatNumber', 'vat.checkDigit');
			else b.vatNumber = digits;
		} else if (!/^[A-Z0-9.\-/]{2,30}$/.test(b.vatNumber)) {
			err('business.vatNumber', 'vat.invalid');
		}
	}
	// SDI recipient code: 7 letters or digits ("0000000" when the client has only a PEC).
	if (b.sdiCode && !/^[A-Z0-9]{7}$/.test(b.sdiCode)) err('business.sdiCode', 'sdi.invalid');
	if (b.pec && !isValidEmail(b.pec)) err('business.pec', 'pec.invalid');
}
