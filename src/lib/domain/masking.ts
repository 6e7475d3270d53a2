// What a role may not see of a card (issue 7, Deliver 5). The sync server masks every client it
// sends to a device whose role lacks seeContacts / seeHealth, so the values never reach it; the
// app shows what arrived and hides the actions that would need the real values (call, e-mail).
//
// Contact data (needs seeContacts): phones, e-mails, address, fiscal code, other national id,
// business data (company, VAT, PEC, SDI) and the last name beyond its initial ("Maria R.").
// Health data (needs seeHealth): allergies and contraindications.
//
// A masked card is still a valid wire card: same fields, same clocks, masked or emptied values,
// and set metadata rebuilt from the masked values (so a local edit on the masked card derives
// the same masked arrays). The server puts the real values back before storing anything
// (restoreRestricted), so a masked value is never written over a real one.
import type { ClientField, ClientFields, Phone } from './client.js';
import { emptyClientFields, SET_FIELDS } from './client.js';
import { canonicalJson } from './canonical-json.js';
import { sortNameOf } from './normalize.js';
import type { Permission } from './permissions.js';
import { elementKey, implicitSets, type SetField, type SetMap } from './stamp.js';

/** Drawn where a hidden character would be ("•••• 4567", "m•••@…"). */
export const MASK_CHAR = '•';

/** Contact fields hidden without seeContacts; `lastName` is shortened, the rest masked/emptied. */
export const CONTACT_FIELDS = [
	'lastName',
	'phones',
	'emails',
	'address',
	'fiscalCode',
	'nationalId',
	'business'
] as const satisfies readonly ClientField[];

/** Health fields emptied without seeHealth. */
export const HEALTH_FIELDS = [
	'allergies',
	'contraindications'
] as const satisfies readonly ClientField[];

export type RestrictedField = (typeof CONTACT_FIELDS)[number] | (typeof HEALTH_FIELDS)[number];

/** The fields a holder of `perms` may neither read nor change on an existing card. */
export function restrictedFields(perms: ReadonlySet<Permission>): RestrictedField[] {
	return [
		...(perms.has('seeContacts') ? [] : CONTACT_FIELDS),
		...(perms.has('seeHealth') ? [] : HEALTH_FIELDS)
	];
}

/** "Rossi" → "R."; '' stays ''. The initial is the first letter, whatever the alphabet. */
export function maskLastName(lastName: string): string {
	const first = [...lastName.trim()][0];
	return first === undefined ? '' : `${first.toUpperCase()}.`;
}

/** "+39 333 123 4567" → "•••• 4567": the last four digits only. */
export function maskPhoneText(raw: string): string {
	const digits = raw.replace(/\D/g, '');
	return `${MASK_CHAR.repeat(4)} ${digits.slice(-4)}`.trim();
}

export function maskPhone(phone: Phone): Phone {
	return { e164: '', raw: maskPhoneText(phone.e164 || phone.raw), label: phone.label };
}

/** "maria.rossi@example.com" → "m•••@…": the first character only. */
export function maskEmail(email: string): string {
	const first = [...email.trim()][0] ?? '';
	return `${first}${MASK_CHAR.repeat(3)}@…`;
}

/** True for a value this module produced: never a contact to compare, call or write to. */
export function isMaskedText(value: string): boolean {
	return value.includes(MASK_CHAR);
}

/** True for an abbreviated surname like the masked "R.": too little to match a person on. */
export function isAbbreviatedName(lastName: string): boolean {
	return /^\p{L}\.$/u.test(lastName.trim());
}

type Card = Record<string, unknown> & { clock?: Record<string, string>; sets?: unknown };

function maskValue(field: RestrictedField, value: unknown): unknown {
	const empty = emptyClientFields();
	switch (field) {
		case 'lastName':
			return maskLastName(String(value ?? ''));
		case 'phones':
			return (value as Phone[]).map(maskPhone);
		case 'emails':
			return (value as string[]).map(maskEmail);
		default:
			return empty[field];
	}
}

function maskElement(field: SetField, value: unknown): unknown {
	return field === 'phones' ? maskPhone(value as Phone) : maskEmail(String(value));
}

/** Set metadata of a masked set field: the live adds with masked values, keyed by the masked
 *  element; removed elements (whose keys are real numbers or addresses) are dropped. */
