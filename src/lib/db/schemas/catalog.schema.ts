// Mirrors catalogItemSchema in src/lib/domain/catalog.ts (checked by schema-agreement.test.ts).
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';

const timestamp = {
	type: 'integer',
	minimum: 0,
	maximum: Number.MAX_SAFE_INTEGER,
	multipleOf: 1
} as const;

export const catalogSchemaLiteral = {
	title: 'catalogue item',
	description: 'A service or product the salon sells, with its price in cents',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 40 },
		kind: { type: 'string', enum: ['service', 'product'] },
		name: { type: 'string', minLength: 1, maxLength: 100 },
		price: { type: 'integer', minimum: 0, maximum: 100_000_000, multipleOf: 1 },
		active: { type: 'boolean' },
		createdAt: timestamp,
		updatedAt: timestamp
	},
	required: ['id', 'kind', 'name', 'price', 'active', 'createdAt', 'updatedAt'],
	additionalProperties: false
} as const;

export const catalogSchemaTyped = toTypedRxJsonSchema(catalogSchemaLiteral);
export type CatalogDocType = ExtractDocumentTypeFromTypedRxJsonSchema<typeof catalogSchemaTyped>;
export const catalogJsonSchema: RxJsonSchema<CatalogDocType> = catalogSchemaLiteral;
