// Writing the consent texts (consent-texts.ts) without losing a version: the stored list is
// unioned with the new one inside RxDB's write queue, so a version that replication brought in
// between the owner's read and this write is kept, not overwritten (the union is the same rule
// the settings merge uses, consent-text-merge.ts).
import { canonicalJson } from '$lib/domain/canonical-json';
import { CONSENT_TEXTS_KEY, unionConsentTexts } from '$lib/domain/consent-text-merge';
import type { ConsentTextVersion } from '$lib/domain/consent-texts';
import type { SchedarioDatabase } from './database';

export async function writeConsentTexts(
	db: SchedarioDatabase,
	texts: readonly ConsentTextVersion[],
	now: number
): Promise<void> {
	const value = unionConsentTexts([], texts);
	const doc = await db.settings.insertIfNotExists({
		key: CONSENT_TEXTS_KEY,
		value,
		updatedAt: now
	});
	if (canonicalJson(doc.value) === canonicalJson(value)) return;
	await doc.incrementalModify((data) => ({
		...data,
		value: unionConsentTexts(data.value, texts),
		updatedAt: Math.max(now, data.updatedAt)
	}));
}
