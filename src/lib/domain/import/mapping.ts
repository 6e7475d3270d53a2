// Column headers → card targets, and the per-column questions the person may have to answer:
// the date order of date columns and the name order of a full-name column.
import { detectDateOrder, type DateDetection } from './dates';
import { matchHeader, type ExtraSynonyms } from './synonyms';
import { DATE_TARGETS, MULTI_TARGETS, type ColumnMapping, type ImportTarget } from './targets';
import type { ImportTable } from './table';
import { nameOrderOfHeader, type NameOrder } from './values';

/** Matches every header; a single-valued target goes to its first column only. */
export function autoMap(headers: readonly string[], extra?: ExtraSynonyms): ColumnMapping {
	const taken = new Set<ImportTarget>();
	const mapping = headers.map((header) => {
		const target = matchHeader(header, extra);
		if (target === null) return null;
		if (taken.has(target) && !MULTI_TARGETS.has(target)) return null;
		taken.add(target);
		return target;
	});
	// Separate name columns beat a full-name one (Fresha writes all three).
	if (taken.has('firstName') && taken.has('lastName')) {
		return mapping.map((t) => (t === 'fullName' ? null : t));
	}
	return mapping;
}

/** Date order detected for every date column of the mapping, by column index. */
export function detectDateColumns(
	table: Pick<ImportTable, 'rows'>,
	mapping: ColumnMapping,
	today: string
): Record<number, DateDetection> {
	const out: Record<number, DateDetection> = {};
	mapping.forEach((target, column) => {
		if (target === null || !DATE_TARGETS.has(target)) return;
		out[column] = detectDateOrder(
			table.rows.map((row) => row[column] ?? ''),
			today
		);
	});
	return out;
}

/** Name order of every full-name column, from its header. */
export function detectNameOrders(
	headers: readonly string[],
	mapping: ColumnMapping
): Record<number, NameOrder> {
	const out: Record<number, NameOrder> = {};
	mapping.forEach((target, column) => {
		if (target === 'fullName') out[column] = nameOrderOfHeader(headers[column] ?? '');
	});
	return out;
}
