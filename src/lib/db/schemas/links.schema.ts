// Mirrors linkObjectSchema in src/lib/domain/link-schema.ts (checked by schema-agreement.test.ts).
// `choices` holds scalar client fields: their JSON schemas are the client schema's own, so the
// two cannot drift apart.
import type { RxJsonSchema } from 'rxdb';
import { SCALAR_FIELDS, LINK_ID_MAX, type Link } from '$lib/domain/link-schema';
import { clientSchemaLiteral } from './client.schema';

const str = (maxLength: number, minLength?: number) =>
	minLength === undefined
		? ({ type: 'string', maxLength } as const)
		: ({ type: 'string', minLength, maxLength } as const);

const clientProperties = clientSchemaLiteral.properties as Record<string, unknown>;

export const linkSchemaLiteral = {
	title: 'duplicate link',
	description: 'A merge of two duplicate cards, or "different person"; one document per pair',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: str(LINK_ID_MAX, 3),
		a: str(40, 1),
		b: str(40, 1),
		kind: { type: 'string', enum: ['merge', 'distinct'] },
		undone: { type: 'boolean' },
		by: str(64),
		staff: str(100),
		at: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, multipleOf: 1 },
		clock: {
			type: 'object',
			properties: { state: str(64, 1) },
			required: ['state'],
			additionalProperties: false
		},
		origin: { type: 'string', enum: ['auto', 'manual'] },
		choices: {
			type: 'object',
			properties: Object.fromEntries(SCALAR_FIELDS.map((f) => [f, clientProperties[f]])),
			required: [],
			additionalProperties: false
		}
	},
	required: ['id', 'a', 'b', 'kind', 'undone', 'by', 'staff', 'at', 'clock', 'origin', 'choices'],
	additionalProperties: false
} as const;

export type LinkDocType = Link;
export const linkJsonSchema = linkSchemaLiteral as unknown as RxJsonSchema<LinkDocType>;
