// Cell words → card values: yes/no and genders in it/en/pt/bg, full names split in two, and
// lists in one cell. Recognition data, not UI text.
import type { ClientFields, Phone } from '../client';
import { splitList as splitJoinedList } from '../export/list-cell.js';
import { foldHeader, w } from './synonyms';

const YES = new Set(
	w('yes|y|true|x|1|on|subscribed|opted in|si|sì|vero|s|ok|sim|verdadeiro|да|д|вярно').map(
		foldHeader
	)
);
const NO = new Set(
	w('no|n|false|0|off|unsubscribed|opted out|unknown|-|falso|nao|não|не|н|невярно').map(foldHeader)
);

/** true / false for a yes/no word, '' (empty cell) → null, anything else → undefined. */
export function parseYesNo(text: string): boolean | null | undefined {
	const word = text.trim();
	if (word === '') return null;
	// '-' and '0' fold to '' or stay; test the raw form first for the symbols.
	if (word === '-') return false;
	const folded = foldHeader(word);
	if (YES.has(folded)) return true;
	if (NO.has(folded)) return false;
	return undefined;
}

const GENDER_WORDS: Record<ClientFields['gender'], string[]> = {
	female: w(
		'f|female|woman|w|mrs|ms|miss|femmina|donna|femminile|sig ra|signora|feminino|mulher|fem|sra|ж|жена|женски|женa'
	),
	male: w(
		'm|male|man|mr|maschio|uomo|maschile|sig|signor|signore|masculino|homem|masc|sr|м|мъж|мъжки'
	),
	'non-binary': w(
		'non binary|nonbinary|nb|x|other|non binario|non binaria|altro|nao binario|não binário|outro|небинарен|небинарна|друг'
	),
	unspecified: w(
		'unspecified|unknown|not specified|prefer not to say|n a|na|non specificato|non specificata|sconosciuto|nao especificado|desconhecido|prefiro nao dizer|неуточнен|непосочен'
	)
};
const GENDERS = new Map<string, ClientFields['gender']>();
for (const [gender, words] of Object.entries(GENDER_WORDS) as [
	ClientFields['gender'],
	string[]
][]) {
	for (const w of words) GENDERS.set(foldHeader(w), gender);
}

/** The gender a word names; '' → 'unspecified'; an unknown word → undefined. */
export function parseGender(text: string): ClientFields['gender'] | undefined {
	const folded = foldHeader(text);
	if (folded === '') return 'unspecified';
	return GENDERS.get(folded);
}

/** Surname particles that belong with the word after them (De Luca, da Silva, van der Berg). */
const PARTICLES = new Set(
	w(
		'de|di|da|del|della|dei|degli|delle|dal|dalla|lo|la|le|do|dos|das|van|von|der|den|mc|mac|san|santa'
	)
);

export type NameOrder = 'firstLast' | 'lastFirst';

/**
 * Splits one full-name cell. "Rossi, Maria" is always surname first. Otherwise the order comes
 * from the column ("Cognome e nome" → lastFirst); the surname keeps its particles ("Maria De
 * Luca" → De Luca; "De Luca Maria" in lastFirst → De Luca).
 */
export function splitFullName(
	text: string,
	order: NameOrder
): { firstName: string; lastName: string } {
	const value = text.trim().replace(/\s+/g, ' ');
	if (value === '') return { firstName: '', lastName: '' };
	const comma = value.indexOf(',');
	if (comma >= 0) {
		return { lastName: value.slice(0, comma).trim(), firstName: value.slice(comma + 1).trim() };
	}
	const words = value.split(' ');
	if (words.length === 1) return { firstName: '', lastName: value };
	const isParticle = (w: string) => PARTICLES.has(w.toLowerCase().replace(/['’]$/, ''));
	if (order === 'firstLast') {
		let start = words.length - 1;
		while (start > 1 && isParticle(words[start - 1] as string)) start--;
		return { firstName: words.slice(0, start).join(' '), lastName: words.slice(start).join(' ') };
	}
	let end = 1;
	while (end < words.length - 1 && isParticle(words[end - 1] as string)) end++;
	return { lastName: words.slice(0, end).join(' '), firstName: words.slice(end).join(' ') };
}

/** Whether a full-name header says the surname comes first ("Cognome e nome", "Surname Name"). */
export function nameOrderOfHeader(header: string): NameOrder {
	const folded = foldHeader(header);
	const surnameFirst = /^(cognome|surname|last name|apelido|sobrenome|фамилия)\b/;
	return surnameFirst.test(folded) ? 'lastFirst' : 'firstLast';
}

/**
 * Values of a list cell, trimmed, empties dropped. Our export joins with ' | ' and escapes a '|'
 * inside an item: such a cell is read back exactly (commas inside items kept). Otherwise ';',
 * ',', '|' and line breaks separate, as people type lists.
 */
export function splitList(text: string): string[] {
	if (text.includes('|')) return splitJoinedList(text);
	return text
		.split(/[;,|\n\r]+/)
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/** Phones of one cell: several numbers may share it, separated by ';', ',', '|' or lines. */
export function splitPhones(text: string): string[] {
	return text
		.split(/[;,|\n\r]+/)
		.map((v) => v.trim())
		.filter((v) => /\d/.test(v));
}

const PHONE_LABELS = new Map<string, Phone['label']>();
for (const [label, words] of Object.entries({
	mobile: w('mobile|cell|cellulare|telemovel|celular|мобилен|gsm'),
	home: w('home|casa|fisso|домашен'),
	work: w('work|lavoro|ufficio|trabalho|служебен'),
	other: w('other|altro|outro|друг')
}) as [Phone['label'], string[]][]) {
	for (const word of words) PHONE_LABELS.set(foldHeader(word), label);
}

/** 'Cellulare', 'Home', 'Trabalho', 'Служебен' → the phone label; unknown → undefined. */
export function parsePhoneLabel(text: string): Phone['label'] | undefined {
	return PHONE_LABELS.get(foldHeader(text));
}
