// Dates of the card in the UI language. Stored dates are calendar dates without a time zone,
// so they are formatted as UTC midnight to never shift by a day.
import { formatDate } from '$lib/i18n/i18n.svelte';
import { isoDateToUtc } from '$lib/ui/common/dates';

export function longDate(iso: string): string {
	return formatDate(isoDateToUtc(iso), { dateStyle: 'long', timeZone: 'UTC' });
}

/** A birth date: '12 March 1990', or '12 March' when the year is not known ('--03-12'). */
export function birthDateText(birthDate: string): string {
	if (birthDate.startsWith('--')) {
		return formatDate(isoDateToUtc(`2000${birthDate.slice(1)}`), {
			day: 'numeric',
			month: 'long',
			timeZone: 'UTC'
		});
	}
	return longDate(birthDate);
}

export function dateTime(ms: number): string {
	return formatDate(ms, { dateStyle: 'long', timeStyle: 'short' });
}
