// One document per salon setting (key → JSON value). Keys sync and merge independently, so two
// devices changing different settings offline never conflict. The value's shape depends on the
// key, so it is validated with zod (salonSettingsSchema) in ../settings.ts, not here.
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';

export const settingSchemaLiteral = {
	title: 'salon setting',
	description: 'One salon-wide setting: key and JSON value',
	version: 0,
	primaryKey: 'key',
	type: 'object',
	properties: {
		key: { type: 'string', minLength: 1, maxLength: 40 },
		value: {},
		updatedAt: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, multipleOf: 1 }
	},
	required: ['key', 'value', 'updatedAt'],
	additionalProperties: false
} as const;

export const settingSchemaTyped = toTypedRxJsonSchema(settingSchemaLiteral);
// The untyped `value: {}` extracts as `never`; it is any JSON value until zod reads it.
export type SettingDocType = Omit<
	ExtractDocumentTypeFromTypedRxJsonSchema<typeof settingSchemaTyped>,
	'value'
> & {
	value: unknown;
};
export const settingJsonSchema: RxJsonSchema<SettingDocType> = settingSchemaLiteral;
