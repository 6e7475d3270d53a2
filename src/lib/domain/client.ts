// The client card: the single source of truth for its shape. The RxDB JSON schema in
// src/lib/db/schemas/client.schema.ts is written by hand and a unit test proves they agree.
import { z } from 'zod';

export const GENDERS = ['female', 'male', 'non-binary', 'unspecified'] as const;
export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;
export const CUSTOMER_TYPES = ['private', 'business'] as const;
export const CONSENT_CHANNELS = [
	'reminderSms',
	'reminderEmail',
	'reminderWhatsapp',
	'marketingSms',
	'marketingEmail',
	'marketingWhatsapp'
] as const;

const text = (max: number) => z.string().max(max);
/** ISO calendar date, 'YYYY-MM-DD'. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
/** A birthday: 'YYYY-MM-DD', or '--MM-DD' (ISO 8601) when the year is not known. */
export const birthDateSchema = z.string().regex(/^(\d{4}|-)-\d{2}-\d{2}$/, 'birthDate');

export const phoneSchema = z.object({
	/** E.164 ('+393331234567'); '' when the raw text could not be parsed (kept, never lost). */
	e164: text(20),
	/** Exactly what the person typed or the import brought. */
	raw: text(40),
	label: z.enum(PHONE_LABELS)
});
export type Phone = z.infer<typeof phoneSchema>;

export const addressSchema = z.object({
	street: text(200),
	postalCode: text(20),
	city: text(100),
	province: text(50),
	country: text(2) // ISO 3166-1 alpha-2, '' when unknown
});
export type Address = z.infer<typeof addressSchema>;

export const businessSchema = z.object({
	company: text(200),
	vatNumber: text(30),
	pec: text(254),
	sdiCode: text(7)
});
export type Business = z.infer<typeof businessSchema>;

export const consentSummarySchema = z.object(
	Object.fromEntries(CONSENT_CHANNELS.map((c) => [c, z.boolean()])) as Record<
		(typeof CONSENT_CHANNELS)[number],
		z.ZodBoolean
	>
);
export type ConsentSummary = z.infer<typeof consentSummarySchema>;

/** How many elements each set field shows (and the wire accepts). A merge can bring more
 *  (two devices each added some): the rest stay in the set metadata, unseen, until room frees. */
export const SET_MAX_ITEMS = {
	phones: 10,
	emails: 10,
	categoryIds: 50,
	tags: 50,
	allergies: 50,
	contraindications: 50
} as const;

/** The fields a person edits. Each has its own HLC entry in `clock`. */
export const clientFieldsSchema = z.object({
	firstName: text(100),
	lastName: text(100),
	gender: z.enum(GENDERS),
	birthDate: birthDateSchema.nullable(),
	phones: z.array(phoneSchema).max(SET_MAX_ITEMS.phones),
	emails: z.array(text(254)).max(SET_MAX_ITEMS.emails),
	address: addressSchema,
	fiscalCode: text(16),
	nationalId: text(40),
	customerType: z.enum(CUSTOMER_TYPES),
	business: businessSchema,
	categoryIds: z.array(text(40)).max(SET_MAX_ITEMS.categoryIds),
	tags: z.array(text(50)).max(SET_MAX_ITEMS.tags),
	sourceId: text(40).nullable(),
	referredById: text(40).nullable(),
	preferredStaff: text(100),
	language: text(5),
	profession: text(100),
	note: text(5000),
	allergies: z.array(text(200)).max(SET_MAX_ITEMS.allergies),
	contraindications: z.array(text(200)).max(SET_MAX_ITEMS.contraindications),
	fidelityCardNumber: text(40),
	fidelityCardExpiry: isoDate.nullable(),
	/** Per-client discount, whole percent (issue 6). */
	discountPercent: z.number().int().min(0).max(100),
	consents: consentSummarySchema,
	blacklisted: z.boolean(),
	blacklistReason: text(500),
	archived: z.boolean(),
	customFields: z.record(text(40), text(1000))
});
export type ClientFields = z.infer<typeof clientFieldsSchema>;
export type ClientField = keyof ClientFields;
export const CLIENT_FIELDS = Object.keys(clientFieldsSchema.shape) as ClientField[];

