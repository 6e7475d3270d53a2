// The list's device-local preferences (visible columns, sort) as stored in localStorage. Parsing
// is defensive: a stored value from an older version must never break the page.
import { DEFAULT_SORT, SORT_COLUMNS, type SortColumn, type SortSpec } from '$lib/domain/query';

export interface ListPrefs {
	hiddenColumns: string[];
	sort: SortSpec;
}

export const DEFAULT_PREFS: ListPrefs = { hiddenColumns: [], sort: DEFAULT_SORT };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseSort(value: unknown): SortSpec {
	if (!isRecord(value)) return DEFAULT_SORT;
	const { column, direction } = value;
	const isColumn =
		typeof column === 'string' && (SORT_COLUMNS as readonly string[]).includes(column);
	const isDirection = direction === 'asc' || direction === 'desc';
	return isColumn && isDirection ? { column: column as SortColumn, direction } : DEFAULT_SORT;
}

/** `knownColumns` drops ids of columns that no longer exist. */
export function parsePrefs(raw: string | null, knownColumns: readonly string[]): ListPrefs {
	if (raw === null) return DEFAULT_PREFS;
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		// A corrupt entry (manual edit, a crash mid-write) just means "defaults".
		return DEFAULT_PREFS;
	}
	if (!isRecord(value)) return DEFAULT_PREFS;
	const hidden = Array.isArray(value.hiddenColumns) ? value.hiddenColumns : [];
	return {
		hiddenColumns: hidden.filter(
			(id): id is string => typeof id === 'string' && knownColumns.includes(id)
		),
		sort: parseSort(value.sort)
	};
}

/** Clicking a header: a new column sorts ascending, the same column flips direction. */
export function nextSort(current: SortSpec, column: SortColumn): SortSpec {
	if (current.column !== column) return { column, direction: 'asc' };
	return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
