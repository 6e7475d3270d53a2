// How the duplicates screens describe a card and a field value in a line.
import { displayName, type Client } from '$lib/domain/client';
import { formatPhoneForDisplay } from '$lib/domain/normalize';
import { primaryPhone } from '$lib/ui/common/contact';

/** "Maria Rossi" and its first phone or e-mail ("333 123 4567"), for a warning or a row. */
export function cardLine(client: Client, country: string): { name: string; contact: string } {
	const phone = primaryPhone(client.phones);
	const contact = phone
		? phone.e164
			? formatPhoneForDisplay(phone.e164, country)
			: phone.raw
		: (client.emails[0] ?? '');
	return { name: displayName(client), contact };
}

/** A scalar field's value as text; '' for an empty one. */
export function valueText(value: unknown, yes: string, no: string): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return value ? yes : no;
	if (typeof value === 'string' || typeof value === 'number') return String(value);
	if (typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== '' && v !== false && v !== null)
			.map(([k, v]) => (typeof v === 'boolean' ? k : String(v)))
			.join(', ');
	}
	return '';
}
