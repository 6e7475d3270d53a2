// What the card says about dates: age and next birthday, fidelity card validity.
import { ageOn, nextBirthday, parseBirthDate } from '$lib/domain/birthday';
import { daysBetween } from '$lib/ui/common/dates';

/** Days before expiry from which a fidelity card shows "expires soon". */
export const EXPIRES_SOON_DAYS = 30;

export type FidelityState = 'valid' | 'expiresSoon' | 'expired';

export function fidelityState(expiry: string | null, today: string): FidelityState | null {
	if (!expiry) return null;
	const days = daysBetween(today, expiry);
	if (days < 0) return 'expired';
	return days <= EXPIRES_SOON_DAYS ? 'expiresSoon' : 'valid';
}

export interface BirthdayFacts {
	/** Completed years today; null when the year is unknown. */
	age: number | null;
	/** 'YYYY-MM-DD' of the next celebration (today included). */
	next: string;
	/** The age she turns on `next`; null without a year. */
	turns: number | null;
	isToday: boolean;
}

export function birthdayFacts(birthDate: string | null, today: string): BirthdayFacts | null {
	const parts = birthDate ? parseBirthDate(birthDate) : null;
	const next = parts ? nextBirthday(birthDate, today) : null;
	if (!parts || !next) return null;
	// The celebration year minus the birth year: also right for 29 February in common years.
	const turns = parts.year === null ? null : Number(next.slice(0, 4)) - parts.year;
	return { age: ageOn(birthDate, today), next, turns, isToday: next === today };
}
