import type { Locale } from '$lib/domain/settings';

/**
 * A feature's messages in the four languages. Italian is the reference: the compiler refuses a
 * catalog where English, Portuguese or Bulgarian lacks a key (or has an extra one).
 * Placeholders are written `{name}`; plurals are two keys, `x_one` and `x_other`.
 */
export function defineMessages<const T extends Record<string, string>>(
	catalog: { it: T } & { [L in Exclude<Locale, 'it'>]: { [K in keyof T]: string } }
): { [L in Locale]: { [K in keyof T]: string } } {
	return catalog;
}
