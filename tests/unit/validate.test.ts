import { describe, expect, it } from 'vitest';
import { emptyClientFields, type ClientFields } from '../../src/lib/domain/client';
import { fiscalCodeCheckChar } from '../../src/lib/domain/fiscal-code';
import { DEFAULT_SETTINGS } from '../../src/lib/domain/settings';
import {
	isValidItalianVat,
	issueMessageKey,
	validateClientFields,
	VALIDATION_CODES,
	type FieldIssue
} from '../../src/lib/domain/validate';
import { catalogs } from '../../src/lib/i18n/catalog';

const TODAY = '2026-11-24';
const settings = DEFAULT_SETTINGS;

function fields(overrides: Partial<ClientFields> = {}): ClientFields {
	return { ...emptyClientFields(), firstName: 'Maria', lastName: 'Rossi', ...overrides };
}

function run(overrides: Partial<ClientFields>, s: typeof settings = settings) {
	return validateClientFields(fields(overrides), s, TODAY);
}

function errorsOf(overrides: Partial<ClientFields>, s: typeof settings = settings): FieldIssue[] {
	const r = run(overrides, s);
	return r.ok ? [] : r.errors;
}

describe('validateClientFields', () => {
	it('accepts a minimal card and trims it', () => {
		const r = validateClientFields(
			fields({
				firstName: '  Maria ',
				lastName: ' Rossi',
				note: ' ciao ',
				tags: [' vip ', 'vip', '']
			}),
			settings,
			TODAY
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.firstName).toBe('Maria');
		expect(r.value.lastName).toBe('Rossi');
		expect(r.value.note).toBe('ciao');
		expect(r.value.tags).toEqual(['vip']);
		expect(r.warnings).toEqual([]);
	});

	it('normalises phones, fills E.164 and removes repeats', () => {
		const r = run({
			phones: [
				{ e164: '', raw: ' 333 123 4567 ', label: 'mobile' },
				{ e164: '', raw: '+39 333 1234567', label: 'home' },
				{ e164: '', raw: '', label: 'work' },
				{ e164: '', raw: '06 1234 5678', label: 'home' }
			]
		});
		expect(r.ok && r.value.phones).toEqual([
			{ e164: '+393331234567', raw: '333 123 4567', label: 'mobile' },
			{ e164: '+390612345678', raw: '06 1234 5678', label: 'home' }
		]);
	});

	it('phone.invalid at the index typed', () => {
		const errors = errorsOf({
			phones: [
				{ e164: '', raw: '333 123 4567', label: 'mobile' },
				{ e164: '', raw: 'abc', label: 'home' }
			]
		});
		expect(errors).toEqual([{ path: 'phones.1.raw', code: 'phone.invalid' }]);
	});

	it('normalises e-mails, removes repeats; email.invalid at the index typed', () => {
		const r = run({ emails: [' Maria@Example.IT', 'maria@example.it'] });
		expect(r.ok && r.value.emails).toEqual(['maria@example.it']);
		expect(errorsOf({ emails: ['ok@example.it', 'not-an-email'] })).toEqual([
			{ path: 'emails.1', code: 'email.invalid' }
		]);
	});

	it('nameRequired when both names are empty', () => {
		expect(errorsOf({ firstName: ' ', lastName: '' })).toEqual([
			{ path: 'lastName', code: 'nameRequired' },
			{ path: 'firstName', code: 'required' }
		]);
	});

	it('required fields come from the settings', () => {
		const strict = {
			...settings,
			requiredFields: [
				'firstName',
				'lastName',
				'phones',
				'emails',
				'birthDate',
				'gender',
				'address',
				'fiscalCode',
				'sourceId'
			] as typeof settings.requiredFields
		};
		expect(errorsOf({ lastName: '' }, strict).map((e) => `${e.path}:${e.code}`)).toEqual([
			'lastName:required',
			'phones:required',
			'emails:required',
			'birthDate:required',
			'gender:required',
			'address.street:required',
			'address.city:required',
			'fiscalCode:required',
			'sourceId:required'
		]);
		// Only a first name is fine when the owner does not require the surname.
		expect(run({ lastName: '' }, { ...settings, requiredFields: ['firstName'] }).ok).toBe(true);
	});

	it('birthDate.invalid and birthDate.future', () => {
		expect(errorsOf({ birthDate: '2023-02-29' })).toEqual([
			{ path: 'birthDate', code: 'birthDate.invalid' }
		]);
		expect(errorsOf({ birthDate: '1850-01-01' })).toEqual([
			{ path: 'birthDate', code: 'birthDate.invalid' }
		]);
		expect(errorsOf({ birthDate: '2026-11-25' })).toEqual([
			{ path: 'birthDate', code: 'birthDate.future' }
		]);
		expect(run({ birthDate: '--02-29' }).ok).toBe(true);
		expect(run({ birthDate: '2026-11-24' }).ok).toBe(true);
		const cleared = run({ birthDate: '' });
		expect(cleared.ok && cleared.value.birthDate).toBeNull();
	});

	it.each([
		['RSSMRA85T10A56', 'fiscalCode.length'],
		['RSSMRA85T10A5624', 'fiscalCode.format'],
		['RSSMRA85T10A562T', 'fiscalCode.checkChar']
	])('fiscal code %s → %s', (fiscalCode, code) => {
		expect(errorsOf({ fiscalCode })).toEqual([{ path: 'fiscalCode', code }]);
	});

	it('a valid fiscal code is normalised; disagreements are warnings only', () => {
		const r = run({ fiscalCode: 'rssmra85t10a562s', birthDate: '1986-12-10', gender: 'female' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.fiscalCode).toBe('RSSMRA85T10A562S');
		expect(r.warnings).toEqual([
			{ path: 'fiscalCode', code: 'fiscalCode.birthDateMismatch' },
			{ path: 'fiscalCode', code: 'fiscalCode.genderMismatch' }
		]);
	});

	describe('business clients', () => {
		const business = (b: Partial<ClientFields['business']>, country = '') =>
			errorsOf({
				customerType: 'business',
				address: { ...emptyClientFields().address, country },
				business: { company: 'Bellezza srl', vatNumber: '', pec: '', sdiCode: '', ...b }
			});

		it('partita IVA: 11 digits and check digit (IT or unknown country)', () => {
			expect(isValidItalianVat('12345678903')).toBe(true);
			expect(isValidItalianVat('00743110157')).toBe(true);
			expect(isValidItalianVat('12345678901')).toBe(false);
			expect(business({ vatNumber: 'IT 12345678903' })).toEqual([]);
			expect(business({ vatNumber: '1234567890' })).toEqual([
				{ path: 'business.vatNumber', code: 'vat.invalid' }
			]);
			expect(business({ vatNumber: '12345678901' })).toEqual([
				{ path: 'business.vatNumber', code: 'vat.checkDigit' }
			]);
			expect(business({ vatNumber: 'PT 501 964 843' }, 'PT')).toEqual([]);
			expect(business({ vatNumber: 'ab#c' }, 'BG')).toEqual([
				{ path: 'business.vatNumber', code: 'vat.invalid' }
			]);
		});

		it('sdi.invalid, pec.invalid and a required company', () => {
			expect(business({ sdiCode: 'abc1234' })).toEqual([]);
			expect(business({ sdiCode: '0000000' })).toEqual([]);
			expect(business({ sdiCode: 'ABC12' })).toEqual([
				{ path: 'business.sdiCode', code: 'sdi.invalid' }
			]);
			expect(business({ pec: 'fatture@pec.it' })).toEqual([]);
			expect(business({ pec: 'fatture at pec' })).toEqual([
				{ path: 'business.pec', code: 'pec.invalid' }
			]);
			expect(business({ company: ' ' })).toEqual([{ path: 'business.company', code: 'required' }]);
		});

		it('business fields are not checked for private clients', () => {
			expect(
				errorsOf({ business: { company: '', vatNumber: '123', pec: 'x', sdiCode: '' } })
			).toEqual([]);
		});
	});

	it('fidelity expiry: date.invalid, and fidelity.expired as a warning', () => {
		expect(errorsOf({ fidelityCardExpiry: '2026-02-30' })).toEqual([
			{ path: 'fidelityCardExpiry', code: 'date.invalid' }
		]);
		const expired = run({ fidelityCardNumber: 'FC1', fidelityCardExpiry: '2026-11-23' });
		expect(expired.ok && expired.warnings).toEqual([
			{ path: 'fidelityCardExpiry', code: 'fidelity.expired' }
		]);
		expect(run({ fidelityCardExpiry: '2026-11-24' }).warnings).toEqual([]);
	});

	it('blacklist.reasonRequired', () => {
		expect(errorsOf({ blacklisted: true, blacklistReason: '  ' })).toEqual([
			{ path: 'blacklistReason', code: 'blacklist.reasonRequired' }
		]);
		expect(run({ blacklisted: true, blacklistReason: 'Did not pay' }).ok).toBe(true);
	});

	it('tooLong and tooMany from the schema limits', () => {
		expect(errorsOf({ firstName: 'x'.repeat(101) })).toEqual([
			{ path: 'firstName', code: 'tooLong', params: { max: 100 } }
		]);
		expect(errorsOf({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })).toEqual([
			{ path: 'tags', code: 'tooMany', params: { max: 50 } }
		]);
	});

	it('invalid for values outside the schema', () => {
		const bad = { ...fields(), gender: 'other' } as unknown as ClientFields;
		const r = validateClientFields(bad, settings, TODAY);
		expect(r.ok ? [] : r.errors).toEqual([{ path: 'gender', code: 'invalid' }]);
	});

	it('a check character is computed the same way the validator checks it', () => {
		const body = 'BNCGLI90A41H501';
		expect(run({ fiscalCode: body + fiscalCodeCheckChar(body), gender: 'female' }).ok).toBe(true);
	});
});

describe('messages', () => {
	it('every code has text in every language', () => {
		for (const code of VALIDATION_CODES) {
			const key = issueMessageKey({ path: 'x', code });
			expect(key).toBe(`validation.${code}`);
			for (const locale of ['it', 'en', 'pt', 'bg'] as const) {
				const text = (catalogs[locale] as Record<string, string>)[key];
				expect(text, `${locale} ${key}`).toBeTruthy();
			}
		}
		expect(catalogs.it['validation.tooLong' as keyof typeof catalogs.it]).toContain('{max}');
	});
});
