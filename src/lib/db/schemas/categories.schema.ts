// Mirrors categorySchema in src/lib/domain/settings.ts (checked by schema-agreement.test.ts).
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';

export const categorySchemaLiteral = {
	title: 'client category',
	description: 'An owner-defined client category with a badge colour',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 40 },
		name: { type: 'string', minLength: 1, maxLength: 60 },
		color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
		createdAt: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, multipleOf: 1 }
	},
	required: ['id', 'name', 'color', 'createdAt'],
	additionalProperties: false
} as const;

export const categorySchemaTyped = toTypedRxJsonSchema(categorySchemaLiteral);
export type CategoryDocType = ExtractDocumentTypeFromTypedRxJsonSchema<typeof categorySchemaTyped>;
export const categoryJsonSchema: RxJsonSchema<CategoryDocType> = categorySchemaLiteral;
