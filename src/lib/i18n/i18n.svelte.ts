// The device's language as reactive state. `?lang=xx` in the URL switches and is remembered.
import { LOCALES, type Locale } from '$lib/domain/settings';
import type { MessageKey } from './catalog';
import { INTL_LOCALE, translate, translatePlural, type Params } from './format';
import { dateTimeFormat, numberFormat } from './intl-cache';

const STORAGE_KEY = 'schedario.locale';

function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

class I18n {
	locale = $state<Locale>('it');

	/** Reads `?lang=` first, then the remembered choice; Italian otherwise. */
	init(url: URL): void {
		const fromUrl = url.searchParams.get('lang');
		if (isLocale(fromUrl)) {
			this.set(fromUrl);
			return;
		}
		const remembered = globalThis.localStorage?.getItem(STORAGE_KEY);
		if (isLocale(remembered)) this.locale = remembered;
		this.applyToDocument();
	}

	/** The salon's language applies until this device picks its own (by ?lang= or the switch). */
	applySalonDefault(locale: Locale): void {
		if (isLocale(globalThis.localStorage?.getItem(STORAGE_KEY))) return;
		this.locale = locale;
		this.applyToDocument();
	}

	set(locale: Locale): void {
		this.locale = locale;
		globalThis.localStorage?.setItem(STORAGE_KEY, locale);
		this.applyToDocument();
	}

	get intlLocale(): string {
		return INTL_LOCALE[this.locale];
	}

	private applyToDocument(): void {
		if (typeof document !== 'undefined') document.documentElement.lang = this.locale;
	}
}

export const i18n = new I18n();

export function t(key: MessageKey, params?: Params): string {
	return translate(i18n.locale, key, params);
}

export function tn(key: string, count: number, params?: Params): string {
	return translatePlural(i18n.locale, key, count, params);
}

export function formatDate(value: Date | number, options?: Intl.DateTimeFormatOptions): string {
	return dateTimeFormat(i18n.intlLocale, options ?? { dateStyle: 'medium' }).format(value);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
	return numberFormat(i18n.intlLocale, options).format(value);
}
