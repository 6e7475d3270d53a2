// Salon configuration kept in the `settings` collection (one document per key).
import { z } from 'zod';
import type { ClientField } from './client.js';
import { locationsSchema } from './locations.js';
import { customRolesSchema } from './permissions.js';

import { LOCALES } from './locales.js';
import { consentTextsSchema } from './consent-texts.js';

export { LOCALES, type Locale } from './locales.js';

/** Fields an owner may make required on the client form. */
export const REQUIRABLE_FIELDS = [
	'firstName',
	'lastName',
	'gender',
	'birthDate',
	'phones',
	'emails',
	'address',
	'fiscalCode',
	'sourceId'
] as const satisfies readonly ClientField[];

/** Who the data controller is, as the privacy form prints it. */
export const salonDetailsSchema = z
	.object({
		legalName: z.string().max(200),
		address: z.string().max(300),
		vatNumber: z.string().max(40),
		phone: z.string().max(40),
		email: z.string().max(254)
	})
	.strict();
export type SalonDetails = z.infer<typeof salonDetailsSchema>;

export const salonSettingsSchema = z.object({
	/** ISO 3166-1 alpha-2 country used to read phone numbers typed without a prefix. */
	defaultCountry: z.string().regex(/^[A-Z]{2}$/),
	requiredFields: z.array(z.enum(REQUIRABLE_FIELDS)),
	salonName: z.string().max(200),
	/** The salon's own language; each device may still choose its own. */
	locale: z.enum(LOCALES),
	/** ISO 4217 code of prices and amounts (visits, catalogue, prepaid credit). */
	currency: z.string().regex(/^[A-Z]{3}$/),
	/** The chain's locations (locations.ts); empty for a salon with one place. */
	locations: locationsSchema,
	/** Merge certain and strong duplicate pairs on reconnect and after imports (issue 4). */
	autoMergeDuplicates: z.boolean(),
	/** Encrypt health fields and notes in every device's database (issue 7, README › Privacy and
	 *  security). Owner option (manageStaff), off by default. */
	encryptAtRest: z.boolean(),
	/** The owner's custom roles (permissions.ts); the sync server reads them too. */
	roles: customRolesSchema,
	/** The consent texts the owner wrote, every version (consent-texts.ts; issue 7). */
	consentTexts: consentTextsSchema,
	/** The salon's details printed on the privacy form (issue 7). */
	salonDetails: salonDetailsSchema,
	/** Propose erasing clients not seen for this many years (retention.ts); null: off. */
	retentionYears: z.number().int().min(1).max(30).nullable()
});
export type SalonSettings = z.infer<typeof salonSettingsSchema>;

export const DEFAULT_SETTINGS: SalonSettings = {
	defaultCountry: 'IT',
	requiredFields: ['firstName', 'lastName'],
	salonName: '',
	locale: 'it',
	currency: 'EUR',
	locations: [],
	autoMergeDuplicates: true,
	encryptAtRest: false,
	roles: [],
	consentTexts: [],
	salonDetails: { legalName: '', address: '', vatNumber: '', phone: '', email: '' },
	retentionYears: null
};

export const categorySchema = z.object({
	id: z.string().min(1).max(40),
	name: z.string().trim().min(1).max(60),
	/** '#rrggbb' */
	color: z.string().regex(/^#[0-9a-f]{6}$/i),
	createdAt: z.number().int().min(0)
});
export type Category = z.infer<typeof categorySchema>;

export const sourceSchema = z.object({
	id: z.string().min(1).max(40),
	name: z.string().trim().min(1).max(60),
	createdAt: z.number().int().min(0)
});
export type Source = z.infer<typeof sourceSchema>;
