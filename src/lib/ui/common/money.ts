// Cents → text in the salon's currency and the device's language (Intl).
import { formatNumber } from '$lib/i18n/i18n.svelte';
import { salon } from '$lib/state/salon.svelte';

export function formatMoney(cents: number): string {
	return formatNumber(cents / 100, { style: 'currency', currency: salon.settings.currency });
}
