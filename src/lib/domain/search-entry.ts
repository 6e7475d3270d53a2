// One card as the search index holds it (search.ts): its texts folded once, the keys of every
// sort, and the query tokens it is matched against. Pure functions, no index state.
import type { Client } from './client';
import { monthDayKey, parseBirthDate } from './birthday';
import { foldName, nationalDigits, normalizePhone, phoneDigits, sortNameOf } from './normalize';

/** One query word, in the three forms it can match. '' disables a form. */
export interface SearchToken {
	/** Folded; must start a word of a name, the company or a tag. */
	folded: string;
	/** Lower-cased as typed; a substring of an e-mail, fiscal code or fidelity card. Only from
	 *  MIN_SUBSTRING characters on. */
	raw: string;
	/** Digits of a number-like word; a substring of a phone (E.164, as typed, national). */
	digits: string;
}

const PHONE_LIKE = /^[\d\s+()./-]+$/;
const NUMBER_WORD = /^[\d+()./-]+$/;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A value or needle made only of ASCII digits (phone forms are). */
export const ALL_DIGITS = /^[0-9]+$/;
/** Substring matching (e-mail, fiscal code, card) starts at 3 characters: "m" or "gm" would
 *  match nearly every address and bury the names that start with those letters. */
const MIN_SUBSTRING = 3;

/**
 * Splits the search box text into tokens that must all match (AND). A text made only of
 * digits and phone punctuation ("333 123 4567", "+39 333…") is one number: its spaces are
 * formatting, not separate words.
 */
export function parseSearchText(text: string): SearchToken[] {
	const trimmed = text.trim();
	if (PHONE_LIKE.test(trimmed) && /\d/.test(trimmed)) {
		let digits = phoneDigits(trimmed);
		// "0039 333…": the international call prefix is not part of any stored form.
		if (trimmed.startsWith('00')) digits = digits.slice(2);
		return digits ? [{ folded: '', raw: '', digits }] : [];
	}
	const tokens: SearchToken[] = [];
	for (const word of trimmed.split(/\s+/)) {
		if (!HAS_LETTER_OR_DIGIT.test(word)) continue;
		tokens.push({
			folded: foldName(word),
			raw: word.length >= MIN_SUBSTRING ? word.toLowerCase() : '',
			digits: NUMBER_WORD.test(word) ? phoneDigits(word) : ''
		});
	}
	return tokens;
}

const implies = (prev: string, next: string) =>
	next === '' || (prev !== '' && next.startsWith(prev));

/** True when every card matching `next` also matches `prev`, so `prev`'s result can be reused. */
export function narrows(prev: readonly SearchToken[], next: readonly SearchToken[]): boolean {
	if (next.length < prev.length) return false;
	return prev.every((p, i) => {
		const n = next[i] as SearchToken;
		return implies(p.folded, n.folded) && implies(p.raw, n.raw) && implies(p.digits, n.digits);
	});
}

/** The part of `subs` that holds values with other characters than digits. */
export function otherSubs(e: Entry): string {
	return e.subs.slice(0, e.otherLength);
}

/** The part of `subs` that holds values made only of digits. */
export function digitSubs(e: Entry): string {
	return e.otherLength === 0 ? e.subs : e.subs.slice(e.otherLength + 1);
}

export class Entry {
	constructor(
		readonly client: Client,
		readonly id: string,
		/** ' word word …': folded names, company and tags, each word after a space. */
		readonly words: string,
		/** '\n'-separated: e-mails, fiscal code, fidelity card, phone digit forms; the values made
		 *  only of digits come last, from `otherLength` + 1 on (search-texts.ts scans them apart). */
		readonly subs: string,
		readonly otherLength: number,
		readonly sortName: string,
		readonly createdDay: string,
		readonly birthKey: number,
		readonly phoneKey: string,
		readonly emailKey: string,
		readonly firstCategory: string,
		// Copied from the card so the hot loop never touches the (large, scattered) client
		// objects: reading them costs a cache miss per card and made scans ~20× slower.
		readonly createdAt: number,
		readonly archived: boolean,
		readonly blacklisted: boolean,
		readonly sourceId: string | null,
		readonly categoryIds: readonly string[],
		/** Which characters occur in `words` / `subs` (charMask): rules most cards out with one
		 *  AND before any string is scanned. */
		readonly wordsMask: number,
		readonly subsMask: number
	) {}
	/** Folded name of the first category, set while a category sort is cached. */
	categoryKey = '';
	/** Where the index keeps this card's text and flags (haystack and typed-array slot). */
	slot = -1;
	/** The client's visit aggregate (visit-stats.ts), set by the index; 0 = none. */
	visitCount = 0;
	totalSpent = 0;
	/** yyyymmdd */
	firstVisit = 0;
	lastVisit = 0;
}

