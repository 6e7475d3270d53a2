// A visit's local 'YYYY-MM-DDTHH:mm' as text in the device's language. Formatted as UTC on both
// sides: it is the salon's wall time, which no time zone may shift.
import { formatDate } from '$lib/i18n/i18n.svelte';

export function visitWhen(at: string): string {
	const [y, m, d] = at.slice(0, 10).split('-').map(Number);
	const [hh, mm] = at.slice(11, 16).split(':').map(Number);
	return formatDate(Date.UTC(y!, m! - 1, d!, hh ?? 0, mm ?? 0), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'UTC'
	});
}

export function visitDay(at: string): string {
	const [y, m, d] = at.slice(0, 10).split('-').map(Number);
	return formatDate(Date.UTC(y!, m! - 1, d!), { dateStyle: 'medium', timeZone: 'UTC' });
}
