// Option lists for selects, named in the UI language with Intl.DisplayNames.
import { getCountries } from 'libphonenumber-js';

export interface Option {
	value: string;
	label: string;
}

function displayNames(intlLocale: string, type: 'region' | 'language'): Intl.DisplayNames | null {
	try {
		return new Intl.DisplayNames([intlLocale], { type });
	} catch {
		// Old engines without DisplayNames: the codes themselves are still a usable list.
		return null;
	}
}

/** Every country libphonenumber knows, by name in the given locale. */
export function countryOptions(intlLocale: string): Option[] {
	const names = displayNames(intlLocale, 'region');
	const collator = new Intl.Collator(intlLocale);
	return getCountries()
		.map((code) => ({ value: code, label: names?.of(code) ?? code }))
		.sort((a, b) => collator.compare(a.label, b.label));
}

/** Languages a salon client commonly speaks in Italy and Portugal, by name in the locale. */
const CLIENT_LANGUAGES = [
	'it',
	'en',
	'pt',
	'bg',
	'de',
	'fr',
	'es',
	'ro',
	'uk',
	'ru',
	'pl',
	'sq',
	'ar',
	'zh'
] as const;

export function languageOptions(intlLocale: string): Option[] {
	const names = displayNames(intlLocale, 'language');
	const collator = new Intl.Collator(intlLocale);
	return CLIENT_LANGUAGES.map((code) => ({ value: code, label: names?.of(code) ?? code })).sort(
		(a, b) => collator.compare(a.label, b.label)
	);
}

/** Month names (1–12) in the locale, for birth-date selects. */
export function monthOptions(intlLocale: string): Option[] {
	const format = new Intl.DateTimeFormat(intlLocale, { month: 'long', timeZone: 'UTC' });
	return Array.from({ length: 12 }, (_, i) => ({
		value: String(i + 1),
		label: format.format(Date.UTC(2000, i, 1))
	}));
}
