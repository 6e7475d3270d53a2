// Words for scopes, statuses and records, in the device's language or a given one (the signing
// view and the printable form speak the client's language).
import type { ConsentRecord, ConsentScope, ScopeStatus } from '$lib/domain/consents';
import type { Locale } from '$lib/domain/locales';
import type { MessageKey } from '$lib/i18n/catalog';
import { INTL_LOCALE, translate } from '$lib/i18n/format';
import { i18n, t } from '$lib/i18n/i18n.svelte';

type Say = (key: MessageKey, params?: Record<string, string | number>) => string;

/** `t` for the device's language, or a fixed language's translator. */
export function sayIn(locale?: Locale): Say {
	return locale ? (key, params) => translate(locale, key, params) : t;
}

export function scopeLabel(scope: ConsentScope, locale?: Locale): string {
	return sayIn(locale)(`consents.scope.${scope}`);
}

export function statusLabel(status: ScopeStatus): string {
	return t(`consents.status.${status}`);
}

export function when(ms: number, locale?: Locale): string {
	return new Intl.DateTimeFormat(locale ? INTL_LOCALE[locale] : i18n.intlLocale, {
		dateStyle: 'medium',
		timeStyle: 'short'
	}).format(ms);
}

/** One record as a line of text: the choices it made ('Marketing by SMS: Refused, …'). */
export function choicesLine(record: ConsentRecord): string {
	return record.choices
		.map((c) => {
			const status = record.kind === 'withdrawn' ? 'withdrawn' : c.choice;
			return `${scopeLabel(c.scope)}: ${statusLabel(status)}`;
		})
		.join(', ');
}
