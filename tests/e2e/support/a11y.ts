// axe-core on the current page: WCAG 2 A and AA rules; serious and critical findings fail the
// test with one readable line per problem and the elements involved.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export interface A11yOptions {
	/** CSS selectors to leave out (for example a third-party widget under its own audit). */
	exclude?: string[];
}

export async function expectNoSeriousA11yViolations(
	page: Page,
	options: A11yOptions = {}
): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	const { violations } = await builder.analyze();
	const problems = violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => {
			const targets = v.nodes.map((n) => n.target.join(' ')).slice(0, 5);
			const more = v.nodes.length > targets.length ? ` (+${v.nodes.length - targets.length})` : '';
			return `${v.impact}: ${v.id} — ${v.help} [${targets.join(', ')}${more}] ${v.helpUrl}`;
		});
	expect(problems, `axe found serious/critical problems on ${page.url()}`).toEqual([]);
}