function maskSetMap(field: SetField, map: SetMap, hidden: boolean): SetMap {
	if (hidden) return {};
	const out: SetMap = {};
	for (const entry of Object.values(map)) {
		const tags = Object.keys(entry.a);
		if (tags.length === 0) continue;
		const a: Record<string, unknown> = {};
		for (const tag of tags) a[tag] = maskElement(field, entry.a[tag]);
		const key = elementKey(field, a[tags[0] as string]);
		const existing = out[key];
		out[key] = existing
			? { a: { ...existing.a, ...a }, r: [...existing.r, ...entry.r].sort() }
			: { a, r: [...entry.r].sort() };
	}
	return out;
}

/**
 * The card as a holder of `perms` may receive it. Tombstones carry no personal data and pass
 * unchanged; so does everything when nothing is restricted. `sortName` follows the masked name,
 * so the list sorts and searches what the device shows.
 */
export function maskClient<T>(doc: T, perms: ReadonlySet<Permission>): T {
	const card = doc as Card;
	const fields = restrictedFields(perms);
	if (fields.length === 0 || card._deleted === true) return doc;
	const out: Card = { ...card };
	for (const field of fields) out[field] = maskValue(field, card[field]);
	if (fields.includes('lastName')) {
		out.sortName = sortNameOf({
			firstName: String(out.firstName ?? ''),
			lastName: String(out.lastName)
		}).slice(0, 210);
	}
	if (card.sets && typeof card.sets === 'object') {
		const sets = { ...(card.sets as Record<SetField, SetMap>) };
		for (const field of SET_FIELDS) {
			if ((fields as string[]).includes(field)) {
				const hidden = (HEALTH_FIELDS as readonly string[]).includes(field);
				sets[field] = maskSetMap(field, sets[field] ?? {}, hidden);
			}
		}
		out.sets = sets;
	}
	return out as T;
}

/**
 * The first restricted field that `next` changes relative to the masked card the device holds
 * (`assumedMasked`), or null. A device may only leave restricted fields as it received them.
 */
export function changedRestrictedField(
	assumedMasked: Card,
	next: Card,
	perms: ReadonlySet<Permission>
): RestrictedField | null {
	for (const field of restrictedFields(perms)) {
		if (canonicalJson(assumedMasked[field]) !== canonicalJson(next[field])) return field;
	}
	return null;
}

/**
 * `next` (written on a masked card) with every restricted field, its clock entry and its set
 * metadata taken from the real `master`, and sortName derived from the real names: what the
 * server stores. The device's other edits stay as they were.
 */
export function restoreRestricted<T>(next: T, master: unknown, perms: ReadonlySet<Permission>): T {
	const fields = restrictedFields(perms);
	const source = master as Card;
	const out: Card = { ...(next as Card) };
	if (fields.length === 0 || out._deleted === true || source._deleted === true) return next;
	const clock: Record<string, string> = { ...(out.clock ?? {}) };
	for (const field of fields) {
		out[field] = source[field];
		const stamp = source.clock?.[field];
		if (stamp === undefined) delete clock[field];
		else clock[field] = stamp;
	}
	out.clock = clock;
	if (fields.includes('lastName')) {
		out.sortName = sortNameOf({
			firstName: String(out.firstName ?? ''),
			lastName: String(out.lastName ?? '')
		}).slice(0, 210);
	}
	const nextSets = out.sets as Record<string, SetMap> | undefined;
	if (nextSets) {
		// A master written before set metadata existed reads as its implicit metadata.
		const masterSets =
			(source.sets as Record<SetField, SetMap> | undefined) ??
			implicitSets(source as unknown as ClientFields, source.clock ?? {});
		const sets: Record<string, SetMap> = { ...nextSets };
		for (const field of SET_FIELDS) {
			if ((fields as string[]).includes(field)) sets[field] = masterSets[field];
		}
		out.sets = sets;
	}
	return out as T;
}

/**
 * An import batch as a device holding `perms` may receive it: the values an import filled into
 * restricted fields (and what they held before, kept for undo) are emptied, so a phone number
 * never reaches a device that sees phones masked. Such a device cannot push import batches
 * (write-permissions.ts), so the emptied copy is never written back.
 */
export function maskImportBatch<T>(doc: T, perms: ReadonlySet<Permission>): T {
	const restricted = new Set<string>(restrictedFields(perms));
	const batch = doc as { filled?: Array<{ field: string; previous: string; value: string }> };
	if (restricted.size === 0 || !Array.isArray(batch.filled)) return doc;
	return {
		...doc,
		filled: batch.filled.map((f) =>
			restricted.has(f.field) ? { ...f, previous: '""', value: '""' } : f
		)
	};
}
