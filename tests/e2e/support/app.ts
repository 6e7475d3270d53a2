// Opening the app the way every e2e test should: in English, and only once the local database
// is open (the root layout sets <body data-ready="true">).
import { expect, type Page } from '@playwright/test';

/** Adds `lang=en` unless the path already chooses a language. */
export function withEnglish(path: string): string {
	const url = new URL(path, 'http://app.invalid');
	if (!url.searchParams.has('lang')) url.searchParams.set('lang', 'en');
	return `${url.pathname}${url.search}${url.hash}`;
}

/** Waits until the layout reports that the app (and its local database) is ready. */
export async function waitForAppReady(page: Page): Promise<void> {
	await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
}

/** Navigates to `path` in English and waits for the app to be ready. */
export async function gotoApp(page: Page, path = '/clients'): Promise<void> {
	await page.goto(withEnglish(path));
	await waitForAppReady(page);
}
