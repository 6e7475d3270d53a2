// Mirrors staffSchema in src/lib/domain/staff.ts (checked by schema-agreement.test.ts).
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

export const staffSchemaLiteral = {
	title: 'staff member',
	description: 'Who works in the salon: name, role, location and the salted hash of a PIN',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 40 },
		name: { type: 'string', minLength: 1, maxLength: 100 },
		role: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9_-]*$' },
		pinHash: str(64),
		pinSalt: str(64),
		pinIterations: { type: 'integer', minimum: 0, maximum: 10_000_000, multipleOf: 1 },
		locationId: { type: ['string', 'null'], maxLength: 40 },
		active: { type: 'boolean' },
		createdAt: timestamp,
		updatedAt: timestamp,
		editedBy: str(40),
		clock: {
			type: 'object',
			propertyNames: { maxLength: 64 },
			additionalProperties: str(64)
		}
	},
	required: [
		'id',
		'name',
		'role',
		'pinHash',
		'pinSalt',
		'pinIterations',
		'locationId',
		'active',
		'createdAt',
		'updatedAt',
		'editedBy',
		'clock'
	],
	additionalProperties: false
} as const;

export const staffSchemaTyped = toTypedRxJsonSchema(staffSchemaLiteral);
export type StaffDocType = ExtractDocumentTypeFromTypedRxJsonSchema<typeof staffSchemaTyped>;
export const staffJsonSchema: RxJsonSchema<StaffDocType> = staffSchemaLiteral;
