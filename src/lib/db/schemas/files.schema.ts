// The RxDB JSON schema of a photo or file on a card, written by hand to mirror fileSchema in
// src/lib/domain/files.ts; tests/unit/schema-agreement.test.ts proves they agree. The bytes are
// a base64 field, not an RxDB attachment: see files.ts for why.
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';
import {
	FILE_KINDS,
	FILE_TYPES,
	MAX_FILE_BASE64,
	MAX_FILE_BYTES,
	MAX_THUMB_BASE64
} from '$lib/domain/files';

const str = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const int = (maximum: number) => ({ type: 'integer', minimum: 0, maximum, multipleOf: 1 }) as const;

export const fileSchemaLiteral = {
	title: 'client file',
	description: 'A photo or document on a client card, its bytes as base64',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 40 },
		clientId: { type: 'string', minLength: 1, maxLength: 40 },
		visitId: { type: ['string', 'null'], maxLength: 40 },
		kind: { type: 'string', enum: FILE_KINDS },
		name: str(200),
		mimeType: { type: 'string', enum: FILE_TYPES },
		size: int(MAX_FILE_BYTES),
		width: int(100_000),
		height: int(100_000),
		data: str(MAX_FILE_BASE64),
		thumb: str(MAX_THUMB_BASE64),
		author: str(100),
		deviceId: str(40),
		deviceName: str(100),
		createdAt: int(Number.MAX_SAFE_INTEGER)
	},
	required: [
		'id',
		'clientId',
		'visitId',
		'kind',
		'name',
		'mimeType',
		'size',
		'width',
		'height',
		'data',
		'thumb',
		'author',
		'deviceId',
		'deviceName',
		'createdAt'
	],
	additionalProperties: false,
	indexes: [['clientId', 'createdAt']]
} as const;

export const fileSchemaTyped = toTypedRxJsonSchema(fileSchemaLiteral);
export type FileDocType = ExtractDocumentTypeFromTypedRxJsonSchema<typeof fileSchemaTyped>;
export const fileJsonSchema: RxJsonSchema<FileDocType> = fileSchemaLiteral;
