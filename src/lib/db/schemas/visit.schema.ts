// Mirrors visitSchema in src/lib/domain/visit.ts (checked by schema-agreement.test.ts).
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';

const str = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const money = { type: 'integer', minimum: 0, maximum: 100_000_000, multipleOf: 1 } as const;
const timestamp = {
	type: 'integer',
	minimum: 0,
	maximum: Number.MAX_SAFE_INTEGER,
	multipleOf: 1
} as const;
const line = {
	type: 'object',
	properties: {
		itemId: str(40),
		name: { type: 'string', minLength: 1, maxLength: 100 },
		price: money
	},
	required: ['itemId', 'name', 'price'],
	additionalProperties: false
} as const;

export const visitSchemaLiteral = {
	title: 'visit',
	description: 'A treatment of a client, or a loyalty movement (points, prepaid credit)',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 40 },
		clientId: { type: 'string', minLength: 1, maxLength: 40 },
		kind: { type: 'string', enum: ['visit', 'points', 'prepaid'] },
		at: {
			type: 'string',
			maxLength: 16,
			pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d$'
		},
		staffName: str(100),
		services: { type: 'array', maxItems: 30, items: line },
		products: { type: 'array', maxItems: 30, items: line },
		amountPaid: money,
		status: { type: 'string', enum: ['done', 'no-show', 'cancelled'] },
		note: str(5000),
		delta: { type: 'integer', minimum: -100_000_000, maximum: 100_000_000, multipleOf: 1 },
		locationId: { type: ['string', 'null'], maxLength: 40 },
		deviceId: str(64),
		createdBy: str(100),
		createdAt: timestamp,
		updatedAt: timestamp,
		clock: {
			type: 'object',
			propertyNames: { maxLength: 64 },
			additionalProperties: str(64)
		}
	},
	required: [
		'id',
		'clientId',
		'kind',
		'at',
		'staffName',
		'services',
		'products',
		'amountPaid',
		'status',
		'note',
		'delta',
		'locationId',
		'deviceId',
		'createdBy',
		'createdAt',
		'updatedAt',
		'clock'
	],
	additionalProperties: false,
	// A card reads its own history by client id, newest first.
	indexes: [['clientId', 'at']]
} as const;

export const visitSchemaTyped = toTypedRxJsonSchema(visitSchemaLiteral);
export type VisitDocType = ExtractDocumentTypeFromTypedRxJsonSchema<typeof visitSchemaTyped>;
export const visitJsonSchema: RxJsonSchema<VisitDocType> = visitSchemaLiteral;
