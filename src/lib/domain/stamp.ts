// Per-field clock stamping (DESIGN.md › Merge rules, rule 1): every write records, for each
// field it changed, the HLC of that write. The merge later compares these field by field.
import { CLIENT_FIELDS, type ClientField, type ClientFields } from './client';
import type { Hlc } from './hlc';

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
