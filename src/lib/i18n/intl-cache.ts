// Intl formatters are costly to build (~0.1 ms each: locale data is resolved on every
// construction) and cheap to use. The client list formats dates, numbers and plurals for every
// row it renders, on every keystroke of a search, so each formatter is built once per locale and
// options and then reused.

const MAX_ENTRIES = 200;

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
	let formatter = cache.get(key);
	if (formatter === undefined) {
		// Keys come from code, not data, so the cache stays small; the bound only guards a caller
		// that would build options from data.
		if (cache.size >= MAX_ENTRIES) cache.clear();
		formatter = make();
		cache.set(key, formatter);
	}
	return formatter;
}

const keyOf = (locale: string, options: object | undefined) =>
	options === undefined ? locale : `${locale}\u0000${JSON.stringify(options)}`;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

export function dateTimeFormat(
	locale: string,
	options?: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
	return cached(
		dateFormats,
		keyOf(locale, options),
		() => new Intl.DateTimeFormat(locale, options)
	);
}

export function numberFormat(
	locale: string,
	options?: Intl.NumberFormatOptions
): Intl.NumberFormat {
	return cached(
		numberFormats,
		keyOf(locale, options),
		() => new Intl.NumberFormat(locale, options)
	);
}

export function pluralRulesOf(locale: string): Intl.PluralRules {
	return cached(pluralRules, locale, () => new Intl.PluralRules(locale));
}
