import { describe, expect, it } from 'vitest';
import { emptyClientFields } from '$lib/domain/client';
import { validateClientFields } from '$lib/domain/validate';
import { DEFAULT_SETTINGS } from '$lib/domain/settings';
import {
	birthDateFromParts,
	draftFromFields,
	draftFromQuery,
	fieldsFromDraft,
	newPhoneRow
} from '$lib/ui/client-form/draft';
import { formKey, keyIssues, savedRowIndices } from '$lib/ui/client-form/issue-keys';
import { nameProblem } from '$lib/ui/settings/save';

describe('birth date parts', () => {
	it('is empty when nothing is chosen', () => {
		expect(birthDateFromParts({ day: '', month: '', year: '' })).toEqual({ ok: true, value: null });
	});
	it('stores day and month without a year as --MM-DD', () => {
		expect(birthDateFromParts({ day: '7', month: '3', year: '' })).toEqual({
			ok: true,
			value: '--03-07'
		});
	});
	it('stores a full date', () => {
		expect(birthDateFromParts({ day: '29', month: '2', year: '2000' })).toEqual({
			ok: true,
			value: '2000-02-29'
		});
	});
	it('refuses half a date and dates that do not exist', () => {
		expect(birthDateFromParts({ day: '7', month: '', year: '' })).toEqual({
			ok: false,
			code: 'birthDateIncomplete'
		});
		expect(birthDateFromParts({ day: '', month: '', year: '1990' })).toEqual({
			ok: false,
			code: 'birthDateIncomplete'
		});
		expect(birthDateFromParts({ day: '31', month: '4', year: '' })).toMatchObject({ ok: false });
		expect(birthDateFromParts({ day: '29', month: '2', year: '2001' })).toMatchObject({
			ok: false,
			code: 'birthDateInvalid'
		});
		expect(birthDateFromParts({ day: '1', month: '1', year: '90' })).toMatchObject({ ok: false });
	});
});

describe('draft ↔ fields', () => {
	it('round-trips a stored card unchanged', () => {
		const fields = {
			...emptyClientFields(),
			firstName: 'Maria',
			lastName: 'Rossi',
			birthDate: '--12-24',
			phones: [{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' as const }],
			emails: ['maria@example.com']
		};
		const draft = draftFromFields(fields);
		expect(draft.birth).toEqual({ day: '24', month: '12', year: '' });
		expect(fieldsFromDraft(draft, 'IT')).toEqual(fields);
	});

	it('drops empty rows and normalises newly typed phones', () => {
		const draft = draftFromFields(emptyClientFields());
		draft.phones = [newPhoneRow(''), newPhoneRow('333-1234567')];
		draft.phones[1]!.label = 'work';
		const fields = fieldsFromDraft(draft, 'IT');
		expect(fields.phones).toEqual([{ e164: '+393331234567', raw: '333-1234567', label: 'work' }]);
		expect(fields.emails).toEqual([]);
	});

	it('pre-fills names or the phone from the query string', () => {
		const byName = draftFromQuery(new URLSearchParams('firstName=Anna&lastName=%20Bianchi'));
		expect([byName.fields.firstName, byName.fields.lastName]).toEqual(['Anna', 'Bianchi']);
		const byPhone = draftFromQuery(new URLSearchParams('phone=3331234567'));
		expect(byPhone.phones.map((p) => p.raw)).toEqual(['3331234567']);
	});
});

describe('validation issues → form inputs', () => {
	it('maps saved list indices back to the rows on screen', () => {
		const draft = draftFromFields(emptyClientFields());
		draft.emails = [
			{ key: 1, value: '' },
			{ key: 2, value: 'ok@example.com' },
			{ key: 3, value: 'broken@' }
		];
		const rows = savedRowIndices(draft);
		expect(rows.emails).toEqual([1, 2]);
		expect(formKey('emails.1', rows)).toBe('emails.2');
		expect(formKey('phones.0.raw', { phones: [3], emails: [] })).toBe('phones.3');
		expect(formKey('phones', rows)).toBe('phones.0');
		expect(formKey('address.city', rows)).toBe('address.city');
		expect(formKey('lastName', rows)).toBe('lastName');
	});

	it('keys real validator output so the broken e-mail row is marked', () => {
		const draft = draftFromFields({ ...emptyClientFields(), firstName: 'A', lastName: 'B' });
		draft.emails = [
			{ key: 1, value: '' },
			{ key: 2, value: 'broken@' }
		];
		const result = validateClientFields(
			fieldsFromDraft(draft, 'IT'),
			DEFAULT_SETTINGS,
			'2026-01-01'
		);
		expect(result.ok).toBe(false);
		const issues = keyIssues(result.ok ? [] : result.errors, savedRowIndices(draft));
		expect([...issues.keys()]).toEqual(['emails.1']);
	});
});

describe('category and source names', () => {
	const existing = [{ id: 'a', name: 'Sposa' }];
	it('needs a name that is not taken (case and accents aside)', () => {
		expect(nameProblem('  ', existing)).toBe('settings.nameRequired');
		expect(nameProblem('sposa ', existing)).toBe('settings.nameTaken');
		expect(nameProblem('Sposa', existing, 'a')).toBeNull();
		expect(nameProblem('Viso', existing)).toBeNull();
	});
});
