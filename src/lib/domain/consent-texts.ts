// The consent texts the owner writes, per language, versioned (issue 7 › 1). Stored in the
// `settings` collection under the key `consentTexts` as a list of versions. A version is never
// changed once saved: saving an edited text appends the next version, so every signed record
// can name the exact text it was signed on (version + SHA-256 of its body). The shipped default
// of each language is its version 1 (consent-default-texts.ts) until the owner saves one.
//
// A version is identified by `id`, not by its number: two owner devices saving "version 3"
// offline make two versions 3 with different ids, and the settings merge keeps both (the union
// by id, consent-text-merge.ts). The current text is the newest by `savedAt` (the HLC of the
// save, then the id); a signed record finds its text by version and hash (findSignedText).
// Versions stored before ids existed get a deterministic id and stamp on read (legacyIdentity),
// the same on every device, so a legacy version and its upgraded copy are one version.
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';
import { CONSENT_SCOPES, type ConsentScope } from './consents.js';
import { DEFAULT_CONSENT_TEXTS } from './consent-default-texts.js';
import { compareHlc, formatHlc, parseHlc, type Hlc } from './hlc.js';
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

/** The id and save stamp of a version stored before versions had them (and of the shipped
 *  default): derived from what the version already says, so every device derives the same. */
export function legacyIdentity(locale: string, version: number, createdAt: number) {
	return {
		id: `${locale}-v${version}-${createdAt}`,
		savedAt: formatHlc({ wallMs: createdAt, counter: 0, nodeId: 'legacy' })
	};
}

/** Gives a version stored in the first shape (no id, no savedAt) its legacy identity. */
export function upgradeLegacyText(value: unknown): unknown {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
	const v = value as Record<string, unknown>;
	if ('id' in v || 'savedAt' in v) return value;
	if (typeof v.locale !== 'string' || typeof v.version !== 'number') return value;
	if (typeof v.createdAt !== 'number') return value;
	return { ...v, ...legacyIdentity(v.locale, v.version, v.createdAt) };
}

const consentTextVersionObject = z
	.object({
		id: z.string().min(1).max(80),
		locale: z.enum(LOCALES),
		version: z.number().int().min(1).max(1_000_000),
		createdAt: z.number().int().min(0),
		/** The HLC of the save: orders versions across devices (the newest is the current one). */
		savedAt: z.string().refine((s) => parseHlc(s) !== null, { message: 'invalidStamp' }),
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
export const consentTextVersionSchema = z.preprocess(upgradeLegacyText, consentTextVersionObject);
export type ConsentTextVersion = z.infer<typeof consentTextVersionObject>;

export const consentTextsSchema = z
	.array(consentTextVersionSchema)
	.max(MAX_CONSENT_TEXT_VERSIONS)
	.refine((list) => new Set(list.map((t) => t.id)).size === list.length, {
		message: 'duplicateVersion'
	});
export type ConsentTexts = z.infer<typeof consentTextsSchema>;

/** What the owner edits: the text without its version bookkeeping. */
export type ConsentTextDraft = Pick<ConsentTextVersion, 'title' | 'intro' | 'scopes'>;

/** The shipped default of a language as a stored version would be (its version 1). */
export function defaultText(locale: Locale): ConsentTextVersion {
	const text = DEFAULT_CONSENT_TEXTS[locale];
	return { ...text, ...legacyIdentity(locale, text.version, text.createdAt) };
}

/** Older first: by the save's HLC, then by id (two devices never share a stamp, but the order
 *  must be total). */
export function bySaveOrder(a: ConsentTextVersion, b: ConsentTextVersion): number {
	return compareHlc(a.savedAt, b.savedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every version of a language, newest first; the shipped default counts as version 1 unless
 *  the owner stored a version 1 of that language. */
export function versionsOf(texts: readonly ConsentTextVersion[], locale: Locale) {
	const stored = texts.filter((t) => t.locale === locale);
	const list = stored.some((t) => t.version === 1) ? stored : [...stored, defaultText(locale)];
	return list.sort((a, b) => bySaveOrder(b, a));
}

/** The text a new signature uses in that language: the newest version by save stamp. */
export function latestText(texts: readonly ConsentTextVersion[], locale: Locale) {
	return versionsOf(texts, locale)[0] as ConsentTextVersion;
}

/** The newest save stamp of any version: a new save must stamp after it to become current. */
export function latestSavedAt(texts: readonly ConsentTextVersion[]): Hlc | null {
	return texts.reduce<Hlc | null>(
		(max, t) => (max === null || compareHlc(t.savedAt, max) > 0 ? t.savedAt : max),
		null
	);
}

/**
 * The exact text a record was signed on: the version of its language and number whose body
 * hashes to the record's hash. Two devices may each have saved that number offline; only the
 * hash tells them apart. Null when no version matches (never a look-alike).
 */
export async function findSignedText(
	texts: readonly ConsentTextVersion[],
	record: { locale: Locale; textVersion: number; textHash: string }
): Promise<ConsentTextVersion | null> {
	const candidates = versionsOf(texts, record.locale).filter(
		(t) => t.version === record.textVersion
	);
	for (const text of candidates) {
		if ((await hashConsentText(text)) === record.textHash) return text;
	}
	return null;
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
 * appends a version numbered after every known one of that language. Earlier versions are
 * never touched. `stamp`: a fresh HLC later than latestSavedAt(texts); it is also the id.
 */
export function reviseText(
	texts: readonly ConsentTextVersion[],
	locale: Locale,
	draft: ConsentTextDraft,
	now: number,
	stamp: Hlc
): { texts: ConsentTextVersion[]; version: number | null } {
	const versions = versionsOf(texts, locale);
	const latest = versions[0] as ConsentTextVersion;
	if (sameText(latest, draft)) return { texts: [...texts], version: null };
	const next: ConsentTextVersion = {
		id: stamp,
		locale,
		version: Math.max(...versions.map((t) => t.version)) + 1,
		createdAt: now,
		savedAt: stamp,
		title: draft.title,
		intro: draft.intro,
		scopes: { ...draft.scopes }
	};
	// The default a salon has signed on lives in code; storing it beside its successor keeps the
	// history readable even if a later release improves the shipped text.
	const base = texts.some((t) => t.id === latest.id) ? [...texts] : [...texts, latest];
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
