// The list's filters as the search index evaluates them (search.ts, search-scan.ts): each query
// turns its filters into a plan once, and the scans read the plan's fields into locals before
// their loops. The archive and blacklist filters are answered from one byte per slot (FLAGS);
// the others need the card's entry and go through `passes`.
import { birthdayWindowTable } from './birthday';
import type { ClientFilters } from './query';
import type { Entry } from './search-entry';
import { dayKey } from './visit-stats';

/** Bits of a slot's flag byte, so the default filters need no entry object. */
export const ARCHIVED = 1;
export const BLACKLISTED = 2;

/** The flag byte of a card: ARCHIVED | BLACKLISTED. */
export function flagsOf(e: Entry): number {
	return (e.archived ? ARCHIVED : 0) | (e.blacklisted ? BLACKLISTED : 0);
}

/** One query's filters, ready for a scan. */
export interface FilterPlan {
	/** 'all': the archive flag is not checked. */
	anyArchived: boolean;
	/** Otherwise, the archive flag a card must have. */
	wantArchived: boolean;
	/** null = both; else the blacklist flag a card must have. */
	blacklisted: boolean | null;
	/** Whether any filter needs the entry (`passes`); the flag checks alone do not. */
	hasEntryFilters: boolean;
	/** Every filter, on the card's entry. */
	passes: (e: Entry) => boolean;
}

/**
 * The plan for `f` on `today` (birthday windows). `f` should be a plain copy, not the caller's
 * reactive proxy: `passes` reads it once per card.
 */
export function planFilters(f: ClientFilters, today: string): FilterPlan {
	const birthdays = f.birthday
		? birthdayWindowTable(f.birthday, today, f.birthdayFrom, f.birthdayTo)
		: null;
	const wantArchived = f.archived === 'archived';
	const anyArchived = f.archived === 'all';
	const blacklisted = f.blacklisted;
	const lastFrom = f.lastVisitFrom ? dayKey(f.lastVisitFrom) : 0;
	const lastTo = f.lastVisitTo ? dayKey(f.lastVisitTo) : 0;
	const spentAbove = f.spentMoreThan;
	const never = f.neverVisited;
	const hasEntryFilters =
		f.categoryId !== null ||
		f.sourceId !== null ||
		f.createdFrom !== null ||
		f.createdTo !== null ||
		birthdays !== null ||
		lastFrom !== 0 ||
		lastTo !== 0 ||
		spentAbove !== null ||
		never;
	const passes = (e: Entry): boolean => {
		if (!anyArchived && e.archived !== wantArchived) return false;
		if (blacklisted !== null && e.blacklisted !== blacklisted) return false;
		if (f.categoryId !== null && !e.categoryIds.includes(f.categoryId)) return false;
		if (f.sourceId !== null && e.sourceId !== f.sourceId) return false;
		if (f.createdFrom !== null && e.createdDay < f.createdFrom) return false;
		if (f.createdTo !== null && e.createdDay > f.createdTo) return false;
		if (lastFrom !== 0 && e.lastVisit < lastFrom) return false;
		if (lastTo !== 0 && (e.lastVisit === 0 || e.lastVisit > lastTo)) return false;
		if (spentAbove !== null && e.totalSpent <= spentAbove) return false;
		if (never && e.visitCount !== 0) return false;
		return birthdays === null || birthdays[e.birthKey] === 1;
	};
	return { anyArchived, wantArchived, blacklisted, hasEntryFilters, passes };
}
