// How a logged field value reads on the card's change history: field labels from the form's
// catalog, choices translated, ids turned into names, dates and money in the salon's locale.
import { CLIENT_FIELDS, type ClientField } from '$lib/domain/client';
import { formatNumber, t } from '$lib/i18n/i18n.svelte';
import type { MessageKey } from '$lib/i18n/catalog';
import { catalogs } from '$lib/i18n/catalog';
import { clientBook } from '$lib/state/clients.svelte';
import { salon } from '$lib/state/salon.svelte';
import { birthDateText, longDate } from '$lib/ui/client-card/format';

const isClientField = (field: string): field is ClientField =>
	(CLIENT_FIELDS as readonly string[]).includes(field);

function hasKey(key: string): key is MessageKey {
	return Object.hasOwn(catalogs.en, key);
}

/** Fields whose label lives in another feature's catalog. */
const OWN_LABELS: Record<string, MessageKey> = {
	business: 'fields.section.business',
	discountPercent: 'loyalty.discount',
	customFields: 'history.customFields'
};

/** The form's label of a field; a field the app does not know shows its name. */
export function fieldLabel(field: string): string {
	const own = OWN_LABELS[field];
	if (own) return t(own);
	const key = `fields.${field}`;
	return hasKey(key) ? t(key) : field;
}

function isEmpty(value: unknown): boolean {
	return (
		value === null ||
		value === undefined ||
		value === '' ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** "label: value" for the non-empty members of an object (address, business, consents). */
function objectText(value: Record<string, unknown>, labelOf: (key: string) => string): string {
	return Object.entries(value)
		.filter(([, v]) => !isEmpty(v) && v !== false)
		.map(([k, v]) => (v === true ? labelOf(k) : `${labelOf(k)}: ${String(v)}`))
		.join(', ');
}

/** One value of `field` as text; '(empty)' when there is nothing. */
export function valueText(field: string, value: unknown): string {
	if (isEmpty(value)) return t('history.emptyValue');
	if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
	if (!isClientField(field)) return typeof value === 'string' ? value : JSON.stringify(value);
	switch (field) {
		case 'gender':
		case 'customerType': {
			const key = `fields.${field}.${String(value)}`;
			return hasKey(key) ? t(key) : String(value);
		}
		case 'birthDate':
			return birthDateText(String(value));
		case 'fidelityCardExpiry':
			return longDate(String(value));
		case 'discountPercent':
			return formatNumber(Number(value) / 100, { style: 'percent' });
		case 'phones':
			return (value as Array<{ raw?: string; e164?: string }>)
				.map((p) => p.raw || p.e164 || '')
				.join(', ');
		case 'categoryIds':
			return (value as string[]).map((id) => salon.categoryName(id) || id).join(', ');
		case 'sourceId':
			return salon.sourceName(String(value)) || String(value);
		case 'referredById': {
			const client = clientBook.get(String(value));
			return client ? `${client.firstName} ${client.lastName}`.trim() : String(value);
		}
		case 'address':
		case 'business':
			return objectText(value as Record<string, unknown>, fieldLabel) || t('history.emptyValue');
		case 'consents':
			return (
				objectText(value as Record<string, unknown>, (k) => {
					const key = `fields.consent.${k}`;
					return hasKey(key) ? t(key) : k;
				}) || t('history.emptyValue')
			);
		case 'customFields':
			return objectText(value as Record<string, unknown>, (k) => k) || t('history.emptyValue');
		default:
			return Array.isArray(value) ? value.join(', ') : String(value);
	}
}
