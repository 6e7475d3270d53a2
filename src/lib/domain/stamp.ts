// Per-field clock stamping (DESIGN.md › Merge rules, rule 1): every write records, for each
// field it changed, the HLC of that write. The merge later compares these field by field.
import {
	CLIENT_FIELDS,
	SET_FIELDS,
	SET_MAX_ITEMS,
	type ClientField,
	type ClientFields,
	type Phone,
	type SetsMeta
} from './client.js';
import { compareHlc, formatHlc, type Hlc } from './hlc.js';
import { foldName, normalizeEmail } from './normalize.js';

/** Structural equality of JSON-like values; arrays compare in order, object keys in any order. */
export function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		// NaN is the only value not equal to itself; treat two NaNs as the same value.
		return Number.isNaN(a) && Number.isNaN(b);
	}
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) {
		if (a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
		return true;
	}
	const ao = a as Record<string, unknown>;
	const bo = b as Record<string, unknown>;
	const aKeys = Object.keys(ao).filter((k) => ao[k] !== undefined);
	const bKeys = Object.keys(bo).filter((k) => bo[k] !== undefined);
	if (aKeys.length !== bKeys.length) return false;
	for (const k of aKeys) {
		if (!Object.prototype.hasOwnProperty.call(bo, k) || !deepEqual(ao[k], bo[k])) return false;
	}
	return true;
}

/** The fields whose values differ; on create (previous null) every field. */
export function changedFields(previous: ClientFields | null, next: ClientFields): ClientField[] {
	if (previous === null) return [...CLIENT_FIELDS];
	return CLIENT_FIELDS.filter((f) => !deepEqual(previous[f], next[f]));
}

/** previousClock with every changed field stamped `hlc`; untouched fields keep their stamps. */
export function stampClock(
	previous: ClientFields | null,
	next: ClientFields,
	previousClock: Record<string, Hlc>,
	hlc: Hlc
): Record<string, Hlc> {
	const clock: Record<string, Hlc> = { ...previousClock };
	for (const field of changedFields(previous, next)) clock[field] = hlc;
	return clock;
}

/** The same stamping for any document with per-field clocks (visits): `fields` lists them. */
export function stampFields<F extends object>(
	previous: F | null,
	next: F,
	fields: readonly (keyof F & string)[],
	previousClock: Record<string, Hlc>,
	hlc: Hlc
): Record<string, Hlc> {
	const clock: Record<string, Hlc> = { ...previousClock };
	for (const field of fields) {
		if (previous === null || !deepEqual(previous[field], next[field])) clock[field] = hlc;
	}
	return clock;
}

// ------------------------------------------------------------------ add-wins sets (rule 3)
// Each SET_FIELD is an observed-remove set. Every add of an element gets a tag unique to that
// write (`${hlc}#${position}`); a removal moves the element's live tags to `r`. An element is
// present while it has a live tag, so an add made concurrently with a removal (a tag the remover
// never saw) survives, and a removal of what the remover saw sticks. Removed tags are kept: they
// are what stops a stale copy from bringing the element back, and a card's sets change at human
// pace (tens of edits), so the growth is small; the wire caps each field at 500 element keys.

export type SetField = (typeof SET_FIELDS)[number];
export interface SetEntry<V = unknown> {
	a: Record<string, V>;
	r: string[];
}
export type SetMap<V = unknown> = Record<string, SetEntry<V>>;
type AnySets = Record<SetField, SetMap>;

/** The stamp of elements whose field was never stamped (before clocks were complete). */
export const BASE_HLC = formatHlc({ wallMs: 0, counter: 0, nodeId: '0' });

export function makeTag(hlc: Hlc, position: number): string {
	return `${hlc}#${position}`;
}

export function tagHlc(tag: string): Hlc {
	const hash = tag.lastIndexOf('#');
	return hash < 0 ? tag : tag.slice(0, hash);
}

