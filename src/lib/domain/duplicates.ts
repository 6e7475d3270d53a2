// Duplicate detection (DESIGN.md › Duplicates): normalised keys of a card, the level of a pair,
// and a hash-map index that finds the candidates of one card without a pairwise scan.
//
// Levels, best first:
// - certain: same fiscal code (whatever the spelling of the name);
// - strong:  same full name (folded, either order) and a shared phone or e-mail;
// - review:  a shared phone or e-mail with another name (mother and daughter share phones), or a
//            strong pair whose cards carry two different fiscal codes (two people by law);
// - weak:    same full name only.
// Only certain and strong pairs are ever merged automatically.
import type { ClientFields } from './client.js';
import { normalizeFiscalCode } from './fiscal-code.js';
import { isAbbreviatedName, isMaskedText } from './masking.js';
import { foldName, normalizeEmail, normalizePhone } from './normalize.js';

export type MatchLevel = 'certain' | 'strong' | 'review' | 'weak';
export type MatchReason = 'fiscalCode' | 'name' | 'phone' | 'email';
export interface DuplicateMatch {
	id: string;
	level: MatchLevel;
	reasons: MatchReason[];
}
export type DuplicatePair = { a: string; b: string } & Omit<DuplicateMatch, 'id'>;

export const MATCH_LEVELS: readonly MatchLevel[] = ['certain', 'strong', 'review', 'weak'];
const RANK: Record<MatchLevel, number> = { certain: 3, strong: 2, review: 1, weak: 0 };
const REASON_ORDER: readonly MatchReason[] = ['fiscalCode', 'name', 'phone', 'email'];

/** True when `level` is `min` or better. */
export function isAtLeast(level: MatchLevel, min: MatchLevel): boolean {
	return RANK[level] >= RANK[min];
}

/** Best level first, then more reasons first. */
export function compareMatches(
	x: { level: MatchLevel; reasons: readonly MatchReason[] },
	y: { level: MatchLevel; reasons: readonly MatchReason[] }
): number {
	return RANK[y.level] - RANK[x.level] || y.reasons.length - x.reasons.length;
}

export interface DuplicateKeys {
	/** E.164 numbers (raw form input normalised with the salon's country). */
	phones: string[];
	/** Trimmed, lower-cased addresses. */
	emails: string[];
	/** The folded full name with its words sorted: "Rossi Maria", "maria rossi" and a double
	 *  name split differently between first and last name give one key. '' without a name. */
	name: string;
	/** Upper-cased, without spaces; '' when absent or too short to be a whole code. */
	fiscalCode: string;
}

/** A fiscal code being typed is not yet a code: partial prefixes must not match each other. */
const MIN_FISCAL_CODE = 11;

function nameKey(firstName: string, lastName: string): string {
	const words = foldName(`${firstName} ${lastName}`).split(' ').filter(Boolean);
	return words.sort().join(' ');
}

/** Normalised keys of one card, from its fields as stored or as typed in the form. */
export function duplicateKeysOf(fields: ClientFields, defaultCountry = 'IT'): DuplicateKeys {
	const phones: string[] = [];
	// Masked values (a device without seeContacts, masking.ts) say nothing about who a client is.
	for (const phone of fields.phones) {
		if (isMaskedText(phone.raw)) continue;
		const e164 = phone.e164 !== '' ? phone.e164 : normalizePhone(phone.raw, defaultCountry).e164;
		if (e164 !== '' && !phones.includes(e164)) phones.push(e164);
	}
	const emails: string[] = [];
	for (const email of fields.emails) {
		if (isMaskedText(email)) continue;
		const normal = normalizeEmail(email);
		if (normal.includes('@') && !emails.includes(normal)) emails.push(normal);
	}
	const fiscalCode = fields.fiscalCode === '' ? '' : normalizeFiscalCode(fields.fiscalCode);
	return {
		phones,
		emails,
		name: isAbbreviatedName(fields.lastName) ? '' : nameKey(fields.firstName, fields.lastName),
		fiscalCode: fiscalCode.length >= MIN_FISCAL_CODE ? fiscalCode : ''
	};
}

function shares(a: readonly string[], b: readonly string[]): boolean {
	return a.some((x) => b.includes(x));
}

/** The level of a pair, or null when nothing matches. */
export function matchPair(
	a: DuplicateKeys,
	b: DuplicateKeys
): { level: MatchLevel; reasons: MatchReason[] } | null {
	const sameFiscal = a.fiscalCode !== '' && a.fiscalCode === b.fiscalCode;
	const otherFiscal = a.fiscalCode !== '' && b.fiscalCode !== '' && !sameFiscal;
	const found: Record<MatchReason, boolean> = {
		fiscalCode: sameFiscal,
		name: a.name !== '' && a.name === b.name,
		phone: shares(a.phones, b.phones),
		email: shares(a.emails, b.emails)
	};
	const reasons = REASON_ORDER.filter((r) => found[r]);
	if (reasons.length === 0) return null;
	const contact = found.phone || found.email;
	let level: MatchLevel;
	if (sameFiscal) level = 'certain';
	else if (found.name && contact) level = otherFiscal ? 'review' : 'strong';
	else if (contact) level = 'review';
	else level = 'weak';
	return { level, reasons };
}

