// A faster yes/no check of a client card on the wire, for the first sync's bootstrap (50,000
// cards): zod's records (the per-field clock, the set maps and their add tags) were two thirds of
// zod's time there. Those fields are checked by hand here, then zod checks the rest with them
// taken as they are. Anything the hand check does not accept goes to the full wire schema, so the
// answer is always the wire schema's: the hand check only accepts what zod accepts (plain objects
// with string keys only, every bound of client.ts), and whatever it is unsure of, zod decides.
import { z } from 'zod';
import { PHONE_LABELS, SET_FIELDS, type SetsMeta } from './client.js';
import { clientWireSchema, clientWireSchemaWith } from './sync-documents.js';

const CLOCK_MAX = 64; // client.ts › clientObjectSchema.clock: key and value
const SET_KEY_MAX = 260; // client.ts › setMapSchema: element key
const TAG_MAX = 80; // client.ts › setTagSchema
const REMOVED_MAX = 500; // client.ts › setEntrySchema.r

const phoneLabels: ReadonlySet<unknown> = new Set(PHONE_LABELS);
const textOf = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;
const isPhone = (v: unknown): boolean =>
	isPlain(v) &&
	typeof v.e164 === 'string' &&
	v.e164.length <= 20 &&
	typeof v.raw === 'string' &&
	v.raw.length <= 40 &&
	phoneLabels.has(v.label);

/** Element value of each set map (client.ts › setsSchema). */
const SET_VALUES: Record<(typeof SET_FIELDS)[number], (v: unknown) => boolean> = {
	phones: isPhone,
	emails: textOf(254),
	categoryIds: textOf(40),
	tags: textOf(50),
	allergies: textOf(200),
	contraindications: textOf(200)
};

/** An object literal or a JSON.parse result; no symbol or `__proto__` key (zod skips those). */
function isPlain(v: unknown): v is Record<string, unknown> {
	return (
		typeof v === 'object' &&
		v !== null &&
		Object.getPrototypeOf(v) === Object.prototype &&
		!Object.hasOwn(v, 'constructor') &&
		!Object.hasOwn(v, '__proto__')
	);
}

/** Own keys, or null when one is a symbol (zod's string key schema refuses it). */
function stringKeys(o: object): string[] | null {
	const keys = Reflect.ownKeys(o);
	for (const k of keys) if (typeof k !== 'string') return null;
	return keys as string[];
}

function isRecord(v: unknown, keyMax: number, value: (v: unknown) => boolean): boolean {
	if (!isPlain(v)) return false;
	const keys = stringKeys(v);
	if (keys === null) return false;
	for (const k of keys) if (k.length > keyMax || !value(v[k])) return false;
	return true;
}

const isClock = (v: unknown) => isRecord(v, CLOCK_MAX, textOf(CLOCK_MAX));
const isTag = textOf(TAG_MAX);

function isSetEntry(v: unknown, value: (v: unknown) => boolean): boolean {
	if (!isPlain(v)) return false;
	const keys = stringKeys(v);
	if (keys === null || keys.length !== 2 || !Object.hasOwn(v, 'a') || !Object.hasOwn(v, 'r')) {
		return false;
	}
	const r = v.r;
	if (!Array.isArray(r) || r.length > REMOVED_MAX) return false;
	// By index, as zod reads it: a hole is undefined (every() would skip it).
	for (let i = 0; i < r.length; i++) if (!isTag(r[i])) return false;
	return isRecord(v.a, TAG_MAX, value);
}

function isSets(v: unknown): boolean {
	if (v === undefined) return true;
	if (!isPlain(v)) return false;
	const keys = stringKeys(v);
	if (keys === null || keys.length !== SET_FIELDS.length) return false;
	for (const field of SET_FIELDS) {
		if (!Object.hasOwn(v, field)) return false;
		const value = SET_VALUES[field];
		if (!isRecord(v[field], SET_KEY_MAX, (entry) => isSetEntry(entry, value))) return false;
	}
	return true;
}

/** The wire schema with clock and sets taken as they are: used only once they are checked. */
const checkedRest = clientWireSchemaWith(
	z.custom<Record<string, string>>(() => true),
	z.custom<SetsMeta>(() => true).optional()
);

/** Exactly `clientWireSchema.safeParse(doc).success`, faster on well-formed cards. */
export function isWireClient(doc: unknown): boolean {
	if (isPlain(doc) && isClock(doc.clock) && isSets(doc.sets)) {
		return checkedRest.safeParse(doc).success;
	}
	return clientWireSchema.safeParse(doc).success;
}