/** Tag order: the write's clock, then the position in that write's array. */
export function compareTags(a: string, b: string): number {
	const byHlc = compareHlc(tagHlc(a), tagHlc(b));
	if (byHlc !== 0) return byHlc;
	const pa = Number(a.slice(a.lastIndexOf('#') + 1));
	const pb = Number(b.slice(b.lastIndexOf('#') + 1));
	if (pa !== pb) return pa < pb ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** What makes two elements the same element of the set. */
export function elementKey(field: SetField, value: unknown): string {
	if (field === 'phones') {
		const phone = value as Phone;
		return phone.e164 !== '' ? phone.e164 : `raw:${phone.raw.trim()}`;
	}
	const text = value as string;
	if (field === 'emails') return normalizeEmail(text);
	if (field === 'categoryIds') return text;
	return foldName(text) || text;
}

/** The metadata of a card written before it had any: each element added by the field's last
 *  write. Deterministic, so every device reads an old card the same way. */
export function implicitSets(fields: ClientFields, clock: Record<string, Hlc>): AnySets {
	const sets = {} as AnySets;
	for (const field of SET_FIELDS) {
		const map: SetMap = {};
		const hlc = clock[field] ?? BASE_HLC;
		(fields[field] as unknown[]).forEach((value, i) => {
			const key = elementKey(field, value);
			if (!(key in map)) map[key] = { a: { [makeTag(hlc, i)]: value }, r: [] };
		});
		sets[field] = map;
	}
	return sets;
}

/** The visible array: live elements in order of their first add ever, each showing the value
 *  of its latest live add (concurrent adds of one element with different labels: latest wins). */
export function setValues(map: SetMap): unknown[] {
	const live: Array<{ first: string; key: string; value: unknown }> = [];
	for (const [key, entry] of Object.entries(map)) {
		const tags = Object.keys(entry.a).sort(compareTags);
		const latest = tags[tags.length - 1];
		if (latest === undefined) continue;
		const first = [...tags, ...entry.r].sort(compareTags)[0] as string;
		live.push({ first, key, value: entry.a[latest] });
	}
	live.sort((x, y) => compareTags(x.first, y.first) || (x.key < y.key ? -1 : 1));
	return live.map((e) => e.value);
}

/** What a set field shows: its first SET_MAX_ITEMS live elements. */
export function visibleValues(field: SetField, map: SetMap): unknown[] {
	return setValues(map).slice(0, SET_MAX_ITEMS[field]);
}

/** `fields` with every set field replaced by the array its metadata shows. */
export function withSetValues(fields: ClientFields, sets: AnySets): ClientFields {
	const next: Record<string, unknown> = { ...fields };
	for (const field of SET_FIELDS) next[field] = visibleValues(field, sets[field]);
	return next as ClientFields;
}

function sortedEntry(a: Record<string, unknown>, r: Iterable<string>): SetEntry {
	const sortedA: Record<string, unknown> = {};
	for (const tag of Object.keys(a).sort()) sortedA[tag] = a[tag];
	return { a: sortedA, r: [...new Set(r)].sort() };
}

/** The metadata after a local write that turned `previous` into the arrays of `next`. */
export function stampSets(previous: AnySets | null, next: ClientFields, hlc: Hlc): AnySets {
	const sets = {} as AnySets;
	for (const field of SET_FIELDS) {
		const before = previous?.[field] ?? {};
		const wanted = new Map<string, { value: unknown; position: number }>();
		(next[field] as unknown[]).forEach((value, position) => {
			const key = elementKey(field, value);
			if (!wanted.has(key)) wanted.set(key, { value, position });
		});
		// Only what the writer saw can be removed: elements beyond the visible cap stay.
		const seen = new Set(visibleValues(field, before).map((v) => elementKey(field, v)));
		const map: SetMap = {};
		for (const key of new Set([...Object.keys(before), ...wanted.keys()])) {
			const entry = before[key] ?? { a: {}, r: [] };
			const want = wanted.get(key);
			const liveTags = Object.keys(entry.a);
			const current = setValues({ [key]: entry })[0];
			if (want && liveTags.length > 0 && deepEqual(current, want.value)) {
				map[key] = sortedEntry(entry.a, entry.r);
			} else if (want) {
				// New, or changed (a phone's label): remove what was seen, add the new value.
				map[key] = sortedEntry({ [makeTag(hlc, want.position)]: want.value }, [
					...entry.r,
					...liveTags
				]);
			} else if (seen.has(key)) {
				map[key] = sortedEntry({}, [...entry.r, ...liveTags]);
			} else {
				map[key] = sortedEntry(entry.a, entry.r);
			}
		}
		sets[field] = map;
	}
	return sets;
}

export interface StampedWrite {
	fields: ClientFields;
	clock: Record<string, Hlc>;
	sets: SetsMeta;
}

/**
 * Everything a local write records: the new set metadata, the visible arrays derived from it
 * (so a re-ordering or a duplicate typed twice is not a change), and the field clocks.
 */
export function stampWrite(
	previous: { fields: ClientFields; clock: Record<string, Hlc>; sets?: SetsMeta } | null,
	next: ClientFields,
	hlc: Hlc
): StampedWrite {
	const previousSets = previous
		? ((previous.sets as AnySets | undefined) ?? implicitSets(previous.fields, previous.clock))
		: null;
	const sets = stampSets(previousSets, next, hlc);
	const fields = withSetValues(next, sets);
	const clock = stampClock(previous?.fields ?? null, fields, previous?.clock ?? {}, hlc);
	return { fields, clock, sets: sets as SetsMeta };
}
