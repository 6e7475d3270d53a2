// The export's columns: every card field, one column per field, in the card's order. Values are
// text a person can read and the importer reads back exactly (src/lib/domain/import/ uses the
// same header keys and splitList): enums and booleans translated, dates ISO, sets joined.
import { CONSENT_CHANNELS, type Client } from '../client.js';
import { joinList } from './list-cell.js';

/**
 * Catalog keys the export needs. They live in src/lib/i18n/messages (fields.ts, common.ts,
 * export.ts); the app passes its translator, whose key type must accept all of these.
 */
export type ExportMessageKey =
	| `fields.${string}`
	| 'common.yes'
	| 'common.no'
	| 'export.header.id'
	| 'export.header.phone'
	| 'export.header.phoneType'
	| 'export.header.referredById'
	| 'export.header.custom'
	| 'export.sheetName';

export type Translate = (key: ExportMessageKey, params?: Record<string, string | number>) => string;

/** What the export resolves ids with: names of categories and sources, referrers' names. */
export interface ExportLookups {
	categoryName: (id: string) => string | undefined;
	sourceName: (id: string) => string | undefined;
	clientName: (id: string) => string | undefined;
}

export interface ExportColumn {
	/** Stable id of the column, independent of the language: 'firstName', 'phone2Type'… */
	id: string;
	header: (t: Translate) => string;
	value: (c: Client, t: Translate, lookups: ExportLookups) => string;
}

const field =
	(key: ExportMessageKey) =>
	(t: Translate): string =>
		t(key);
const yesNo = (t: Translate, b: boolean) => t(b ? 'common.yes' : 'common.no');
/** Unknown ids (a category deleted on another device) are kept as the id: nothing is lost. */
const names = (ids: readonly string[], resolve: (id: string) => string | undefined) =>
	joinList(ids.map((id) => resolve(id) ?? id));

function text(id: string, get: (c: Client) => string, key = `fields.${id}`): ExportColumn {
	return { id, header: field(key as ExportMessageKey), value: (c) => get(c) };
}

function bool(id: string, get: (c: Client) => boolean, key = `fields.${id}`): ExportColumn {
	return { id, header: field(key as ExportMessageKey), value: (c, t) => yesNo(t, get(c)) };
}

function phoneColumns(slot: number): ExportColumn[] {
	const n = slot + 1;
	return [
		{
			id: `phone${n}`,
			header: (t) => t('export.header.phone', { n }),
			// What the person typed: the importer normalises it again with the salon's country.
			value: (c) => {
				const p = c.phones[slot];
				return p ? p.raw || p.e164 : '';
			}
		},
		{
			id: `phone${n}Type`,
			header: (t) => t('export.header.phoneType', { n }),
			value: (c, t) => {
				const p = c.phones[slot];
				return p ? t(`fields.phoneLabel.${p.label}`) : '';
			}
		}
	];
}

const BEFORE_PHONES: ExportColumn[] = [
	{ id: 'id', header: field('export.header.id'), value: (c) => c.id },
	text('firstName', (c) => c.firstName),
	text('lastName', (c) => c.lastName),
	{
		id: 'gender',
		header: field('fields.gender'),
		value: (c, t) => t(`fields.gender.${c.gender}`)
	},
	// 'YYYY-MM-DD', or '--MM-DD' without a year (ISO 8601, as stored): never ambiguous.
	text('birthDate', (c) => c.birthDate ?? '')
];

const AFTER_PHONES: ExportColumn[] = [
	{ id: 'emails', header: field('fields.emails'), value: (c) => joinList(c.emails) },
	text('street', (c) => c.address.street),
	text('postalCode', (c) => c.address.postalCode),
	text('city', (c) => c.address.city),
	text('province', (c) => c.address.province),
	text('country', (c) => c.address.country),
	text('fiscalCode', (c) => c.fiscalCode),
	text('nationalId', (c) => c.nationalId),
	{
		id: 'customerType',
		header: field('fields.customerType'),
		value: (c, t) => t(`fields.customerType.${c.customerType}`)
	},
	text('company', (c) => c.business.company),
	text('vatNumber', (c) => c.business.vatNumber),
	text('pec', (c) => c.business.pec),
	text('sdiCode', (c) => c.business.sdiCode),
	{
		id: 'categories',
		header: field('fields.categoryIds'),
		value: (c, _t, l) => names(c.categoryIds, l.categoryName)
	},
	{ id: 'tags', header: field('fields.tags'), value: (c) => joinList(c.tags) },
	{
		id: 'source',
		header: field('fields.sourceId'),
		value: (c, _t, l) => (c.sourceId ? (l.sourceName(c.sourceId) ?? c.sourceId) : '')
	},
	{
		id: 'referredBy',
		header: field('fields.referredById'),
		value: (c, _t, l) => (c.referredById ? (l.clientName(c.referredById) ?? '') : '')
	},
	// The referrer's id too: a name is ambiguous, the id lets a re-import link the same card.
	text('referredById', (c) => c.referredById ?? '', 'export.header.referredById'),
	text('preferredStaff', (c) => c.preferredStaff),
	text('language', (c) => c.language),
	text('profession', (c) => c.profession),
	text('note', (c) => c.note),
	{ id: 'allergies', header: field('fields.allergies'), value: (c) => joinList(c.allergies) },
	{
		id: 'contraindications',
		header: field('fields.contraindications'),
		value: (c) => joinList(c.contraindications)
	},
	text('fidelityCardNumber', (c) => c.fidelityCardNumber),
	text('fidelityCardExpiry', (c) => c.fidelityCardExpiry ?? ''),
	...CONSENT_CHANNELS.map((ch) => bool(ch, (c) => c.consents[ch], `fields.consent.${ch}`)),
	bool('blacklisted', (c) => c.blacklisted),
	text('blacklistReason', (c) => c.blacklistReason),
	bool('archived', (c) => c.archived),
	text('createdAt', (c) => new Date(c.createdAt).toISOString()),
	text('createdBy', (c) => c.createdBy)
];

function customColumn(key: string): ExportColumn {
	return {
		id: `custom:${key}`,
		header: (t) => t('export.header.custom', { name: key }),
		value: (c) => c.customFields[key] ?? ''
	};
}

/**
 * The columns for these clients: as many phone pairs as the client with most phones needs (at
 * least one), then one column per custom field key in use, sorted.
 */
export function exportColumns(clients: readonly Client[]): ExportColumn[] {
	let phoneSlots = 1;
	const customKeys = new Set<string>();
	for (const c of clients) {
		if (c.phones.length > phoneSlots) phoneSlots = c.phones.length;
		for (const key in c.customFields) customKeys.add(key);
	}
	const phones: ExportColumn[] = [];
	for (let slot = 0; slot < phoneSlots; slot++) phones.push(...phoneColumns(slot));
	return [
		...BEFORE_PHONES,
		...phones,
		...AFTER_PHONES,
		...[...customKeys].sort().map(customColumn)
	];
}

export function exportHeaders(columns: readonly ExportColumn[], t: Translate): string[] {
	return columns.map((col) => col.header(t));
}

export function exportRow(
	client: Client,
	columns: readonly ExportColumn[],
	t: Translate,
	lookups: ExportLookups
): string[] {
	return columns.map((col) => col.value(client, t, lookups));
}
