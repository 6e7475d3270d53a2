import { describe, expect, it } from 'vitest';
import { validateVisitForm, type VisitFormInput } from '$lib/domain/visit-form';

const base = { clientId: 'c1', locationId: null };
const input = (over: Partial<VisitFormInput> = {}): VisitFormInput => ({
	date: '2026-03-01',
	time: '10:30',
	staffName: ' Giulia ',
	services: [{ itemId: 's1', name: 'Colore', price: 5500 }],
	products: [],
	amount: '55,00',
	status: 'done',
	note: 'Colore 7.4 + 20 vol',
	...over
});

describe('validateVisitForm', () => {
	it('turns a filled form into visit fields (cents, trimmed staff, local date-time)', () => {
		const result = validateVisitForm(input(), base);
		expect(result).toEqual({
			ok: true,
			value: expect.objectContaining({
				clientId: 'c1',
				kind: 'visit',
				at: '2026-03-01T10:30',
				staffName: 'Giulia',
				amountPaid: 5500,
				note: 'Colore 7.4 + 20 vol'
			})
		});
	});

	it('an empty amount is 0; an unreadable one is an error, never a silent 0', () => {
		const empty = validateVisitForm(input({ amount: '' }), base);
		expect(empty.ok && empty.value.amountPaid).toBe(0);
		expect(validateVisitForm(input({ amount: '55 euro' }), base)).toEqual({
			ok: false,
			errors: [{ path: 'amount', code: 'invalid' }]
		});
		expect(validateVisitForm(input({ amount: '2000000' }), base)).toEqual({
			ok: false,
			errors: [{ path: 'amount', code: 'tooLarge' }]
		});
	});

	it('date and time are required and must be real', () => {
		expect(validateVisitForm(input({ date: '', time: '' }), base)).toEqual({
			ok: false,
			errors: [
				{ path: 'date', code: 'required' },
				{ path: 'time', code: 'required' }
			]
		});
		expect(validateVisitForm(input({ date: '2026-13-01' }), base)).toEqual({
			ok: false,
			errors: [{ path: 'date', code: 'invalid' }]
		});
		expect(validateVisitForm(input({ time: '25:00' }), base)).toEqual({
			ok: false,
			errors: [{ path: 'time', code: 'invalid' }]
		});
	});

	it('over-long texts are reported at their field', () => {
		const result = validateVisitForm(
			input({ note: 'x'.repeat(5001), staffName: 'y'.repeat(101) }),
			base
		);
		expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual(['note', 'staffName']);
	});
});
