// Mirrors importBatchSchema in src/lib/domain/imports.ts (checked by import-batches.test.ts).
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';

const count = { type: 'integer', minimum: 0, maximum: 10_000_000, multipleOf: 1 } as const;
const time = {
	type: 'integer',
	minimum: 0,
	maximum: Number.MAX_SAFE_INTEGER,
	multipleOf: 1
} as const;

export const importBatchSchemaLiteral = {
	title: 'import batch',
	description: 'One part of one import: file, counts, status, created ids and filled fields',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 60 },
		importId: { type: 'string', minLength: 1, maxLength: 40 },
		part: { type: 'integer', minimum: 0, maximum: 100_000, multipleOf: 1 },
		fileName: { type: 'string', maxLength: 200 },
		deviceId: { type: 'string', maxLength: 64 },
		createdAt: time,
		updatedAt: time,
		status: { type: 'string', enum: ['pending', 'committed', 'undone', 'rolledBack'] },
		counts: {
			type: 'object',
			properties: { created: count, filled: count, skipped: count, errors: count },
			required: ['created', 'filled', 'skipped', 'errors'],
			additionalProperties: false
		},
		createdIds: {
			type: 'array',
			maxItems: 1000,
			items: { type: 'string', minLength: 1, maxLength: 40 }
		},
		filled: {
			type: 'array',
			maxItems: 4000,
			items: {
				type: 'object',
				properties: {
					id: { type: 'string', minLength: 1, maxLength: 40 },
					field: { type: 'string', minLength: 1, maxLength: 40 },
					previous: { type: 'string', maxLength: 20_000 },
					value: { type: 'string', maxLength: 20_000 },
					clock: { type: 'string', maxLength: 64 }
				},
				required: ['id', 'field', 'previous', 'value', 'clock'],
				additionalProperties: false
			}
		}
	},
	required: [
		'id',
		'importId',
		'part',
		'fileName',
		'deviceId',
		'createdAt',
		'updatedAt',
		'status',
		'counts',
		'createdIds',
		'filled'
	],
	additionalProperties: false
} as const;

export const importBatchSchemaTyped = toTypedRxJsonSchema(importBatchSchemaLiteral);
export type ImportBatchDocType = ExtractDocumentTypeFromTypedRxJsonSchema<
	typeof importBatchSchemaTyped
>;
export const importBatchJsonSchema: RxJsonSchema<ImportBatchDocType> = importBatchSchemaLiteral;
