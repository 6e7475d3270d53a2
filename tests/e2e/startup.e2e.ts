// Start-up with a large book (issue 8, src/lib/state/client-load.ts), in real Chromium with a
// real IndexedDB: after a reload the list's first screen shows the right first rows and the right
// count while the rest of the book is still loading, never a wrong "no client matches", and once
// the whole book is in, search gives what it gave before the reload.
import { expect, test, type Page } from '@playwright/test';
import { generateClientFields } from '../fixtures/clients';
import { expectNoSeriousA11yViolations, gotoApp } from './support';

const BOOK = 3_000;
const ROW = '[data-index] a[href^="/clients/"]';

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search clients' });
const count = (page: Page) => page.getByRole('status').filter({ hasText: /\bclients?$/ });

declare global {
	interface Window {
		/** What the page showed the moment the first row appeared (recorded by the test). */
		__firstScreen?: { status: string; rows: string[] };
		__sawNoMatch?: boolean;
	}
}

async function firstRows(page: Page, n: number): Promise<string[]> {
	return page
		.locator(ROW)
		.evaluateAll((links, max) => links.slice(0, max).map((a) => a.textContent?.trim() ?? ''), n);
}

test('a large book shows its first screen with the right rows and count, then searches', async ({
	page
}) => {
	test.setTimeout(180_000);
	await gotoApp(page, '/clients?bench=1');
	await expect.poll(() => page.evaluate(() => typeof window.__schedarioBench)).toBe('object');
	const fields = generateClientFields(BOOK, { seed: 8 });
	// A few archived cards: the list hides them, so the count is not simply the stored total.
	for (const f of fields.slice(0, 25)) f.archived = true;
	await page.evaluate((list) => window.__schedarioBench!.seed(list), fields);

	// The whole book in memory (as before the reload): its first rows, count and a search.
	await expect(count(page)).toHaveText(`${(BOOK - 25).toLocaleString('en')} clients`);
	const expectedRows = await firstRows(page, 10);
	expect(expectedRows).toHaveLength(10);
	await search(page).fill('ross');
	await expect(count(page)).toHaveText(/^[\d,]+ clients?$/);
	const expectedSearch = await count(page).textContent();
	const expectedHits = await firstRows(page, 5);
	await search(page).fill('');
	await expect(count(page)).toHaveText(`${(BOOK - 25).toLocaleString('en')} clients`);
	// The count is remembered for the next start-up once the list has settled. Not just any
	// snapshot: the empty book's, written when the page opened before the seed, may still be there.
	await expect
		.poll(() =>
			page.evaluate(() =>
				Object.entries(localStorage)
					.filter(([k]) => k.startsWith('schedario.listSnapshot.'))
					.map(([, v]) => (JSON.parse(v) as { shown?: number }).shown)
			)
		)
		.toEqual([BOOK - 25]);

	// Record what the list shows the moment its first row appears, and any "no match" state.
	await page.addInitScript(() => {
		window.__sawNoMatch = false;
		new MutationObserver(() => {
			if (document.body?.textContent?.includes('No client matches')) window.__sawNoMatch = true;
			if (window.__firstScreen) return;
			const links = [...document.querySelectorAll('[data-index] a[href^="/clients/"]')];
			if (links.length === 0) return;
			window.__firstScreen = {
				status: document.querySelector('.count')?.textContent?.trim() ?? '',
				rows: links.slice(0, 10).map((a) => a.textContent?.trim() ?? '')
			};
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	await page.goto('/clients?lang=en&bench=1');
	await page.waitForFunction(() => !!window.__firstScreen);
	const shown = await page.evaluate(() => window.__firstScreen!);
	// The first screen came before the rest of the book: it says so, with the right total…
	expect(shown.status).toContain(`${(BOOK - 25).toLocaleString('en')} clients`);
	expect(shown.status).toContain('loading the rest of the client book');
	// …and the rows the whole book gives.
	expect(shown.rows).toEqual(expectedRows);
	await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');

	// Searching at once: it waits for the whole book, then answers as before the reload.
	await search(page).fill('ross');
	await expect(count(page)).toHaveText(expectedSearch ?? '');
	expect(await firstRows(page, 5)).toEqual(expectedHits);
	expect(await page.evaluate(() => window.__sawNoMatch)).toBe(false);
	const startup = await page.evaluate(() => window.__schedarioBench!.startup());
	expect(startup.ready).toBe(true);
	expect(startup.batches).toBeGreaterThan(0);
	await expectNoSeriousA11yViolations(page);
});
