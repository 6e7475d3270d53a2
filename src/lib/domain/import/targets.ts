// What a column of an imported file can become on the client card. Several columns may map to
// the same multi-valued target (Phone 1, Phone 2…); each adds its values.
import { CONSENT_CHANNELS } from '../client';

export const IMPORT_TARGETS = [
	'firstName',
	'lastName',
	'fullName',
	'gender',
	'birthDate',
	'phone',
	'phoneHome',
	'phoneWork',
	'phoneOther',
	/** The label of the phone in the column before (our export's "Phone 1 type"). */
	'phoneLabel',
	'email',
	'street',
	'postalCode',
	'city',
	'province',
	'country',
	'fiscalCode',
	'nationalId',
	'customerType',
	'company',
	'vatNumber',
	'pec',
	'sdiCode',
	'categories',
	'tags',
	'source',
	'preferredStaff',
	'language',
	'profession',
	'note',
	'allergies',
	'contraindications',
	'fidelityCardNumber',
	'fidelityCardExpiry',
	'marketingConsent',
	...CONSENT_CHANNELS.map((c) => `consent.${c}` as const),
	'blacklisted',
	'blacklistReason',
	'archived'
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Targets that take more than one column (each column adds its values). */
export const MULTI_TARGETS: ReadonlySet<ImportTarget> = new Set<ImportTarget>([
	'phone',
	'phoneHome',
	'phoneWork',
	'phoneOther',
	'phoneLabel',
	'email',
	'categories',
	'tags',
	'allergies',
	'contraindications',
	'note'
]);

/** Targets whose values are dates; their format is detected per column. */
export const DATE_TARGETS: ReadonlySet<ImportTarget> = new Set<ImportTarget>([
	'birthDate',
	'fidelityCardExpiry'
]);

/** Targets whose values are yes/no words. */
export const BOOLEAN_TARGETS: ReadonlySet<ImportTarget> = new Set<ImportTarget>([
	'marketingConsent',
	...CONSENT_CHANNELS.map((c) => `consent.${c}` as const),
	'blacklisted',
	'archived'
]);

/** column index → target, or null when the column is ignored. */
export type ColumnMapping = (ImportTarget | null)[];

export function isImportTarget(value: unknown): value is ImportTarget {
	return typeof value === 'string' && (IMPORT_TARGETS as readonly string[]).includes(value);
}
