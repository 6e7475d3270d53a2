// Service-worker helpers shared by the offline tests.
import type { Page } from '@playwright/test';

/** What the page's service-worker registration looks like, for a failure message. */
async function registrationState(page: Page): Promise<string> {
	return page
		.evaluate(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			if (!reg) return 'no registration';
			const w = (s: ServiceWorker | null) => (s ? `${s.state} ${s.scriptURL}` : 'none');
			return `installing: ${w(reg.installing)}; waiting: ${w(reg.waiting)}; active: ${w(reg.active)}; controller: ${w(navigator.serviceWorker.controller)}`;
		})
		.catch((error: unknown) => `unreadable: ${String(error)}`);
}

/** Waits until a service worker controls the page (the first visit installs and claims it). */
export async function waitForServiceWorkerControl(page: Page, timeout = 30_000): Promise<string> {
	try {
		const handle = await page.waitForFunction(
			() => navigator.serviceWorker.controller?.scriptURL ?? false,
			undefined,
			{ timeout }
		);
		return (await handle.jsonValue()) as string;
	} catch (error) {
		throw new Error(
			`No service worker controls ${page.url()} after ${timeout} ms (${await registrationState(page)})`,
			{ cause: error }
		);
	}
}
