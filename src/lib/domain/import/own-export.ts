// Our own export's columns (src/lib/domain/export) → import targets, so a file exported here
// comes back field for field in any of the four languages. The caller supplies the translator
// per language (the message catalogs live outside the domain).
import { CONSENT_CHANNELS, SET_MAX_ITEMS, emptyClientFields, type Client } from '../client';
import { exportColumns, type Translate } from '../export/columns.js';
import { LOCALES, type Locale } from '../settings';
import type { ImportTarget } from './targets';

const DIRECT: Record<string, ImportTarget | null> = {
	id: null,
	emails: 'email',
	referredBy: null,
	referredById: null,
	createdAt: null,
	createdBy: null,
	...Object.fromEntries(CONSENT_CHANNELS.map((c) => [c, `consent.${c}`]))
};

function targetOf(columnId: string): ImportTarget | null {
	if (columnId in DIRECT) return DIRECT[columnId] ?? null;
	if (/^phone\d+Type$/.test(columnId)) return 'phoneLabel';
	if (/^phone\d+$/.test(columnId)) return 'phone';
	if (columnId.startsWith('custom:')) return null;
	return columnId as ImportTarget;
}

/** Every header our export writes, in every language, with the target it maps to. */
export function ownExportSynonyms(
	translatorFor: (locale: Locale) => Translate
): [string, ImportTarget][] {
	// A card with every phone slot, so every "Phone n" header is listed.
	const widest = {
		...emptyClientFields(),
		phones: Array.from({ length: SET_MAX_ITEMS.phones }, () => ({
			e164: '',
			raw: '',
			label: 'mobile' as const
		}))
	} as unknown as Client;
	const columns = exportColumns([widest]);
	const pairs: [string, ImportTarget][] = [];
	for (const locale of LOCALES) {
		const t = translatorFor(locale);
		for (const column of columns) {
			const target = targetOf(column.id);
			if (target) pairs.push([column.header(t), target]);
		}
	}
	return pairs;
}
