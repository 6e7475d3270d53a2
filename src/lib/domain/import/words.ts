// Country names, languages and customer types as people write them, in it/en/pt/bg.
import { getCountries } from 'libphonenumber-js/max';
import type { ClientFields } from '../client';
import { LOCALES } from '../settings';
import { foldHeader, w } from './synonyms';

let countries: Map<string, string> | null = null;

/** Folded country name in any of our languages (and the code itself) → ISO alpha-2. */
function countryNames(): Map<string, string> {
	if (countries) return countries;
	countries = new Map();
	const codes = getCountries();
	for (const locale of LOCALES) {
		const names = new Intl.DisplayNames([locale], { type: 'region' });
		for (const code of codes) {
			const name = names.of(code);
			if (name && name !== code) countries.set(foldHeader(name), code);
		}
	}
	for (const code of codes) countries.set(code.toLowerCase(), code);
	return countries;
}

/** 'IT', 'Italia', 'Italy', 'Itália', 'Италия' → 'IT'; unknown → null. */
export function parseCountry(text: string): string | null {
	return countryNames().get(foldHeader(text)) ?? null;
}

const PRIVATE = new Set(
	w(
		'private|privato|privata|privati|particular|particulares|частно лице|частен|физическо лице|person|individual'
	).map(foldHeader)
);
const BUSINESS = new Set(
	w(
		'business|company|azienda|societa|impresa|ditta|empresa|negocio|фирма|юридическо лице|бизнес'
	).map(foldHeader)
);

export function parseCustomerType(text: string): ClientFields['customerType'] | null {
	const folded = foldHeader(text);
	if (PRIVATE.has(folded)) return 'private';
	if (BUSINESS.has(folded)) return 'business';
	return null;
}

const LANGUAGE_CODES = w('it|en|pt|bg|es|fr|de|ro|ru|uk|pl|ar|zh|sq|el|nl');
let languages: Map<string, string> | null = null;

/** 'it', 'Italiano', 'Italian', 'италиански' → 'it'; anything else is kept as written
 *  (up to the field's 5 characters, longer text is then reported by validation). */
export function parseLanguage(text: string): string {
	if (!languages) {
		languages = new Map();
		for (const locale of LOCALES) {
			const names = new Intl.DisplayNames([locale], { type: 'language' });
			for (const code of LANGUAGE_CODES) {
				const name = names.of(code);
				if (name) languages.set(foldHeader(name), code);
			}
		}
	}
	const folded = foldHeader(text);
	return languages.get(folded) ?? text.trim().toLowerCase();
}
