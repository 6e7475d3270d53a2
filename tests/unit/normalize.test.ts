import { describe, expect, it } from 'vitest';
import {
	foldName,
	formatPhoneForDisplay,
	isValidEmail,
	nationalDigits,
	normalizeEmail,
	normalizePhone,
	phoneDigits,
	sortNameOf,
	surnameInitial,
	whatsappNumber
} from '../../src/lib/domain/normalize';

describe('normalizePhone', () => {
	it.each([
		['+39 333 123 4567', 'IT', '+393331234567'],
		['0039 3331234567', 'IT', '+393331234567'],
		['333-1234567', 'IT', '+393331234567'],
		['39 333 1234567', 'IT', '+393331234567'],
		['(333) 123.4567', 'IT', '+393331234567'],
		['+39 06 1234 5678', 'IT', '+390612345678'],
		['06 1234 5678', 'IT', '+390612345678'],
		['02/8765432', 'IT', '+39028765432'],
		['+39 (0)6 1234 5678', 'IT', '+390612345678'],
		['  333 123 4567  ', 'IT', '+393331234567'],
		['333 1234567 (mamma)', 'IT', '+393331234567'],
		// A national mobile that happens to start with 39 stays national.
		['391 234 5678', 'IT', '+393912345678'],
		['912 345 678', 'PT', '+351912345678'],
		['+351 912 345 678', 'IT', '+351912345678'],
		['00351 912345678', 'IT', '+351912345678'],
		['0888 123 456', 'BG', '+359888123456'],
		['088 812 3456', 'BG', '+359888123456'],
		['+359 88 812 3456', 'IT', '+359888123456'],
		['359 888 123 456', 'BG', '+359888123456'],
		['+44 7911 123456', 'IT', '+447911123456'],
		['+44 20 7946 0958', 'IT', '+442079460958'],
		['+33 6 12 34 56 78', 'IT', '+33612345678']
	])('%s (default %s) → %s, valid, raw kept', (raw, country, e164) => {
		expect(normalizePhone(raw, country)).toEqual({ e164, raw, valid: true });
	});

	it.each([
		['', 'IT'],
		['   ', 'IT'],
		['abc', 'IT'],
		['n/a', 'IT'],
		['---', 'BG']
	])('"%s" is not a phone number: e164 is empty', (raw, country) => {
		expect(normalizePhone(raw, country)).toEqual({ e164: '', raw, valid: false });
	});

	it.each([
		['123', 'IT'],
		['333 12', 'IT'],
		['+39 333 12345678901', 'IT'],
		['+44 7700 900123', 'IT']
	])('"%s" is not a valid number', (raw, country) => {
		expect(normalizePhone(raw, country).valid).toBe(false);
	});

	it('keeps a plausible but unallocated number in E.164 so it still matches', () => {
		const n = normalizePhone('+44 7700 900123', 'IT');
		expect(n).toEqual({ e164: '+447700900123', raw: '+44 7700 900123', valid: false });
	});

	it('ignores an unknown default country instead of throwing', () => {
		expect(normalizePhone('+39 333 123 4567', 'XX').e164).toBe('+393331234567');
		expect(normalizePhone('333 123 4567', '').e164).toBe('');
	});
});

describe('phone helpers', () => {
	it('phoneDigits keeps digits only', () => {
		expect(phoneDigits('+39 (333) 123-45.67')).toBe('393331234567');
		expect(phoneDigits('')).toBe('');
	});

	it('nationalDigits strips the country calling code', () => {
		expect(nationalDigits('+393331234567')).toBe('3331234567');
		expect(nationalDigits('+390612345678')).toBe('0612345678');
		expect(nationalDigits('+359888123456')).toBe('888123456');
		expect(nationalDigits('+12025550123')).toBe('2025550123');
	});

	it('formats national for the salon country, international otherwise', () => {
		expect(formatPhoneForDisplay('+393331234567', 'IT')).toBe('333 123 4567');
		expect(formatPhoneForDisplay('+390612345678', 'IT')).toBe('06 1234 5678');
		expect(formatPhoneForDisplay('+393331234567', 'PT')).toBe('+39 333 123 4567');
		expect(formatPhoneForDisplay('+351912345678', 'PT')).toBe('912 345 678');
		expect(formatPhoneForDisplay('+359888123456', 'BG')).toBe('088 812 3456');
		expect(formatPhoneForDisplay('', 'IT')).toBe('');
	});

	it('whatsappNumber is the E.164 digits without "+"', () => {
		expect(whatsappNumber('+393331234567')).toBe('393331234567');
	});
});

describe('e-mail', () => {
	it('normalizeEmail trims and lower-cases', () => {
		expect(normalizeEmail('  Maria.Rossi@Example.IT ')).toBe('maria.rossi@example.it');
	});

	it.each([
		'maria.rossi@example.it',
		'MARIA@EXAMPLE.COM',
		'nome.cognome+promo@example.co.uk',
		"o'brien@example.ie",
		'anna_b-1@sub.domain.pt',
		'иван@пример.бг',
		' spaced@example.it '
	])('%s is valid', (email) => {
		expect(isValidEmail(email)).toBe(true);
	});

	it.each([
		'',
		'maria',
		'maria@',
		'@example.it',
		'maria@example',
		'maria@@example.it',
		'maria rossi@example.it',
		'maria..rossi@example.it',
		'.maria@example.it',
		'maria.@example.it',
		'maria@example..it',
		'maria@-example.it',
		'maria@example.i',
		`${'a'.repeat(65)}@example.it`
	])('%s is invalid', (email) => {
		expect(isValidEmail(email)).toBe(false);
	});
});

describe('names', () => {
	it.each([
		['  Nicolò  D’Angelo ', 'nicolo d angelo'],
		["  Nicolò  D'Angelo ", 'nicolo d angelo'],
		['MARÍA-JOSÉ', 'maria jose'],
		['Çelik Ünal', 'celik unal'],
		['Straße', 'strasse'],
		['Ærø Łukasz Søren', 'aero lukasz soren'],
		['J. R. Smith', 'j r smith'],
		['São João', 'sao joao'],
		['Иванова', 'иванова'],
		['Йорданка Иванова-Петрова', 'йорданка иванова петрова'],
		['', '']
	])('foldName(%j) = %j', (input, folded) => {
		expect(foldName(input)).toBe(folded);
	});

	it('folding is idempotent', () => {
		const once = foldName("Zoë D'Alessandro-Ñúñez");
		expect(foldName(once)).toBe(once);
	});

	it('sortNameOf puts the surname first', () => {
		expect(sortNameOf({ firstName: 'Nicolò', lastName: "D'Angelo" })).toBe('d angelo nicolo');
		expect(sortNameOf({ firstName: 'Maria', lastName: '' })).toBe('maria');
	});

	it('surnameInitial picks the rail letter', () => {
		expect(surnameInitial({ firstName: 'Maria', lastName: 'Rossi' })).toBe('R');
		expect(surnameInitial({ firstName: 'Anna', lastName: 'Ómarsdóttir' })).toBe('O');
		expect(surnameInitial({ firstName: 'Luca', lastName: '' })).toBe('L');
		expect(surnameInitial({ firstName: 'Иван', lastName: 'Иванов' })).toBe('#');
		expect(surnameInitial({ firstName: '', lastName: "'t Hooft" })).toBe('T');
		expect(surnameInitial({ firstName: '', lastName: '3B srl' })).toBe('#');
		expect(surnameInitial({ firstName: '', lastName: '' })).toBe('#');
	});
});