function bucketKeys(keys: DuplicateKeys): string[] {
	const out: string[] = [];
	if (keys.fiscalCode !== '') out.push(`f:${keys.fiscalCode}`);
	if (keys.name !== '') out.push(`n:${keys.name}`);
	for (const p of keys.phones) out.push(`p:${p}`);
	for (const e of keys.emails) out.push(`e:${e}`);
	return out;
}

/** Hash-map index over keys: a lookup reads only the buckets of the card's own keys. */
export class DuplicateIndex {
	readonly #keys = new Map<string, DuplicateKeys>();
	readonly #buckets = new Map<string, Set<string>>();
	readonly #country: string;

	constructor(defaultCountry = 'IT') {
		this.#country = defaultCountry;
	}

	get size(): number {
		return this.#keys.size;
	}

	has(id: string): boolean {
		return this.#keys.has(id);
	}

	ids(): IterableIterator<string> {
		return this.#keys.keys();
	}

	/** Add or replace. */
	set(id: string, fields: ClientFields): void {
		this.delete(id);
		const keys = duplicateKeysOf(fields, this.#country);
		this.#keys.set(id, keys);
		for (const key of bucketKeys(keys)) {
			let bucket = this.#buckets.get(key);
			if (!bucket) this.#buckets.set(key, (bucket = new Set()));
			bucket.add(id);
		}
	}

	delete(id: string): void {
		const keys = this.#keys.get(id);
		if (!keys) return;
		this.#keys.delete(id);
		for (const key of bucketKeys(keys)) {
			const bucket = this.#buckets.get(key);
			bucket?.delete(id);
			if (bucket?.size === 0) this.#buckets.delete(key);
		}
	}

	#candidates(
		keys: DuplicateKeys,
		excludeId: string | undefined,
		min: MatchLevel,
		limit = Infinity
	): DuplicateMatch[] {
		const seen = new Set<string>();
		if (excludeId !== undefined) seen.add(excludeId);
		const out: DuplicateMatch[] = [];
		// Fiscal code, phones and e-mails first: every pair at review or better shares one of them.
		for (const key of bucketKeys(keys)) {
			if (key.startsWith('n:')) continue;
			for (const id of this.#buckets.get(key) ?? []) {
				if (seen.has(id)) continue;
				seen.add(id);
				const match = matchPair(keys, this.#keys.get(id) as DuplicateKeys);
				if (match && isAtLeast(match.level, min)) out.push({ id, ...match });
			}
		}
		out.sort((x, y) => compareMatches(x, y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
		// The rest of the name's bucket shares nothing else: weak by construction, no need to
		// compare (a common name has thousands; `limit` stops early).
		if (min === 'weak' && keys.name !== '') {
			for (const id of this.#buckets.get(`n:${keys.name}`) ?? []) {
				if (out.length >= limit) break;
				if (seen.has(id)) continue;
				out.push({ id, level: 'weak', reasons: ['name'] });
			}
		}
		return out.length > limit ? out.slice(0, limit) : out;
	}

	/** Best first (certain > strong > review > weak), excluding `excludeId`. */
	candidatesFor(
		fields: ClientFields,
		opts: { excludeId?: string; minLevel?: MatchLevel; limit?: number } = {}
	): DuplicateMatch[] {
		const keys = duplicateKeysOf(fields, this.#country);
		return this.#candidates(keys, opts.excludeId, opts.minLevel ?? 'weak', opts.limit);
	}

	/** Every pair at or above minLevel among the given ids and the rest of the index, each pair
	 *  once with a < b, best first. */
	pairsFor(ids: Iterable<string>, minLevel: MatchLevel = 'weak'): DuplicatePair[] {
		const pairs = new Map<string, DuplicatePair>();
		for (const id of ids) {
			const keys = this.#keys.get(id);
			if (!keys) continue;
			for (const match of this.#candidates(keys, id, minLevel)) {
				const [a, b] = id < match.id ? [id, match.id] : [match.id, id];
				const key = `${a} ${b}`;
				if (!pairs.has(key)) pairs.set(key, { a, b, level: match.level, reasons: match.reasons });
			}
		}
		return [...pairs.values()].sort(
			(x, y) => compareMatches(x, y) || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1)
		);
	}
}
