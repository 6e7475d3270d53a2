// The consent texts the owner writes, per language, versioned (issue 7 › 1). Stored in the
// `settings` collection under the key `consentTexts` as a list of versions. A version is never
// changed once saved: saving an edited text appends the next version, so every signed record
// can name the exact text it was signed on (version + SHA-256 of its body). The shipped default
// of each language is its version 1 (consent-default-texts.ts) until the owner saves one.
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';
import { CONSENT_SCOPES, type ConsentScope } from './consents.js';
import { DEFAULT_CONSENT_TEXTS } from './consent-default-texts.js';
import { LOCALES, type Locale } from './locales.js';

export const CONSENT_TITLE_MAX = 200;
export const CONSENT_INTRO_MAX = 6000;
export const CONSENT_SCOPE_TEXT_MAX = 2000;
export const MAX_CONSENT_TEXT_VERSIONS = 400;

export const consentScopeTextsSchema = z
	.object(
		Object.fromEntries(CONSENT_SCOPES.map((s) => [s, z.string().max(CONSENT_SCOPE_TEXT_MAX)])) as {
			[K in ConsentScope]: z.ZodString;
		}
	)
	.strict();
export type ConsentScopeTexts = z.infer<typeof consentScopeTextsSchema>;

export const consentTextVersionSchema = z
	.object({
		locale: z.enum(LOCALES),
		version: z.number().int().min(1).max(1_000_000),
		createdAt: z.number().int().min(0),
		title: z.string().max(CONSENT_TITLE_MAX),
		/** The information notice (who the controller is, why, how long, the client's rights). */
		intro: z.string().max(CONSENT_INTRO_MAX),
		/** One sentence per scope; an empty one is not offered for signing. */
		scopes: consentScopeTextsSchema
	})
	.strict()
	.refine((t) => t.scopes.processing.trim() !== '', {
		message: 'processingRequired',
		path: ['scopes', 'processing']
	});
export type ConsentTextVersion = z.infer<typeof consentTextVersionSchema>;

export const consentTextsSchema = z
	.array(consentTextVersionSchema)
	.max(MAX_CONSENT_TEXT_VERSIONS)
	.refine((list) => new Set(list.map((t) => `${t.locale}:${t.version}`)).size === list.length, {
		message: 'duplicateVersion'
	});
export type ConsentTexts = z.infer<typeof consentTextsSchema>;

/** What the owner edits: the text without its version bookkeeping. */
export type ConsentTextDraft = Pick<ConsentTextVersion, 'title' | 'intro' | 'scopes'>;

/** Every version of a language, newest first; the shipped default counts as version 1 unless
 *  the owner stored a version 1 of that language. */
export function versionsOf(texts: readonly ConsentTextVersion[], locale: Locale) {
	const stored = texts.filter((t) => t.locale === locale);
	const list = stored.some((t) => t.version === 1)
		? stored
		: [...stored, DEFAULT_CONSENT_TEXTS[locale]];
	return list.sort((a, b) => b.version - a.version);
}

/** The text a new signature uses in that language: its latest version. */
export function latestText(texts: readonly ConsentTextVersion[], locale: Locale) {
	return versionsOf(texts, locale)[0] as ConsentTextVersion;
}

export function findText(
	texts: readonly ConsentTextVersion[],
	locale: Locale,
	version: number
): ConsentTextVersion | null {
	return versionsOf(texts, locale).find((t) => t.version === version) ?? null;
}

export function isLocale(value: string): value is Locale {
	return (LOCALES as readonly string[]).includes(value);
}

/** The language a client reads her consents in: hers when the app has it, else the salon's. */
export function consentLocaleFor(clientLanguage: string, salonLocale: Locale): Locale {
	const own = clientLanguage.trim().toLowerCase().slice(0, 2);
	return isLocale(own) ? own : salonLocale;
}

/** The scopes a text offers, in the fixed order (processing first). */
export function offeredScopes(text: ConsentTextVersion): ConsentScope[] {
	return CONSENT_SCOPES.filter((scope) => text.scopes[scope].trim() !== '');
}

function sameText(a: ConsentTextDraft, b: ConsentTextDraft): boolean {
	return (
		canonicalJson([a.title, a.intro, a.scopes]) === canonicalJson([b.title, b.intro, b.scopes])
	);
}

/**
 * Saving a draft: an unchanged text keeps the list as it is (`version` null); a changed one
 * appends the next version of that language. Earlier versions are never touched.
 */
export function reviseText(
	texts: readonly ConsentTextVersion[],
	locale: Locale,
	draft: ConsentTextDraft,
	now: number
): { texts: ConsentTextVersion[]; version: number | null } {
	const latest = latestText(texts, locale);
	if (sameText(latest, draft)) return { texts: [...texts], version: null };
	const stored = texts.some((t) => t.locale === locale && t.version === latest.version);
	const next: ConsentTextVersion = {
		locale,
		version: latest.version + 1,
		createdAt: now,
		title: draft.title,
		intro: draft.intro,
		scopes: { ...draft.scopes }
	};
	// The default a salon has signed on lives in code; storing it beside its successor keeps the
	// history readable even if a later release improves the shipped text.
	const base = stored || latest.version !== 1 ? [...texts] : [...texts, latest];
	return { texts: [...base, next], version: next.version };
}

/** The exact body shown to the client, as one string: what the hash proves. */
export function consentTextBody(text: ConsentTextVersion): string {
	return canonicalJson({
		locale: text.locale,
		version: text.version,
		title: text.title,
		intro: text.intro,
		scopes: text.scopes
	});
}

/** SHA-256 of the text's body, lower-case hex (Web Crypto: the same in browsers and Node). */
export async function hashConsentText(text: ConsentTextVersion): Promise<string> {
	const bytes = new TextEncoder().encode(consentTextBody(text));
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
