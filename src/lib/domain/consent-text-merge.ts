// The merge of the `consentTexts` setting (consent-texts.ts; DESIGN.md › Merge rules): the union
// of both lists of versions, each version once by id. A version is immutable once saved, so the
// two sides agree on an id's content; for hand-made documents that disagree the larger canonical
// JSON wins, which keeps the union a join (commutative, associative, idempotent). Settings
// otherwise merge last-writer-wins per key (merge.ts), which here would drop a version another
// owner device saved offline, and a signed record may already cite it.
import { canonicalJson } from './canonical-json.js';
import { bySaveOrder, consentTextVersionSchema, type ConsentTextVersion } from './consent-texts.js';

export const CONSENT_TEXTS_KEY = 'consentTexts';

/** The valid versions of a stored value, legacy ones given their id (upgradeLegacyText). A
 *  version that does not parse could neither be shown nor pass the server: it is not kept. */
export function consentTextVersionsOf(value: unknown): ConsentTextVersion[] {
	if (!Array.isArray(value)) return [];
	const versions: ConsentTextVersion[] = [];
	for (const item of value) {
		const parsed = consentTextVersionSchema.safeParse(item);
		if (parsed.success) versions.push(parsed.data);
	}
	return versions;
}

/** Every version of both lists, once each, oldest first (bySaveOrder). */
export function unionConsentTexts(a: unknown, b: unknown): ConsentTextVersion[] {
	const byId = new Map<string, ConsentTextVersion>();
	for (const text of [...consentTextVersionsOf(a), ...consentTextVersionsOf(b)]) {
		const other = byId.get(text.id);
		if (other === undefined || canonicalJson(text) > canonicalJson(other)) byId.set(text.id, text);
	}
	return [...byId.values()].sort(bySaveOrder);
}

interface SettingLike {
	key: string;
	value: unknown;
	updatedAt?: number;
	_deleted?: boolean;
}

/** The merged `consentTexts` setting document: the union of the versions, the later updatedAt;
 *  deleted only when both sides are (the app never deletes it, and a deletion must not drop a
 *  version either). */
export function mergeConsentTextSettings<T extends SettingLike>(a: T, b: T): T {
	return {
		key: a.key,
		value: unionConsentTexts(a.value, b.value),
		updatedAt: Math.max(a.updatedAt ?? 0, b.updatedAt ?? 0),
		_deleted: Boolean(a._deleted) && Boolean(b._deleted)
	} as T;
}

export function isConsentTextsSetting(doc: unknown): doc is SettingLike {
	return doc !== null && typeof doc === 'object' && (doc as SettingLike).key === CONSENT_TEXTS_KEY;
}
