// Consent texts (issue 7 › 1): versions per language, immutable once saved, the default as
// version 1, the client's language with the salon's as fallback, a stable SHA-256; and the
// signature strokes compacted within bounds.
import { describe, expect, it } from 'vitest';
import {
	consentLocaleFor,
	consentTextsSchema,
	defaultText,
	findSignedText,
	hashConsentText,
	latestText,
	offeredScopes,
	reviseText,
	versionsOf
} from '../../src/lib/domain/consent-texts';
import { DEFAULT_CONSENT_TEXTS } from '../../src/lib/domain/consent-default-texts';
import { LOCALES } from '../../src/lib/domain/locales';
import { CONSENT_SCOPES, SIGNATURE_MAX_NUMBERS } from '../../src/lib/domain/consents';
import { compactStrokes, signaturePath } from '../../src/lib/domain/signature';
import { salonSettingsSchema, DEFAULT_SETTINGS } from '../../src/lib/domain/settings';

const STAMP_1 = '1763942400000-0000-deva';
const STAMP_2 = '1763942400100-0000-deva';

describe('consent texts', () => {
	it('every language ships a valid default, version 1, offering every scope', () => {
		for (const locale of LOCALES) {
			const text = latestText([], locale);
			expect(text.version).toBe(1);
			expect(text.locale).toBe(locale);
			expect(consentTextsSchema.safeParse([text]).success).toBe(true);
			expect(offeredScopes(text)).toEqual([...CONSENT_SCOPES]);
		}
		expect(salonSettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
	});

	it('an edit appends the next version and keeps every earlier one unchanged', async () => {
		const v1 = latestText([], 'en');
		const hash1 = await hashConsentText(v1);
		const edited = { ...v1, scopes: { ...v1.scopes, photosSocial: '' } };
		const first = reviseText([], 'en', edited, 1000, STAMP_1);
		expect(first.version).toBe(2);
		expect(versionsOf(first.texts, 'en').map((t) => t.version)).toEqual([2, 1]);
		expect(offeredScopes(latestText(first.texts, 'en'))).not.toContain('photosSocial');
		const v1Again = await findSignedText(first.texts, {
			locale: 'en',
			textVersion: 1,
			textHash: hash1
		});
		expect(v1Again).toEqual(v1);
		expect(await hashConsentText(v1Again!)).toBe(hash1);

		const second = reviseText(first.texts, 'en', { ...edited, title: 'Privacy' }, 2000, STAMP_2);
		expect(second.version).toBe(3);
		expect(second.texts.slice(0, first.texts.length)).toEqual(first.texts);
		expect(consentTextsSchema.safeParse(second.texts).success).toBe(true);
		// Another language is untouched.
		expect(latestText(second.texts, 'it')).toEqual(defaultText('it'));
		expect(latestText(second.texts, 'it')).toMatchObject(DEFAULT_CONSENT_TEXTS.it);
	});

	it('saving an unchanged text makes no version', () => {
		const v1 = latestText([], 'pt');
		const draft = { title: v1.title, intro: v1.intro, scopes: v1.scopes };
		const result = reviseText([], 'pt', draft, 5, STAMP_1);
		expect(result).toEqual({ texts: [], version: null });
	});

	it('a text without the processing sentence, or two equal versions, is refused', () => {
		const v1 = latestText([], 'it');
		const noProcessing = { ...v1, scopes: { ...v1.scopes, processing: ' ' } };
		expect(consentTextsSchema.safeParse([noProcessing]).success).toBe(false);
		expect(consentTextsSchema.safeParse([v1, v1]).success).toBe(false);
	});

	it('the hash is SHA-256 hex and changes with any character of the body', async () => {
		const v1 = latestText([], 'bg');
		const hash = await hashConsentText(v1);
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(await hashConsentText({ ...v1 })).toBe(hash);
		expect(await hashConsentText({ ...v1, intro: `${v1.intro}.` })).not.toBe(hash);
	});

	it("the client's language when the app has it, else the salon's", () => {
		expect(consentLocaleFor('pt', 'it')).toBe('pt');
		expect(consentLocaleFor('EN-gb', 'it')).toBe('en');
		expect(consentLocaleFor('de', 'bg')).toBe('bg');
		expect(consentLocaleFor('', 'it')).toBe('it');
	});
});

describe('signature strokes', () => {
	it('rounds, clamps to the pad and drops repeated points; a tap is a dot', () => {
		const sig = compactStrokes(
			[
				[
					{ x: 10.4, y: 10.6 },
					{ x: 10.9, y: 10.9 },
					{ x: 50, y: 80 },
					{ x: 900, y: -5 }
				],
				[{ x: 5, y: 5 }]
			],
			600,
			200
		);
		expect(sig).toEqual({
			width: 600,
			height: 200,
			strokes: [
				[10, 11, 50, 80, 600, 0],
				[5, 5]
			]
		});
		expect(signaturePath(sig!)).toBe('M10 11 L50 80 L600 0 M5 5 l0.1 0');
	});

	it('thins a long signature until it fits, keeping the ends of each stroke', () => {
		const long = Array.from({ length: 5000 }, (_, i) => ({ x: i % 600, y: (i * 7) % 200 }));
		const sig = compactStrokes([long], 600, 200);
		const numbers = sig!.strokes.flat();
		expect(numbers.length).toBeLessThanOrEqual(SIGNATURE_MAX_NUMBERS);
		expect(numbers.slice(0, 2)).toEqual([0, 0]);
		expect(numbers.slice(-2)).toEqual([4999 % 600, (4999 * 7) % 200]);
	});

	it('nothing drawn is no signature', () => {
		expect(compactStrokes([], 600, 200)).toBeNull();
		expect(compactStrokes([[]], 600, 200)).toBeNull();
	});
});
