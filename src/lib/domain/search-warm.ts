// What the client book types into its own search at an idle moment after start-up, before a
// person does (state/search-warm-up.ts). A page's first keystrokes ran the query's code cold —
// interpreted, without type feedback — and took 2–3× its warm time (the first pass of the
// bench's 76 keystrokes right after load: the query's share ~300 ms against ~100 ms on the
// second pass, bench/README.md › "Seventh pass"). Typing a few texts the way a person does
// (prefix after prefix, so the narrowing check runs too) through every kind of needle —
// word-start lists and longer words, two words, an e-mail fragment, 1–2 digits from the digit
// bits, longer numbers, a card code, a text that matches nothing — gets that code optimised.
// The texts come from cards of the book itself, so each of them matches something.
import type { Client } from './client';
import { foldName, nationalDigits, phoneDigits } from './normalize';

/** Prefixes of `word` from `from` to `to` characters (as far as it goes), in typing order. */
function prefixes(word: string, from: number, to: number): string[] {
	const out: string[] = [];
	for (let n = from; n <= Math.min(to, word.length); n++) out.push(word.slice(0, n));
	return out;
}

/** The texts a person might type to find `card`, each sequence prefix by prefix. */
function textsFor(card: Client): string[] {
	const surname = foldName(card.lastName).split(' ')[0] ?? '';
	const given = foldName(card.firstName).split(' ')[0] ?? '';
	const email = card.emails[0]?.toLowerCase() ?? '';
	const local = email.slice(0, Math.max(0, email.indexOf('@')));
	const phone = card.phones[0];
	const digits = phone ? nationalDigits(phone.e164) || phoneDigits(phone.raw) : '';
	const code = card.fidelityCardNumber.replace(/\s+/g, '') || card.fiscalCode;
	const texts = [...prefixes(surname, 1, 6)];
	// Past the surname: a text that no card holds (narrows to nothing).
	if (surname) texts.push(`${surname}qzx`);
	if (given && surname)
		texts.push(`${given} ${surname.slice(0, 1)}`, `${given} ${surname.slice(0, 2)}`);
	texts.push(...prefixes(local, 3, 6));
	texts.push(...prefixes(digits, 1, 5));
	if (digits.length >= 5) texts.push(`${digits.slice(0, 3)} ${digits.slice(3, 5)}`);
	// From 3 characters: shorter ones are word prefixes only (search-entry.ts › MIN_SUBSTRING).
	texts.push(...prefixes(code, 3, 6));
	return texts;
}

/** The warm-up's texts from a few cards of the book, in order, without repeats in a row and
 *  without the blank text (the list's blank answer is cached already). */
export function warmTexts(cards: readonly Client[]): string[] {
	const out: string[] = [];
	for (const card of cards) {
		for (const text of textsFor(card)) {
			if (text.trim() !== '' && out[out.length - 1] !== text) out.push(text);
		}
	}
	return out;
}
