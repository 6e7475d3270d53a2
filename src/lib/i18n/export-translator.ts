// The export's translator for one language (the export module in src/lib/domain/export takes it
// as an argument: domain code does not import the catalogs).
import type { Locale } from '$lib/domain/settings';
import type { Translate } from '$lib/domain/export/columns';
import type { MessageKey } from './catalog';
import { translate } from './format';

export function exportTranslator(locale: Locale): Translate {
	// ExportMessageKey spells field labels as `fields.${string}`; a unit test proves every key the
	// export asks for exists in all four catalogs.
	// An export asks the same dozen labels (yes/no, genders…) for every one of 100,000 rows.
	const cache = new Map<string, string>();
	return (key, params) => {
		if (params) return translate(locale, key as MessageKey, params);
		let text = cache.get(key);
		if (text === undefined) {
			text = translate(locale, key as MessageKey);
			cache.set(key, text);
		}
		return text;
	};
}
