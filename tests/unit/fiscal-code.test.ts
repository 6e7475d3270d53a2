import { describe, expect, it } from 'vitest';
import {
	checkFiscalCodeAgainst,
	decodeFiscalCode,
	fiscalCodeCheckChar,
	validateFiscalCode
} from '../../src/lib/domain/fiscal-code';

const TODAY = '2026-11-24';

describe('validateFiscalCode', () => {
	it.each([
		// The textbook example (Mario Rossi, 10 Dec 1985, Rome) and its fully omocodic form.
		'RSSMRA85T10A562S',
		'RSSMRAURTMLARSNL',
		// Omocodia on the last digit only (2 → N); check character recomputed.
		'RSSMRA85T10A56NH',
		// Women: day + 40.
		'BNCGLI90A41H501E',
		'VRDLCU01E45F205R',
		'PTRNDR75M70L219X',
		'SPSGNN99S15F839A'
	])('%s is valid', (code) => {
		expect(validateFiscalCode(code)).toEqual({ ok: true, normalized: code });
	});

	it('normalises case and spaces', () => {
		expect(validateFiscalCode('  rss mra 85t10 a562s ')).toEqual({
			ok: true,
			normalized: 'RSSMRA85T10A562S'
		});
	});

	it.each([
		['', 'fiscalCode.length'],
		['RSSMRA85T10A562', 'fiscalCode.length'],
		['RSSMRA85T10A562SX', 'fiscalCode.length'],
		['RSSMRA85T10A5624', 'fiscalCode.format'],
		['1SSMRA85T10A562S', 'fiscalCode.format'],
		['RSSMRA85Z10A562S', 'fiscalCode.format'], // Z is not a month letter
		['RSSMRA85T32A562S', 'fiscalCode.format'], // day 32
		['RSSMRA85T00A562S', 'fiscalCode.format'], // day 0
		['RSSMRA85T10A56WS', 'fiscalCode.format'], // W is not an omocodia letter
		['RSSMRA85T10A562T', 'fiscalCode.checkChar'],
		['RSSMRA86T10A562S', 'fiscalCode.checkChar'],
		['BNCGLI90A41H501F', 'fiscalCode.checkChar']
	])('%s → %s', (code, error) => {
		expect(validateFiscalCode(code)).toEqual({ ok: false, code: error });
	});

	it('every single-character change of a valid code is caught', () => {
		const valid = 'RSSMRA85T10A562S';
		let caught = 0;
		for (let i = 0; i < 16; i++) {
			const ch = valid[i] === 'A' ? 'B' : valid[i] === '1' ? '3' : /\d/.test(valid[i]!) ? '7' : 'K';
			const changed = valid.slice(0, i) + ch + valid.slice(i + 1);
			if (!validateFiscalCode(changed).ok) caught++;
		}
		expect(caught).toBe(16);
	});

	it('fiscalCodeCheckChar agrees with the published examples', () => {
		expect(fiscalCodeCheckChar('RSSMRA85T10A562')).toBe('S');
		expect(fiscalCodeCheckChar('RSSMRAURTMLARSN')).toBe('L');
	});
});

describe('decodeFiscalCode', () => {
	it('reads birth date and gender', () => {
		expect(decodeFiscalCode('RSSMRA85T10A562S', TODAY)).toEqual({
			birthDate: '1985-12-10',
			gender: 'male'
		});
		expect(decodeFiscalCode('BNCGLI90A41H501E', TODAY)).toEqual({
			birthDate: '1990-01-01',
			gender: 'female'
		});
	});

	it('reads omocodic digits', () => {
		expect(decodeFiscalCode('RSSMRAURTMLARSNL', TODAY)?.birthDate).toBe('1985-12-10');
	});

	it('guesses the century relative to today', () => {
		// VRDLCU01E45F205R: 2001-05-05, female.
		expect(decodeFiscalCode('VRDLCU01E45F205R', TODAY)).toEqual({
			birthDate: '2001-05-05',
			gender: 'female'
		});
		expect(decodeFiscalCode('VRDLCU01E45F205R', '2000-06-01')?.birthDate).toBe('1901-05-05');
	});

	it('returns null for invalid codes and impossible dates', () => {
		expect(decodeFiscalCode('RSSMRA85T10A562T', TODAY)).toBeNull();
		const feb31 = 'RSSMRA85B31A562';
		expect(decodeFiscalCode(feb31 + fiscalCodeCheckChar(feb31), TODAY)).toBeNull();
	});
});

describe('checkFiscalCodeAgainst', () => {
	const code = 'BNCGLI90A41H501E'; // 1990-01-01, female

	it('agrees with a matching card', () => {
		expect(
			checkFiscalCodeAgainst(code, { birthDate: '1990-01-01', gender: 'female' }, TODAY)
		).toEqual([]);
	});

	it('warns on a different birth date or gender', () => {
		expect(
			checkFiscalCodeAgainst(code, { birthDate: '1990-01-02', gender: 'male' }, TODAY)
		).toEqual(['fiscalCode.birthDateMismatch', 'fiscalCode.genderMismatch']);
		expect(
			checkFiscalCodeAgainst(code, { birthDate: '1991-01-01', gender: 'female' }, TODAY)
		).toEqual(['fiscalCode.birthDateMismatch']);
	});

	it('compares only what is known', () => {
		expect(checkFiscalCodeAgainst(code, { birthDate: null, gender: 'unspecified' }, TODAY)).toEqual(
			[]
		);
		expect(checkFiscalCodeAgainst(code, { birthDate: null, gender: 'non-binary' }, TODAY)).toEqual(
			[]
		);
		expect(checkFiscalCodeAgainst(code, { birthDate: '--01-01', gender: 'female' }, TODAY)).toEqual(
			[]
		);
		expect(checkFiscalCodeAgainst(code, { birthDate: '--01-02', gender: 'female' }, TODAY)).toEqual(
			['fiscalCode.birthDateMismatch']
		);
	});

	it('compares the year on its last two digits (the code has no century)', () => {
		// A centenarian: code says 01, card says 1901 while decoding guesses 2001.
		expect(
			checkFiscalCodeAgainst(
				'VRDLCU01E45F205R',
				{ birthDate: '1901-05-05', gender: 'female' },
				TODAY
			)
		).toEqual([]);
	});

	it('says nothing about an invalid code', () => {
		expect(
			checkFiscalCodeAgainst('XYZ', { birthDate: '1990-01-01', gender: 'male' }, TODAY)
		).toEqual([]);
	});
});
