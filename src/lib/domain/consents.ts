// Signed consents (issue 7 › 1; DESIGN.md › Data model, merge rule 4). A record is what the
// client signed on a device, or a withdrawal: written once, never edited, so two devices adding
// records offline add two documents and nothing conflicts. The current state of each scope is
// derived from all records (`currentConsents`), never stored: the latest record that names a
// scope decides it, and every record stays in its history as proof (who, when, which text, how).
import { z } from 'zod';
import { CONSENT_CHANNELS, type ConsentSummary } from './client.js';
import { LOCALES } from './locales.js';

/** What a client can agree to. The six channel scopes carry the names of the card's summary
 *  fields (client.ts CONSENT_CHANNELS), so a record maps onto the summary one to one. */
export const CONSENT_SCOPES = [
	'processing',
	'health',
	...CONSENT_CHANNELS,
	'photosRecords',
	'photosSocial'
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_KINDS = ['signed', 'withdrawn'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_CHOICES = ['granted', 'refused'] as const;
export type ConsentChoice = (typeof CONSENT_CHOICES)[number];

/** Signature bounds: coordinates in CSS pixels of the pad, strokes as flat [x0, y0, x1, y1…]
 *  lists. A finger signature compacted by signature.ts needs a few hundred numbers; the bounds
 *  keep one record near 20 KB, so a push of MAX_CONSENT_PUSH_ROWS stays under the body limit. */
export const SIGNATURE_MAX_SIZE = 4000;
export const SIGNATURE_MAX_STROKES = 64;
export const SIGNATURE_MAX_STROKE_NUMBERS = 1000;
export const SIGNATURE_MAX_NUMBERS = 4000;

const coordinate = z.number().int().min(0).max(SIGNATURE_MAX_SIZE);

export const signatureSchema = z
	.object({
		width: coordinate,
		height: coordinate,
		strokes: z
			.array(z.array(coordinate).max(SIGNATURE_MAX_STROKE_NUMBERS))
			.max(SIGNATURE_MAX_STROKES)
	})
	.strict();
export type Signature = z.infer<typeof signatureSchema>;
export const EMPTY_SIGNATURE: Signature = { width: 0, height: 0, strokes: [] };

export const consentChoiceSchema = z
	.object({ scope: z.enum(CONSENT_SCOPES), choice: z.enum(CONSENT_CHOICES) })
	.strict();
export type ScopeChoice = z.infer<typeof consentChoiceSchema>;

export const consentRecordSchema = z.object({
	id: z.string().min(1).max(40),
	clientId: z.string().min(1).max(40),
	kind: z.enum(CONSENT_KINDS),
	/** The language and version of the text shown, and the SHA-256 (hex) of its exact body. */
	locale: z.enum(LOCALES),
	textVersion: z.number().int().min(0).max(1_000_000),
	textHash: z.string().max(64),
	choices: z.array(consentChoiceSchema).max(CONSENT_SCOPES.length),
	signature: signatureSchema,
	signerName: z.string().max(200),
	signedAt: z.number().int().min(0),
	/** The HLC node id of the device, and the signed-in staff member ('' when nobody). */
	deviceId: z.string().max(40),
	staffId: z.string().max(40)
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
export type ConsentDoc = ConsentRecord & { _deleted?: boolean };

export type ConsentProblem =
	| 'noChoices'
	| 'duplicateScope'
	| 'signatureRequired'
	| 'signatureTooLarge'
	| 'oddStroke'
	| 'withdrawGrants';

function countNumbers(signature: Signature): number {
	return signature.strokes.reduce((sum, stroke) => sum + stroke.length, 0);
}

/** The rules a live record keeps beyond its field bounds; null when it is sound. */
export function consentProblem(record: ConsentRecord): ConsentProblem | null {
	if (record.choices.length === 0) return 'noChoices';
	const scopes = new Set(record.choices.map((c) => c.scope));
	if (scopes.size !== record.choices.length) return 'duplicateScope';
	if (countNumbers(record.signature) > SIGNATURE_MAX_NUMBERS) return 'signatureTooLarge';
	if (record.signature.strokes.some((s) => s.length % 2 !== 0)) return 'oddStroke';
	if (record.kind === 'signed' && countNumbers(record.signature) === 0) return 'signatureRequired';
	if (record.kind === 'withdrawn' && record.choices.some((c) => c.choice === 'granted')) {
		return 'withdrawGrants';
	}
	return null;
}

/** A tombstone keeps no personal data: not who signed, not how, not what she chose. Used when
 *  a client is erased (GDPR); the record's id, client, time, device and text version remain. */
export function toConsentTombstone(record: ConsentRecord): ConsentRecord {
	return { ...record, choices: [], signature: EMPTY_SIGNATURE, signerName: '' };
}

const live = z.literal(false);
const deleted = z.literal(true);

/** The wire document: a sound live record, or a tombstone without personal data. */
export const consentWireSchema = z.discriminatedUnion('_deleted', [
	consentRecordSchema
		.extend({ _deleted: live })
		.strict()
		.superRefine((record, ctx) => {
			const problem = consentProblem(record);
			if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['choices'] });
		}),
	consentRecordSchema
		.extend({
			_deleted: deleted,
			choices: z.array(consentChoiceSchema).max(0),
			signature: signatureSchema.extend({
				width: z.literal(0),
				height: z.literal(0),
				strokes: z.array(z.array(coordinate)).max(0)
			}),
			signerName: z.literal('')
		})
		.strict()
]);
export type WireConsent = z.infer<typeof consentWireSchema>;

/** Newest first: by time, then id (UUIDv7, so creation order on one device). */
export function compareConsentsNewestFirst(a: ConsentRecord, b: ConsentRecord): number {
	return b.signedAt - a.signedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export type ScopeStatus = 'granted' | 'refused' | 'withdrawn' | 'none';

export interface ScopeState {
	scope: ConsentScope;
	status: ScopeStatus;
	/** The record that decides the status (null: never asked). */
	record: ConsentRecord | null;
	/** Every record naming this scope, newest first (concurrent ones all kept). */
	history: ConsentRecord[];
}

/** The state of every scope from a card's records: the latest record naming a scope wins. */
export function currentConsents(
	records: readonly ConsentRecord[]
): Record<ConsentScope, ScopeState> {
	const sorted = [...records].sort(compareConsentsNewestFirst);
	const states = {} as Record<ConsentScope, ScopeState>;
	for (const scope of CONSENT_SCOPES) {
		const history = sorted.filter((r) => r.choices.some((c) => c.scope === scope));
		const record = history[0] ?? null;
		const choice = record?.choices.find((c) => c.scope === scope)?.choice;
		const status: ScopeStatus =
			record === null ? 'none' : record.kind === 'withdrawn' ? 'withdrawn' : (choice ?? 'refused');
		states[scope] = { scope, status, record, history };
	}
	return states;
}

/** Whether processing of personal data is granted: without it the card shows a warning. */
export function hasProcessingConsent(states: Record<ConsentScope, ScopeState>): boolean {
	return states.processing.status === 'granted';
}

/**
 * The card's summary of channel consents (client.ts `consents`), with signed records taking
 * precedence: a channel that has a record shows that record's state, one without keeps the
 * summary typed on the form or imported. The summary field itself is not rewritten, so an
 * import or a manual edit never fights a signature in the merge; the signature is the proof.
 */
export function effectiveSummary(
	summary: ConsentSummary,
	states: Record<ConsentScope, ScopeState>
): ConsentSummary {
	const out = { ...summary };
	for (const channel of CONSENT_CHANNELS) {
		const state = states[channel];
		if (state.status !== 'none') out[channel] = state.status === 'granted';
	}
	return out;
}
