// Service-worker helpers shared by the offline tests.
import type { Page } from '@playwright/test';

/** Waits until a service worker controls the page (the first visit installs and claims it). */
export async function waitForServiceWorkerControl(page: Page): Promise<string> {
	const handle = await page.waitForFunction(
		() => navigator.serviceWorker.controller?.scriptURL ?? false
	);
	return (await handle.jsonValue()) as string;
}
