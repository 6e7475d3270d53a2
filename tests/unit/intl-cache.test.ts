// The cached Intl formatters (src/lib/i18n/intl-cache.ts) format exactly as freshly built ones,
// per locale and options, and are built once.
import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat, pluralRulesOf } from '../../src/lib/i18n/intl-cache';

const DAY = Date.UTC(2026, 1, 28, 15, 30);

describe('cached Intl formatters', () => {
	it('format like a new formatter, for each locale and options', () => {
		const cases: [string, Intl.DateTimeFormatOptions | undefined][] = [
			['it-IT', { dateStyle: 'medium' }],
			['en-GB', { dateStyle: 'medium' }],
			['bg-BG', { day: 'numeric', month: 'short', timeZone: 'UTC' }],
			['pt-PT', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }],
			['en-GB', undefined]
		];
		for (const [locale, options] of cases) {
			expect(
				dateTimeFormat(locale, options).format(DAY),
				`${locale} ${JSON.stringify(options)}`
			).toBe(new Intl.DateTimeFormat(locale, options).format(DAY));
		}
		expect(numberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(1234.5)).toBe(
			new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(1234.5)
		);
		expect(numberFormat('en-GB').format(100000)).toBe('100,000');
		expect(pluralRulesOf('bg-BG').select(1)).toBe('one');
		expect(pluralRulesOf('en-GB').select(2)).toBe('other');
	});

	it('builds one formatter per locale and options, and tells different ones apart', () => {
		expect(dateTimeFormat('it-IT', { dateStyle: 'medium' })).toBe(
			dateTimeFormat('it-IT', { dateStyle: 'medium' })
		);
		expect(dateTimeFormat('it-IT', { dateStyle: 'medium' })).not.toBe(
			dateTimeFormat('en-GB', { dateStyle: 'medium' })
		);
		expect(dateTimeFormat('it-IT', { dateStyle: 'medium' })).not.toBe(
			dateTimeFormat('it-IT', { dateStyle: 'long' })
		);
		expect(numberFormat('it-IT', { style: 'currency', currency: 'EUR' })).not.toBe(
			numberFormat('it-IT', { style: 'currency', currency: 'USD' })
		);
		expect(pluralRulesOf('pt-PT')).toBe(pluralRulesOf('pt-PT'));
	});
});
