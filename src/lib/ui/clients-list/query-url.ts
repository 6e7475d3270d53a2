// The /clients URL ⇄ search text and filters, and the "Add client «…»" link. Pure functions, so
// a reload or the back button restores exactly what reception was looking at, and tests run in Node.
import {
	ARCHIVE_FILTERS,
	BIRTHDAY_WINDOWS,
	NO_FILTERS,
	type ArchiveFilter,
	type BirthdayWindow,
	type ClientFilters
} from '$lib/domain/query';

export interface ListUrlState {
	text: string;
	filters: ClientFilters;
}

/** Short, stable parameter names: they end up in bookmarks and in the history. */
const PARAM = {
	text: 'q',
	categoryId: 'category',
	sourceId: 'source',
	createdFrom: 'createdFrom',
	createdTo: 'createdTo',
	birthday: 'birthday',
	birthdayFrom: 'birthdayFrom',
	birthdayTo: 'birthdayTo',
	archived: 'archived',
	blacklisted: 'blacklisted',
	lastVisitFrom: 'lastVisitFrom',
	lastVisitTo: 'lastVisitTo',
	spentMoreThan: 'spentOver',
	neverVisited: 'neverVisited'
} as const;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ID = /^[\w-]{1,40}$/;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
	return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function matching(value: string | null, pattern: RegExp): string | null {
	return value !== null && pattern.test(value) ? value : null;
}

/** Whole cents in the URL ('spentOver=5000' is 50.00). */
function cents(value: string | null): number | null {
	return value !== null && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** Reads what the URL says; anything malformed (an old bookmark, a hand-edited link) is ignored. */
export function readListUrl(params: URLSearchParams): ListUrlState {
	const birthday = pick<BirthdayWindow>(params.get(PARAM.birthday), BIRTHDAY_WINDOWS);
	const blacklisted = params.get(PARAM.blacklisted);
	return {
		text: params.get(PARAM.text) ?? '',
		filters: {
			categoryId: matching(params.get(PARAM.categoryId), ID),
			sourceId: matching(params.get(PARAM.sourceId), ID),
			createdFrom: matching(params.get(PARAM.createdFrom), ISO_DATE),
			createdTo: matching(params.get(PARAM.createdTo), ISO_DATE),
			birthday,
			birthdayFrom:
				birthday === 'range' ? matching(params.get(PARAM.birthdayFrom), MONTH_DAY) : null,
			birthdayTo: birthday === 'range' ? matching(params.get(PARAM.birthdayTo), MONTH_DAY) : null,
			archived:
				pick<ArchiveFilter>(params.get(PARAM.archived), ARCHIVE_FILTERS) ?? NO_FILTERS.archived,
			blacklisted: blacklisted === 'only' ? true : blacklisted === 'none' ? false : null,
			lastVisitFrom: matching(params.get(PARAM.lastVisitFrom), ISO_DATE),
			lastVisitTo: matching(params.get(PARAM.lastVisitTo), ISO_DATE),
			spentMoreThan: cents(params.get(PARAM.spentMoreThan)),
			neverVisited: params.get(PARAM.neverVisited) === '1'
		}
	};
}

/** Only what differs from the defaults, so a plain /clients stays a plain /clients. */
export function writeListUrl(state: ListUrlState): URLSearchParams {
	const params = new URLSearchParams();
	const { text, filters } = state;
	if (text.trim() !== '') params.set(PARAM.text, text);
	if (filters.categoryId) params.set(PARAM.categoryId, filters.categoryId);
	if (filters.sourceId) params.set(PARAM.sourceId, filters.sourceId);
	if (filters.createdFrom) params.set(PARAM.createdFrom, filters.createdFrom);
	if (filters.createdTo) params.set(PARAM.createdTo, filters.createdTo);
	if (filters.birthday) {
		params.set(PARAM.birthday, filters.birthday);
		if (filters.birthday === 'range') {
			if (filters.birthdayFrom) params.set(PARAM.birthdayFrom, filters.birthdayFrom);
			if (filters.birthdayTo) params.set(PARAM.birthdayTo, filters.birthdayTo);
		}
	}
	if (filters.archived !== NO_FILTERS.archived) params.set(PARAM.archived, filters.archived);
	if (filters.blacklisted !== null) {
		params.set(PARAM.blacklisted, filters.blacklisted ? 'only' : 'none');
	}
	if (filters.lastVisitFrom) params.set(PARAM.lastVisitFrom, filters.lastVisitFrom);
	if (filters.lastVisitTo) params.set(PARAM.lastVisitTo, filters.lastVisitTo);
	if (filters.spentMoreThan !== null) {
		params.set(PARAM.spentMoreThan, String(filters.spentMoreThan));
	}
	if (filters.neverVisited) params.set(PARAM.neverVisited, '1');
	return params;
}

/**
 * The filters as the search should apply them: a birthday range still being chosen (a bound
 * missing) filters nothing yet, rather than hiding everybody while the second select is open.
 */
export function effectiveFilters(filters: ClientFilters): ClientFilters {
	const isRangeIncomplete =
		filters.birthday === 'range' && (filters.birthdayFrom === null || filters.birthdayTo === null);
	return isRangeIncomplete
		? { ...filters, birthday: null, birthdayFrom: null, birthdayTo: null }
		: filters;
}

/** How many filters differ from the defaults (the search text is not a filter). */
export function countActiveFilters(filters: ClientFilters): number {
	let count = 0;
	if (filters.categoryId) count++;
	if (filters.sourceId) count++;
	if (filters.createdFrom || filters.createdTo) count++;
	if (filters.birthday) count++;
	if (filters.archived !== NO_FILTERS.archived) count++;
	if (filters.blacklisted !== null) count++;
	if (filters.lastVisitFrom || filters.lastVisitTo) count++;
	if (filters.spentMoreThan !== null) count++;
	if (filters.neverVisited) count++;
	return count;
}

/** A query made only of digits, spaces, +, dashes, dots, slashes and brackets, with 3+ digits. */
export function looksLikePhone(query: string): boolean {
	const trimmed = query.trim();
	return /^\+?[\d\s().\-/]+$/.test(trimmed) && (trimmed.match(/\d/g)?.length ?? 0) >= 3;
}

/**
 * "maria" → "Maria", "d'angelo" → "D'Angelo", "anna-maria" → "Anna-Maria". A word typed in
 * mixed case ("DeLuca") is kept as typed: the person meant it.
 */
export function titleCaseWord(word: string): string {
	const isMixed = word !== word.toLowerCase() && word !== word.toUpperCase();
	if (isMixed) return word;
	return word
		.toLowerCase()
		.replace(/(^|[\s'’-])(\p{L})/gu, (_whole, before: string, letter: string) => {
			return before + letter.toUpperCase();
		});
}

/**
 * The query of the new-client form (/clients/new?…), pre-filled from a search that found nothing: a number becomes the phone,
 * one word the surname, several words "first name + surname" (the rest of the words are the
 * surname: "maria de luca" → Maria / De Luca).
 */
export function newClientParams(query: string): URLSearchParams {
	const trimmed = query.trim().replace(/\s+/g, ' ');
	const params = new URLSearchParams();
	if (trimmed === '') return params;
	if (looksLikePhone(trimmed)) {
		params.set('phone', trimmed);
	} else {
		const words = trimmed.split(' ').map(titleCaseWord);
		if (words.length === 1) {
			params.set('lastName', words[0] ?? '');
		} else {
			params.set('firstName', words[0] ?? '');
			params.set('lastName', words.slice(1).join(' '));
		}
	}
	return params;
}
