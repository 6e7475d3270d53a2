// Version 0 of the client schema, kept so the migration to version 1 stays testable: v0 stored
// one `phone` and one `email` string and had no `sortName`. Never open a collection with it in
// the app; the only reader is tests/unit/migration.test.ts.
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';
import { clientSchemaLiteral } from './client.schema';

// Left out: v0 did not have them.
const {
	phones: _phones,
	emails: _emails,
	sortName: _sortName,
	...kept
} = clientSchemaLiteral.properties;

export const clientSchemaV0Literal = {
	...clientSchemaLiteral,
	version: 0,
	properties: {
		...kept,
		phone: { type: 'string', maxLength: 40 },
		email: { type: 'string', maxLength: 254 }
	},
	required: [
		...clientSchemaLiteral.required.filter(
			(f) => f !== 'phones' && f !== 'emails' && f !== 'sortName'
		),
		'phone',
		'email'
	],
	indexes: ['createdAt', 'updatedAt']
} as const;

export const clientV0SchemaTyped = toTypedRxJsonSchema(clientSchemaV0Literal);
export type ClientDocTypeV0 = ExtractDocumentTypeFromTypedRxJsonSchema<typeof clientV0SchemaTyped>;
export const clientJsonSchemaV0: RxJsonSchema<ClientDocTypeV0> =
	clientSchemaV0Literal as unknown as RxJsonSchema<ClientDocTypeV0>;
