// The RxDB JSON schema of a consent record, written by hand to mirror consentRecordSchema in
// src/lib/domain/consents.ts; tests/unit/schema-agreement.test.ts proves they agree.
import {
	toTypedRxJsonSchema,
	type ExtractDocumentTypeFromTypedRxJsonSchema,
	type RxJsonSchema
} from 'rxdb';
import {
	CONSENT_CHOICES,
	CONSENT_KINDS,
	CONSENT_SCOPES,
	SIGNATURE_MAX_SIZE,
	SIGNATURE_MAX_STROKE_NUMBERS,
	SIGNATURE_MAX_STROKES
} from '$lib/domain/consents';
import { LOCALES } from '$lib/domain/locales';

const str = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const int = (maximum: number) => ({ type: 'integer', minimum: 0, maximum, multipleOf: 1 }) as const;

export const consentSchemaLiteral = {
	title: 'consent record',
	description: 'A signed consent or a withdrawal: append-only proof of what a client agreed to',
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: {
		id: { type: 'string', minLength: 1, maxLength: 40 },
		clientId: { type: 'string', minLength: 1, maxLength: 40 },
		kind: { type: 'string', enum: CONSENT_KINDS },
		locale: { type: 'string', enum: LOCALES },
		textVersion: int(1_000_000),
		textHash: str(64),
		choices: {
			type: 'array',
			maxItems: CONSENT_SCOPES.length,
			items: {
				type: 'object',
				properties: {
					scope: { type: 'string', enum: CONSENT_SCOPES },
					choice: { type: 'string', enum: CONSENT_CHOICES }
				},
				required: ['scope', 'choice'],
				additionalProperties: false
			}
		},
		signature: {
			type: 'object',
			properties: {
				width: int(SIGNATURE_MAX_SIZE),
				height: int(SIGNATURE_MAX_SIZE),
				strokes: {
					type: 'array',
					maxItems: SIGNATURE_MAX_STROKES,
					items: {
						type: 'array',
						maxItems: SIGNATURE_MAX_STROKE_NUMBERS,
						items: int(SIGNATURE_MAX_SIZE)
					}
				}
			},
			required: ['width', 'height', 'strokes'],
			additionalProperties: false
		},
		signerName: str(200),
		signedAt: int(Number.MAX_SAFE_INTEGER),
		deviceId: str(40),
		staffId: str(40)
	},
	required: [
		'id',
		'clientId',
		'kind',
		'locale',
		'textVersion',
		'textHash',
		'choices',
		'signature',
		'signerName',
		'signedAt',
		'deviceId',
		'staffId'
	],
	additionalProperties: false,
	// A card's consents are one index range: its records by time.
	indexes: [['clientId', 'signedAt']]
} as const;

export const consentSchemaTyped = toTypedRxJsonSchema(consentSchemaLiteral);
export type ConsentDocType = ExtractDocumentTypeFromTypedRxJsonSchema<typeof consentSchemaTyped>;
export const consentJsonSchema: RxJsonSchema<ConsentDocType> = consentSchemaLiteral;
