// The RxDB JSON schema of a timeline note, written by hand to mirror noteSchema in
// src/lib/domain/notes.ts; tests/unit/schema-agreement.test.ts proves they agree.
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';

const str = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const timestamp = {
	type: 'integer',
	minimum: 0,
	maximum: Number.MAX_SAFE_INTEGER,
	multipleOf: 1
} as const;

export const noteSchemaLiteral = {
	title: 'timeline note',
	description: 'An append-only note on a client card; only its pin changes',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 40 },
		clientId: { type: 'string', minLength: 1, maxLength: 40 },
		text: str(5000),
		author: str(100),
		deviceId: str(40),
		deviceName: str(100),
		createdAt: timestamp,
		pinned: { type: 'boolean' },
		clock: {
			type: 'object',
			properties: { created: str(64), pin: str(64) },
			required: ['created', 'pin'],
			additionalProperties: false
		}
	},
	required: [
		'id',
		'clientId',
		'text',
		'author',
		'deviceId',
		'deviceName',
		'createdAt',
		'pinned',
		'clock'
	],
	additionalProperties: false,
	// A card's timeline is one index range: its notes by time.
	indexes: [['clientId', 'createdAt']]
} as const;

export const noteSchemaTyped = toTypedRxJsonSchema(noteSchemaLiteral);
export type NoteDocType = ExtractDocumentTypeFromTypedRxJsonSchema<typeof noteSchemaTyped>;
export const noteJsonSchema: RxJsonSchema<NoteDocType> = noteSchemaLiteral;
