// Canonical JSON: one string per JSON value whatever order its keys were written in. The sync
// server's compare-and-swap and the merge's equality compare these strings.

/** Thrown by sortedCopy for an object whose keys cannot be re-inserted in sorted order. */
const UNSORTABLE = Symbol('unsortable');

// Array-index keys ("0", "42") are enumerated before all others, in numeric order, whatever order
// they were inserted in; "__proto__" assigned on a plain object sets its prototype instead of a
// key. Neither survives a re-keyed copy, so such values are spelled out key by key instead.
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/** A copy of `value` whose object keys are inserted in sorted order; JSON.stringify keeps it. */
function sortedCopy(value: unknown): unknown {
	if (value === null) return null;
	const type = typeof value;
	// As JSON.stringify spells them in an array; in an object they become null, below.
	if (type === 'function' || type === 'symbol') return undefined;
	if (type !== 'object') return value;
	if (Array.isArray(value)) {
		const out = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) out[i] = sortedCopy(value[i]);
		return out;
	}
	const obj = value as Record<string, unknown>;
	const keys = Object.keys(obj).sort();
	const out: Record<string, unknown> = {};
	for (const key of keys) {
		const item = obj[key];
		if (item === undefined) continue;
		const first = key.charCodeAt(0);
		if ((first >= 48 && first <= 57 && INDEX_KEY.test(key)) || key === '__proto__')
			throw UNSORTABLE;
		const copy = sortedCopy(item);
		out[key] = copy === undefined ? null : copy;
	}
	return out;
}

/** The same string spelled out key by key: the definition, and the path for unusual keys. */
export function canonicalJsonSpelled(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJsonSpelled(v)).join(',')}]`;
	const obj = value as Record<string, unknown>;
	const parts: string[] = [];
	for (const key of Object.keys(obj).sort()) {
		if (obj[key] === undefined) continue;
		parts.push(`${JSON.stringify(key)}:${canonicalJsonSpelled(obj[key])}`);
	}
	return `{${parts.join(',')}}`;
}

/**
 * JSON with object keys sorted at every level, so two equal documents give one string whatever
 * order their keys were written in. Keys whose value is undefined are left out, as JSON.stringify
 * does. The server's compare-and-swap compares these strings. A sorted copy through the native
 * JSON.stringify is about three times faster than spelling it out, which the push path does for
 * every row (canonicalJsonSpelled is the reference a property test compares with).
 */
export function canonicalJson(value: unknown): string {
	let copy: unknown;
	try {
		copy = sortedCopy(value);
	} catch (error) {
		if (error !== UNSORTABLE) throw error;
		return canonicalJsonSpelled(value);
	}
	return JSON.stringify(copy) ?? 'null';
}

/**
 * Whether two values have the same canonical JSON, without encoding either: the compare-and-swap
 * asks this of every pushed row (the stored master against the row's assumed state), and a walk
 * that stops at the first difference costs a fraction of two encodings.
 */
export function sameCanonicalJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	const aIsObject = a !== null && typeof a === 'object';
	const bIsObject = b !== null && typeof b === 'object';
	// Primitives (and what JSON spells as null: undefined, NaN, functions) compare by encoding.
	if (!aIsObject || !bIsObject)
		return !aIsObject && !bIsObject && encodedPrimitive(a) === encodedPrimitive(b);
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) {
		const other = b as unknown[];
		if (a.length !== other.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameCanonicalJson(a[i], other[i])) return false;
		return true;
	}
	const x = a as Record<string, unknown>;
	const y = b as Record<string, unknown>;
	let defined = 0;
	for (const key of Object.keys(x)) {
		if (x[key] === undefined) continue;
		defined += 1;
		if (!Object.hasOwn(y, key) || y[key] === undefined || !sameCanonicalJson(x[key], y[key]))
			return false;
	}
	for (const key of Object.keys(y)) if (y[key] !== undefined) defined -= 1;
	return defined === 0;
}

function encodedPrimitive(value: unknown): string {
	return JSON.stringify(value) ?? 'null';
}
