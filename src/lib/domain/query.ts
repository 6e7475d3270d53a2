// What the client list asks for: a search text, filters and a sort. Pure data, shared by the
// search index (search.ts), the list state and the URL of /clients.

export const BIRTHDAY_WINDOWS = ['today', 'tomorrow', 'next7', 'thisMonth', 'range'] as const;
export type BirthdayWindow = (typeof BIRTHDAY_WINDOWS)[number];

export const ARCHIVE_FILTERS = ['active', 'archived', 'all'] as const;
export type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];

export interface ClientFilters {
	categoryId: string | null;
	sourceId: string | null;
	/** 'YYYY-MM-DD', inclusive, in the device's time zone. */
	createdFrom: string | null;
	createdTo: string | null;
	birthday: BirthdayWindow | null;
	/** For birthday = 'range': month-day bounds 'MM-DD', inclusive; may wrap over new year. */
	birthdayFrom: string | null;
	birthdayTo: string | null;
	/** Default 'active': archived clients are hidden unless asked for. */
	archived: ArchiveFilter;
	/** null = both; true = only blacklisted; false = only not blacklisted. */
	blacklisted: boolean | null;
	/** Last done visit on or after / on or before, 'YYYY-MM-DD' (clients without visits fail). */
	lastVisitFrom: string | null;
	lastVisitTo: string | null;
	/** Cents: total spent strictly above. */
	spentMoreThan: number | null;
	/** Only clients without a done visit. */
	neverVisited: boolean;
}

export const NO_FILTERS: ClientFilters = {
	categoryId: null,
	sourceId: null,
	createdFrom: null,
	createdTo: null,
	birthday: null,
	birthdayFrom: null,
	birthdayTo: null,
	archived: 'active',
	blacklisted: null,
	lastVisitFrom: null,
	lastVisitTo: null,
	spentMoreThan: null,
	neverVisited: false
};

export const SORT_COLUMNS = [
	'name',
	'phone',
	'email',
	'category',
	'createdAt',
	'birthday',
	'visits',
	'totalSpent',
	'lastVisit',
	'firstVisit'
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface SortSpec {
	column: SortColumn;
	direction: 'asc' | 'desc';
}

export const DEFAULT_SORT: SortSpec = { column: 'name', direction: 'asc' };

export interface ClientQuery {
	text: string;
	filters: ClientFilters;
	sort: SortSpec;
	/** 'YYYY-MM-DD' of the device's today, so birthday windows are testable. */
	today: string;
}
