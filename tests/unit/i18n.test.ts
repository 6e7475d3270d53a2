import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/lib/domain/settings';
import { catalogs } from '../../src/lib/i18n/catalog';
import { interpolate, translate, translatePlural } from '../../src/lib/i18n/format';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
	const reference = catalogs.it;
	const keys = Object.keys(reference);

	it('has messages at all', () => {
		expect(keys.length).toBeGreaterThan(20);
	});

	for (const locale of LOCALES) {
		it(`${locale}: every key is present, non-empty and has the same placeholders`, () => {
			const catalog = catalogs[locale] as Record<string, string>;
			expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
			for (const key of keys) {
				const message = catalog[key] ?? '';
				expect(message.trim(), `${locale}:${key}`).not.toBe('');
				expect(placeholders(message), `${locale}:${key}`).toEqual(
					placeholders((reference as Record<string, string>)[key] ?? '')
				);
			}
		});
	}

	it('every _one plural has its _other', () => {
		for (const key of keys.filter((k) => k.endsWith('_one'))) {
			expect(keys, key).toContain(key.replace(/_one$/, '_other'));
		}
	});
});

describe('formatting', () => {
	it('interpolates named placeholders and leaves unknown ones', () => {
		expect(interpolate('Ciao {name}, {missing}', { name: 'Maria' })).toBe('Ciao Maria, {missing}');
	});

	it('translates in each language', () => {
		expect(translate('en', 'common.save')).toBe('Save');
		expect(translate('it', 'common.save')).toBe('Salva');
		expect(translate('bg', 'common.save')).toBe('Запази');
	});

	it('formats the count with the locale in plurals', () => {
		const all = catalogs.en as Record<string, string>;
		const pluralKey = Object.keys(all)
			.find((k) => k.endsWith('_other') && all[k]?.includes('{count}'))
			?.replace(/_other$/, '');
		expect(pluralKey, 'at least one plural message with {count}').toBeDefined();
		expect(translatePlural('en', pluralKey!, 12345)).toContain('12,345');
		// Italian groups thousands with a dot (and, by CLDR, only from five digits).
		expect(translatePlural('it', pluralKey!, 12345)).toContain('12.345');
		expect(translatePlural('en', pluralKey!, 1)).not.toBe(translatePlural('en', pluralKey!, 2));
	});
});
