// The catalog key naming each import target (mapping menu, template headers, error messages),
// and the headers our own template and export write, for the importer to recognise.
import type { ImportTarget } from '$lib/domain/import';
import { IMPORT_TARGETS, ownExportSynonyms } from '$lib/domain/import';
import { LOCALES } from '$lib/domain/settings';
import type { MessageKey } from '$lib/i18n/catalog';
import { translate } from '$lib/i18n/format';

const OWN: Partial<Record<ImportTarget, MessageKey>> = {
	fullName: 'import.target.fullName',
	phone: 'import.target.phone',
	phoneHome: 'import.target.phoneHome',
	phoneWork: 'import.target.phoneWork',
	phoneOther: 'import.target.phoneOther',
	marketingConsent: 'import.target.marketingConsent',
	email: 'fields.email',
	categories: 'fields.categoryIds',
	source: 'fields.sourceId'
};

export function targetLabelKey(target: ImportTarget): MessageKey {
	return OWN[target] ?? (`fields.${target}` as MessageKey);
}

/** The columns of the downloadable template, in this order. */
export const TEMPLATE_TARGETS: readonly ImportTarget[] = [
	'firstName',
	'lastName',
	'phone',
	'email',
	'gender',
	'birthDate',
	'street',
	'postalCode',
	'city',
	'province',
	'country',
	'fiscalCode',
	'categories',
	'tags',
	'source',
	'allergies',
	'note',
	'marketingConsent'
];

/**
 * Headers the app itself writes, in every language → their target: our export's columns
 * (first: "Phone 1" and "Phone 1 type" must not fall to a label) and every target's label
 * (the template).
 */
export function labelSynonyms(): [string, ImportTarget][] {
	const pairs: [string, ImportTarget][] = ownExportSynonyms(
		(locale) => (key, params) => translate(locale, key as MessageKey, params)
	);
	for (const locale of LOCALES) {
		for (const target of IMPORT_TARGETS)
			pairs.push([translate(locale, targetLabelKey(target)), target]);
	}
	return pairs;
}
