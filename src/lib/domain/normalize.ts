// Normalisation of what people type: phone numbers, e-mail addresses and names. The same
// functions feed duplicate detection, search and the form, so one spelling of a thing always
// ends up as one stored form.
import {
	getCountries,
	getCountryCallingCode,
	parsePhoneNumberFromString,
	type CountryCode
} from 'libphonenumber-js/max';

export interface NormalizedPhone {
	/** E.164, or '' when the text is not a phone number at all. */
	e164: string;
	/** Exactly what was typed; never rewritten, so nothing typed is lost. */
	raw: string;
	/** true when libphonenumber's full metadata says the number exists for its country. */
	valid: boolean;
}

const COUNTRIES = new Set<string>(getCountries());

function asCountry(code: string): CountryCode | undefined {
	const upper = code.toUpperCase();
	return COUNTRIES.has(upper) ? (upper as CountryCode) : undefined;
}

/** Every country calling code ('1', '39', '351', …). They are prefix-free, which makes
 *  splitting an E.164 digit string into calling code + national number unambiguous. */
const CALLING_CODES = new Set<string>(getCountries().map((c) => String(getCountryCallingCode(c))));

export function phoneDigits(e164OrRaw: string): string {
	return e164OrRaw.replace(/\D/g, '');
}

/** The national significant number of an E.164 string ('+393331234567' → '3331234567'). */
export function nationalDigits(e164: string): string {
	const digits = phoneDigits(e164);
	for (let len = 1; len <= 3; len++) {
		if (CALLING_CODES.has(digits.slice(0, len))) return digits.slice(len);
	}
	return digits;
}

export function normalizePhone(raw: string, defaultCountry: string): NormalizedPhone {
	const text = raw.trim();
	if (!/\d/.test(text)) return { e164: '', raw, valid: false };
	const country = asCountry(defaultCountry);
	const national = parsePhoneNumberFromString(text, { defaultCountry: country });
	if (national?.isValid()) return { e164: national.number, raw, valid: true };

	// "39 333 1234567": the country code typed without "+" or "00". Read it that way only when
	// the national reading fails, so a genuine national number starting with 39 is kept.
	if (country && !text.startsWith('+')) {
		const digits = phoneDigits(text);
		const cc = String(getCountryCallingCode(country));
		if (digits.startsWith(cc)) {
			const international = parsePhoneNumberFromString(`+${digits}`);
			if (international?.isValid()) return { e164: international.number, raw, valid: true };
		}
	}
	// Plausible length but unknown range (new ranges, typos): keep the E.164 so the number
	// still dials and matches, and let the form decide whether to accept it.
	if (national?.isPossible()) return { e164: national.number, raw, valid: false };
	return { e164: '', raw, valid: false };
}

/** National format for the salon's own country ("333 123 4567"), international otherwise. */
export function formatPhoneForDisplay(e164: string, defaultCountry: string): string {
	if (!e164) return '';
	const parsed = parsePhoneNumberFromString(e164);
	if (!parsed) return e164;
	const country = asCountry(defaultCountry);
	const sameCountry =
		country !== undefined &&
		(parsed.country === country ||
			(parsed.country === undefined &&
				parsed.countryCallingCode === String(getCountryCallingCode(country))));
	return sameCountry ? parsed.formatNational() : parsed.formatInternational();
}

/** Digits without "+", as https://wa.me/<number> wants them. */
export function whatsappNumber(e164: string): string {
	return phoneDigits(e164);
}

export function normalizeEmail(s: string): string {
	return s.trim().toLowerCase();
}

// Pragmatic, not RFC 5322: catches the typos people make (missing @, missing dot, spaces,
// doubled dots) without refusing real addresses such as "nome.cognome+promo@example.co.uk".
const EMAIL_RE =
	/^(?!\.)(?!.*\.\.)[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

export function isValidEmail(s: string): boolean {
	const email = normalizeEmail(s);
	if (email.length > 254) return false;
	const at = email.lastIndexOf('@');
	if (at < 1 || at > 64) return false;
	return EMAIL_RE.test(email);
}

// Letters that Unicode does not decompose into base + mark.
const SPECIAL_LETTERS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i'
};
const SPECIAL_RE = /[ßæœøłđðþı]/g;

/**
 * Case- and accent-folded form of a name for search, sorting and duplicate detection.
 * Only marks on Latin letters are removed: Cyrillic "й" and "ё" are letters of their own.
 */
export function foldName(s: string): string {
	return s
		.toLowerCase()
		.replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch)
		.normalize('NFD')
		.replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
		.normalize('NFC')
		.replace(/[\p{P}`´ʼ]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export function sortNameOf(f: { firstName: string; lastName: string }): string {
	return foldName(`${f.lastName} ${f.firstName}`);
}

/** The letter of the A–Z rail a client belongs to; '#' for digits, Cyrillic and the rest. */
export function surnameInitial(f: { firstName: string; lastName: string }): string {
	const folded = foldName(f.lastName) || foldName(f.firstName);
	const first = folded.charAt(0);
	return first >= 'a' && first <= 'z' ? first.toUpperCase() : '#';
}
