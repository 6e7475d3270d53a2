// Pure message formatting, usable in Node (tests) and the browser.
import type { Locale } from '$lib/domain/settings';
import { catalogs, type MessageKey } from './catalog';
import { numberFormat, pluralRulesOf } from './intl-cache';

export type Params = Record<string, string | number>;

/** BCP 47 tags for Intl: the salon's language in its usual region. */
export const INTL_LOCALE: Record<Locale, string> = {
	it: 'it-IT',
	en: 'en-GB',
	pt: 'pt-PT',
	bg: 'bg-BG'
};

export function interpolate(template: string, params?: Params): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const message = catalogs[locale][key] ?? catalogs.it[key] ?? key;
	return interpolate(message, params);
}

/** Picks `key_one` / `key_other` with the language's plural rules; `{count}` is filled in. */
export function translatePlural(
	locale: Locale,
	key: string,
	count: number,
	params?: Params
): string {
	const rule = pluralRulesOf(INTL_LOCALE[locale]).select(count);
	const all = catalogs[locale] as Record<string, string>;
	const message = all[`${key}_${rule}`] ?? all[`${key}_other`] ?? key;
	const formatted = numberFormat(INTL_LOCALE[locale]).format(count);
	return interpolate(message, { count: formatted, ...params });
}
