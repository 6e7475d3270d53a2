// Salon settings: one document per key in the `settings` collection, read back merged over
// DEFAULT_SETTINGS so a fresh install (or a key added by a later version) has a sane value.
import { map, type Observable } from 'rxjs';
import { DEFAULT_SETTINGS, salonSettingsSchema, type SalonSettings } from '$lib/domain/settings';
import { writeConsentTexts } from './consent-texts';
import type { SchedarioDatabase } from './database';
import { parseOrThrow } from './errors';

type SettingKey = keyof SalonSettings;
const KEYS = Object.keys(salonSettingsSchema.shape) as SettingKey[];
const patchSchema = salonSettingsSchema.partial().strict();

/** Builds the settings from stored key/value pairs; unknown keys are ignored. */
export function settingsFromEntries(
	entries: ReadonlyArray<{ key: string; value: unknown }>
): SalonSettings {
	const settings: Record<string, unknown> = structuredClone(DEFAULT_SETTINGS);
	for (const { key, value } of entries) {
		if (!(KEYS as string[]).includes(key)) continue;
		const parsed = salonSettingsSchema.shape[key as SettingKey].safeParse(value);
		// A stored value that no longer parses (written by a newer version, or corrupted) falls
		// back to the default instead of breaking the app; the document itself stays untouched.
		if (parsed.success) settings[key] = parsed.data;
	}
	return settings as SalonSettings;
}

export async function getSettings(db: SchedarioDatabase): Promise<SalonSettings> {
	const docs = await db.settings.find().exec();
	return settingsFromEntries(docs.map((d) => ({ key: d.key, value: d.value })));
}

/** Live settings; emits the current value at once, then on every change from any source. */
export function settings$(db: SchedarioDatabase): Observable<SalonSettings> {
	return db.settings
		.find()
		.$.pipe(map((docs) => settingsFromEntries(docs.map((d) => ({ key: d.key, value: d.value })))));
}

export async function saveSettings(
	db: SchedarioDatabase,
	patch: Partial<SalonSettings>
): Promise<SalonSettings> {
	const valid = parseOrThrow(patchSchema, patch, 'settings');
	const now = Date.now();
	const { consentTexts, ...rest } = valid;
	const rows = Object.entries(rest)
		.filter(([, value]) => value !== undefined)
		.map(([key, value]) => ({ key, value, updatedAt: now }));
	if (rows.length > 0) await db.settings.bulkUpsert(rows);
	// Versions are only ever added: unioned with the stored ones, never overwritten.
	if (consentTexts !== undefined) await writeConsentTexts(db, consentTexts, now);
	return getSettings(db);
}