/** Fields that merge as add-wins sets (DESIGN.md › Merge rules, rule 3). */
export const SET_FIELDS = [
	'phones',
	'emails',
	'categoryIds',
	'tags',
	'allergies',
	'contraindications'
] as const satisfies readonly ClientField[];

/** A tag of one add of one set element: `${hlc}#${position in the writing array}`. */
export const setTagSchema = z.string().max(80);
const setEntrySchema = <T extends z.ZodType>(value: T) =>
	z
		.object({
			/** live add tags → the element's value as written by that add */
			a: z.record(setTagSchema, value),
			/** add tags this element's removals had observed; they never come back */
			r: z.array(setTagSchema).max(500)
		})
		.strict();
const setMapSchema = <T extends z.ZodType>(value: T) =>
	z.record(z.string().max(260), setEntrySchema(value));

/**
 * Observed-remove metadata of the SET_FIELDS (DESIGN.md › Merge rules, rule 3): element key →
 * its add tags and observed removals. The visible arrays are derived from it
 * (src/lib/domain/stamp.ts). Optional: a card without it reads as "every element added by the
 * field's last write", so cards written before it existed merge the same way on every device.
 */
export const setsSchema = z
	.object({
		phones: setMapSchema(phoneSchema),
		emails: setMapSchema(text(254)),
		categoryIds: setMapSchema(text(40)),
		tags: setMapSchema(text(50)),
		allergies: setMapSchema(text(200)),
		contraindications: setMapSchema(text(200))
	})
	.strict();
export type SetsMeta = z.infer<typeof setsSchema>;

/** The card without its cross-field rule, for schemas that must extend it (the wire protocol). */
export const clientObjectSchema = clientFieldsSchema.extend({
	id: z.string().min(1).max(40),
	/** Derived on every write: folded "surname firstname", indexed for the list's default sort. */
	sortName: text(210),
	createdAt: z.number().int().min(0),
	createdBy: text(100),
	/** Staff id of whoever made the latest write, deletes included ('' when nobody was signed in;
	 *  absent on cards not written since issue 7). authorship.ts reads it for the audit log. */
	editedBy: text(40).optional(),
	updatedAt: z.number().int().min(0),
	/** field name → HLC timestamp of its last write (src/lib/domain/hlc.ts). */
	clock: z.record(z.string().max(64), z.string().max(64)),
	sets: setsSchema.optional()
});

/** Key of a delete's stamp in `clock` (src/lib/domain/merge.ts). */
export const DELETED_CLOCK_KEY = '_deleted';

/** A card needs a first or a last name. */
export const hasName = (c: Pick<ClientFields, 'firstName' | 'lastName'>): boolean =>
	c.firstName.trim() !== '' || c.lastName.trim() !== '';
export const NAME_REQUIRED = { message: 'nameRequired', path: ['lastName'] };

export const clientSchema = clientObjectSchema.refine(hasName, NAME_REQUIRED);
export type Client = z.infer<typeof clientSchema>;

export function emptyClientFields(): ClientFields {
	return {
		firstName: '',
		lastName: '',
		gender: 'unspecified',
		birthDate: null,
		phones: [],
		emails: [],
		address: { street: '', postalCode: '', city: '', province: '', country: '' },
		fiscalCode: '',
		nationalId: '',
		customerType: 'private',
		business: { company: '', vatNumber: '', pec: '', sdiCode: '' },
		categoryIds: [],
		tags: [],
		sourceId: null,
		referredById: null,
		preferredStaff: '',
		language: '',
		profession: '',
		note: '',
		allergies: [],
		contraindications: [],
		fidelityCardNumber: '',
		fidelityCardExpiry: null,
		discountPercent: 0,
		consents: {
			reminderSms: false,
			reminderEmail: false,
			reminderWhatsapp: false,
			marketingSms: false,
			marketingEmail: false,
			marketingWhatsapp: false
		},
		blacklisted: false,
		blacklistReason: '',
		archived: false,
		customFields: {}
	};
}

export function displayName(c: Pick<ClientFields, 'firstName' | 'lastName'>): string {
	return `${c.firstName} ${c.lastName}`.trim();
}
