// Rows as RxDB's Dexie storage keeps them, converted without its deep copies. The storage turns
// every key starting with '|' into '__' (IndexedDB key paths cannot hold '|') and top-level
// indexed booleans into '1'/'0' (IndexedDB cannot index booleans); its converters deep-copy every
// object of every row to do so (rxdb/plugins/storage-dexie › dexie-helper.js). Our documents
// have no such keys, so only the booleans need changing — in place, when no key says otherwise.

/** True when a key at any depth passes `test`. */
export function someKey(value: unknown, test: (key: string) => boolean): boolean {
	if (value === null || typeof value !== 'object') return false;
	if (Array.isArray(value)) return value.some((item) => someKey(item, test));
	for (const key in value) {
		if (test(key)) return true;
		if (someKey((value as Record<string, unknown>)[key], test)) return true;
	}
	return false;
}

/** A key the Dexie storage escaped on the way in ('|…' stored as '__…'). */
export const isEscapedKey = (key: string): boolean => key.startsWith('__');

/** A key the Dexie storage would escape on the way in (any part of a dotted key starting with
 *  '|'; any '|' is treated so, to stay on the safe side). */
export const isKeyToEscape = (key: string): boolean => key.includes('|');

/** Whether every indexed boolean is a top-level field (the in-place conversions need that). */
export const areFlat = (booleanIndexes: readonly string[]): boolean =>
	booleanIndexes.every((path) => !path.includes('.'));

/** Top-level indexed booleans back from '1'/'0', in place. */
export function restoreBooleans(row: Record<string, unknown>, paths: readonly string[]): unknown {
	for (const path of paths) row[path] = row[path] === '1';
	return row;
}
