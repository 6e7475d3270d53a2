// Italian codice fiscale (D.M. 23/12/1976): format, check character, and the birth date and
// gender it encodes. Omocodia (digits replaced by letters to resolve collisions) is accepted.
import { parseBirthDate } from './birthday';

export type FiscalCodeError = 'fiscalCode.length' | 'fiscalCode.format' | 'fiscalCode.checkChar';
export type FiscalCodeWarning = 'fiscalCode.birthDateMismatch' | 'fiscalCode.genderMismatch';

export type FiscalCodeResult =
	{ ok: true; normalized: string } | { ok: false; code: FiscalCodeError };

/** Letters that stand for the digits 0–9 in omocodic codes. */
const OMOCODE = 'LMNPQRSTUV';
const D = '[0-9LMNPQRSTUV]';
const FORMAT_RE = new RegExp(`^[A-Z]{6}${D}{2}[ABCDEHLMPRST]${D}{2}[A-Z]${D}{3}[A-Z]$`);
const MONTHS = 'ABCDEHLMPRST';

// Values of the characters in odd positions (1st, 3rd, … 15th); digits share the letters' row.
const ODD = [
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
];

function charIndex(ch: string): number {
	const c = ch.charCodeAt(0);
	return c <= 57 ? c - 48 : c - 65; // '0'..'9' → 0..9, 'A'..'Z' → 0..25
}

/** The check character for the first 15 characters of an upper-case code. */
export function fiscalCodeCheckChar(first15: string): string {
	let sum = 0;
	for (let i = 0; i < 15; i++) {
		const idx = charIndex(first15.charAt(i));
		// i is 0-based: even i is an odd (1-based) position.
		sum += i % 2 === 0 ? (ODD[idx] ?? 0) : idx;
	}
	return String.fromCharCode(65 + (sum % 26));
}

export function normalizeFiscalCode(code: string): string {
	return code.replace(/\s+/g, '').toUpperCase();
}

function digitAt(code: string, i: number): number {
	const ch = code.charAt(i);
	const omo = OMOCODE.indexOf(ch);
	return omo >= 0 ? omo : Number(ch);
}

function twoDigits(code: string, i: number): number {
	return digitAt(code, i) * 10 + digitAt(code, i + 1);
}

export function validateFiscalCode(code: string): FiscalCodeResult {
	const normalized = normalizeFiscalCode(code);
	if (normalized.length !== 16) return { ok: false, code: 'fiscalCode.length' };
	if (!FORMAT_RE.test(normalized)) return { ok: false, code: 'fiscalCode.format' };
	const day = twoDigits(normalized, 9);
	if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
		return { ok: false, code: 'fiscalCode.format' };
	}
	if (fiscalCodeCheckChar(normalized) !== normalized.charAt(15)) {
		return { ok: false, code: 'fiscalCode.checkChar' };
	}
	return { ok: true, normalized };
}

export interface DecodedFiscalCode {
	birthDate: string;
	gender: 'female' | 'male';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Birth date and gender of a valid code. The code holds only two digits of the year: the
 * century is the latest one that does not put the birth after `today` ('YYYY-MM-DD').
 */
export function decodeFiscalCode(code: string, today: string): DecodedFiscalCode | null {
	const result = validateFiscalCode(code);
	if (!result.ok) return null;
	const c = result.normalized;
	const yy = twoDigits(c, 6);
	const month = MONTHS.indexOf(c.charAt(8)) + 1;
	const rawDay = twoDigits(c, 9);
	const gender = rawDay > 40 ? 'female' : 'male';
	const day = rawDay > 40 ? rawDay - 40 : rawDay;
	const md = `${pad2(month)}-${pad2(day)}`;
	let year = 2000 + yy;
	if (`${year}-${md}` > today) year -= 100;
	const birthDate = `${year}-${md}`;
	return parseBirthDate(birthDate) ? { birthDate, gender } : null;
}

/**
 * What a (valid) code disagrees with on the card. Only what is known is compared; the year is
 * compared on its last two digits, since that is all the code holds.
 */
export function checkFiscalCodeAgainst(
	code: string,
	known: { birthDate: string | null; gender: string },
	today: string
): FiscalCodeWarning[] {
	const decoded = decodeFiscalCode(code, today);
	if (!decoded) return [];
	const warnings: FiscalCodeWarning[] = [];
	const card = known.birthDate ? parseBirthDate(known.birthDate) : null;
	const coded = parseBirthDate(decoded.birthDate);
	if (card && coded) {
		const sameDay = card.month === coded.month && card.day === coded.day;
		const sameYear =
			card.year === null || coded.year === null || card.year % 100 === coded.year % 100;
		if (!sameDay || !sameYear) warnings.push('fiscalCode.birthDateMismatch');
	}
	if ((known.gender === 'female' || known.gender === 'male') && known.gender !== decoded.gender) {
		warnings.push('fiscalCode.genderMismatch');
	}
	return warnings;
}
