// Mirrors sourceSchema in src/lib/domain/settings.ts (checked by schema-agreement.test.ts).
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';

export const sourceSchemaLiteral = {
	title: 'acquisition source',
	description: 'How a client found the salon (Instagram, word of mouth, …)',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 40 },
		name: { type: 'string', minLength: 1, maxLength: 60 },
		createdAt: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, multipleOf: 1 }
	},
	required: ['id', 'name', 'createdAt'],
	additionalProperties: false
} as const;

export const sourceSchemaTyped = toTypedRxJsonSchema(sourceSchemaLiteral);
export type SourceDocType = ExtractDocumentTypeFromTypedRxJsonSchema<typeof sourceSchemaTyped>;
export const sourceJsonSchema: RxJsonSchema<SourceDocType> = sourceSchemaLiteral;
