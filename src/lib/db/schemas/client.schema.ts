// The RxDB JSON schema of a client card, written by hand to mirror clientSchema in
// src/lib/domain/client.ts field by field; tests/unit/schema-agreement.test.ts proves they agree.
// Every schema change bumps `version` and adds a strategy in ../migrations/client.ts.
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';

const str = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nullableStr = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const;
const strArray = (maxItems: number, itemMax: number) =>
	({ type: 'array', maxItems, items: str(itemMax) }) as const;
const bool = { type: 'boolean' } as const;
// Dexie needs bounded integers to index them; zod's int() allows up to MAX_SAFE_INTEGER too.
const timestamp = {
	type: 'integer',
	minimum: 0,
	maximum: Number.MAX_SAFE_INTEGER,
	multipleOf: 1
} as const;

const phoneItem = {
	type: 'object',
	properties: {
		e164: str(20),
		raw: str(40),
		label: { type: 'string', enum: ['mobile', 'home', 'work', 'other'] }
	},
	required: ['e164', 'raw', 'label'],
	additionalProperties: false
} as const;

/** Observed-remove metadata of one set field (src/lib/domain/stamp.ts): element key → the
 *  element's live add tags with their values, and the removed tags. */
const setMap = <V extends object>(value: V) =>
	({
		type: 'object',
		propertyNames: { maxLength: 260 },
		additionalProperties: {
			type: 'object',
			properties: {
				a: { type: 'object', propertyNames: { maxLength: 80 }, additionalProperties: value },
				r: { type: 'array', maxItems: 500, items: str(80) }
			},
			required: ['a', 'r'],
			additionalProperties: false
		}
	}) as const;

/** Folding can lengthen a name ('ß' → 'ss'): the derived sortName is cut to this. */
export const SORT_NAME_MAX = 210;

export const clientSchemaLiteral = {
	title: 'client card',
	description: 'A salon client: personal data, contacts, consents summary and merge clock',
	version: 4,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 40 },
		firstName: str(100),
		lastName: str(100),
		gender: { type: 'string', enum: ['female', 'male', 'non-binary', 'unspecified'] },
		birthDate: { type: ['string', 'null'], pattern: '^(\\d{4}|-)-\\d{2}-\\d{2}$' },
		phones: { type: 'array', maxItems: 10, items: phoneItem },
		emails: strArray(10, 254),
		address: {
			type: 'object',
			properties: {
				street: str(200),
				postalCode: str(20),
				city: str(100),
				province: str(50),
				country: str(2)
			},
			required: ['street', 'postalCode', 'city', 'province', 'country'],
			additionalProperties: false
		},
		fiscalCode: str(16),
		nationalId: str(40),
		customerType: { type: 'string', enum: ['private', 'business'] },
		business: {
			type: 'object',
			properties: {
				company: str(200),
				vatNumber: str(30),
				pec: str(254),
				sdiCode: str(7)
			},
			required: ['company', 'vatNumber', 'pec', 'sdiCode'],
			additionalProperties: false
		},
		categoryIds: strArray(50, 40),
		tags: strArray(50, 50),
		sourceId: nullableStr(40),
		referredById: nullableStr(40),
		preferredStaff: str(100),
		language: str(5),
		profession: str(100),
		note: str(5000),
		allergies: strArray(50, 200),
		contraindications: strArray(50, 200),
		fidelityCardNumber: str(40),
		fidelityCardExpiry: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
		discountPercent: { type: 'integer', minimum: 0, maximum: 100, multipleOf: 1 },
		consents: {
			type: 'object',
			properties: {
				reminderSms: bool,
				reminderEmail: bool,
				reminderWhatsapp: bool,
				marketingSms: bool,
				marketingEmail: bool,
				marketingWhatsapp: bool
			},
			required: [
				'reminderSms',
				'reminderEmail',
				'reminderWhatsapp',
				'marketingSms',
				'marketingEmail',
				'marketingWhatsapp'
			],
			additionalProperties: false
		},
		blacklisted: bool,
		blacklistReason: str(500),
		archived: bool,
		customFields: {
			type: 'object',
			propertyNames: { maxLength: 40 },
			additionalProperties: str(1000)
		},
		sortName: str(210),
		createdAt: timestamp,
		createdBy: str(100),
		// Optional: cards not written since v4 have no recorded editor.
		editedBy: str(40),
		updatedAt: timestamp,
		clock: {
			type: 'object',
			propertyNames: { maxLength: 64 },
			additionalProperties: str(64)
		},
		// Optional: cards written before v2 have none until their next write (see stamp.ts).
		sets: {
			type: 'object',
			properties: {
				phones: setMap(phoneItem),
				emails: setMap(str(254)),
				categoryIds: setMap(str(40)),
				tags: setMap(str(50)),
				allergies: setMap(str(200)),
				contraindications: setMap(str(200))
			},
			required: ['phones', 'emails', 'categoryIds', 'tags', 'allergies', 'contraindications'],
			additionalProperties: false
		}
	},
	required: [
		'id',
		'firstName',
		'lastName',
		'gender',
		'birthDate',
		'phones',
		'emails',
		'address',
		'fiscalCode',
		'nationalId',
		'customerType',
		'business',
		'categoryIds',
		'tags',
		'sourceId',
		'referredById',
		'preferredStaff',
		'language',
		'profession',
		'note',
		'allergies',
		'contraindications',
		'fidelityCardNumber',
		'fidelityCardExpiry',
		'discountPercent',
		'consents',
		'blacklisted',
		'blacklistReason',
		'archived',
		'customFields',
		'sortName',
		'createdAt',
		'createdBy',
		'updatedAt',
		'clock'
	],
	additionalProperties: false,
	// The list's default sort, newest-first and "changed since" reads; the search index sorts
	// the rest in memory.
	indexes: ['sortName', 'createdAt', 'updatedAt']
} as const;

export const clientSchemaTyped = toTypedRxJsonSchema(clientSchemaLiteral);
export type ClientDocType = ExtractDocumentTypeFromTypedRxJsonSchema<typeof clientSchemaTyped>;
export const clientJsonSchema: RxJsonSchema<ClientDocType> = clientSchemaLiteral;
