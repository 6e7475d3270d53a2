// How the list turns a client's stored values into text, in the device's language.
import type { Client } from '$lib/domain/client';
import { parseBirthDate } from '$lib/domain/birthday';
import { formatPhoneForDisplayMemo } from '$lib/domain/phone-display-memo';
import { formatDate } from '$lib/i18n/i18n.svelte';
import { primaryPhone } from '$lib/ui/common/contact';
import { clientBook } from '$lib/state/clients.svelte';
import { formatMoney } from '$lib/ui/common/money';
import type { CellContext } from './columns';

export function cellContext(defaultCountry: () => string): CellContext {
	return {
		phone(client: Client): string {
			const phone = primaryPhone(client.phones);
			if (!phone) return '';
			return phone.e164 ? formatPhoneForDisplayMemo(phone.e164, defaultCountry()) : phone.raw;
		},
		date(epochMs: number): string {
			return formatDate(epochMs, { dateStyle: 'medium' });
		},
		visits(client: Client) {
			return clientBook.visitAggregate(client.id);
		},
		money: formatMoney,
		day(key: number): string {
			if (key === 0) return '';
			const y = Math.floor(key / 10_000);
			const m = Math.floor(key / 100) % 100;
			return formatDate(Date.UTC(y, m - 1, key % 100), { dateStyle: 'medium', timeZone: 'UTC' });
		},
		birthday(birthDate: string): string {
			const parts = parseBirthDate(birthDate);
			if (!parts) return '';
			// UTC on both sides: a calendar date must not shift with the device's time zone.
			// 2000 is a leap year, so a year-less 29 February still formats.
			return formatDate(Date.UTC(parts.year ?? 2000, parts.month - 1, parts.day), {
				day: 'numeric',
				month: 'short',
				year: parts.year === null ? undefined : 'numeric',
				timeZone: 'UTC'
			});
		}
	};
}