/** A 32-bit Bloom-style set of the characters in `s`: a–z one bit each, the rest hashed. */
export function charMask(s: string): number {
	let mask = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
	}
	return mask;
}

/** A token ready for the hot loop: the word needle starts with a space (word prefix). */
export interface Needle extends SearchToken {
	foldedMask: number;
	rawMask: number;
	digitsMask: number;
	checkDigits: boolean;
}

export function toNeedles(tokens: readonly SearchToken[]): Needle[] {
	return tokens.map((t) => {
		const folded = t.folded && ` ${t.folded}`;
		return {
			folded,
			raw: t.raw,
			digits: t.digits,
			foldedMask: charMask(folded),
			rawMask: charMask(t.raw),
			digitsMask: charMask(t.digits),
			checkDigits: t.digits !== '' && t.digits !== t.raw
		};
	});
}

/** True when the card matches every token. Hot loop: no allocation. */
export function matchesTokens(e: Entry, needles: readonly Needle[]): boolean {
	return matchesTexts(e.words, e.wordsMask, e.subs, e.subsMask, needles);
}

/** matchesTokens on a card's texts and masks, wherever they are kept (search-texts.ts). */
export function matchesTexts(
	words: string,
	wordsMask: number,
	subs: string,
	subsMask: number,
	needles: readonly Needle[]
): boolean {
	for (let i = 0; i < needles.length; i++) {
		const t = needles[i] as Needle;
		if (t.folded !== '' && (wordsMask & t.foldedMask) === t.foldedMask && words.includes(t.folded))
			continue;
		if (t.raw !== '' && (subsMask & t.rawMask) === t.rawMask && subs.includes(t.raw)) continue;
		if (t.checkDigits && (subsMask & t.digitsMask) === t.digitsMask && subs.includes(t.digits))
			continue;
		return false;
	}
	return true;
}

/** Text search on one card, for callers that do not hold an index. */
export function matchesText(client: Client, text: string, defaultCountry: string): boolean {
	return matchesTokens(buildEntry(client, defaultCountry), toNeedles(parseSearchText(text)));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of an epoch time in this device's time zone. */
export function localDay(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

export function buildEntry(c: Client, defaultCountry: string): Entry {
	const sortName = c.sortName || sortNameOf(c);
	let words = ` ${sortName}`;
	if (c.business.company) words += ` ${foldName(c.business.company)}`;
	for (const tag of c.tags) words += ` ${foldName(tag)}`;

	const subs: string[] = c.emails.map((e) => e.toLowerCase());
	if (c.fiscalCode) subs.push(c.fiscalCode.toLowerCase());
	// No spaces in `subs`: a query token never contains one, and then a word needle
	// (' ' + token) can only ever match inside `words`.
	if (c.fidelityCardNumber) subs.push(c.fidelityCardNumber.toLowerCase().replace(/\s+/g, ''));
	for (const p of c.phones) {
		// Imported phones may lack E.164: derive it here so they are found like the others.
		const e164 = p.e164 || (p.raw ? normalizePhone(p.raw, defaultCountry).e164 : '');
		// E.164 digits contain the national number, so "333 123" and "+39 333" both match it.
		const forms = [phoneDigits(e164)];
		// The trunk-prefix spelling ("0888 123 456" for +359 888 123 456).
		const national = nationalDigits(e164);
		if (national && !national.startsWith('0')) forms.push(`0${national}`);
		const raw = phoneDigits(p.raw);
		if (raw && !forms.some((f) => f.includes(raw))) forms.push(raw);
		for (const f of forms) if (f) subs.push(f);
	}
	const birth = c.birthDate ? parseBirthDate(c.birthDate) : null;
	const others = subs.filter((s) => !ALL_DIGITS.test(s)).join('\n');
	const digits = subs.filter((s) => ALL_DIGITS.test(s)).join('\n');
	const subsText = others && digits ? `${others}\n${digits}` : others || digits;
	return new Entry(
		c,
		c.id,
		words,
		subsText,
		others.length,
		sortName,
		localDay(c.createdAt),
		birth ? monthDayKey(birth.month, birth.day) : 0,
		c.phones[0]?.e164 || c.phones[0]?.raw || '',
		c.emails[0]?.toLowerCase() ?? '',
		c.categoryIds[0] ?? '',
		c.createdAt,
		c.archived,
		c.blacklisted,
		c.sourceId,
		c.categoryIds,
		charMask(words),
		charMask(subsText)
	);
}
