// Devices of one salon through the real sync server: a browser context per device, the owner
// creating the salon and showing a pairing code, another device pairing with it.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { gotoApp } from './app';

export interface TestDevice {
	context: BrowserContext;
	page: Page;
}

export async function newDevice(browser: Browser): Promise<TestDevice> {
	const context = await browser.newContext();
	const page = await context.newPage();
	return { context, page };
}

/** The sync indicator in the header (data-sync-kind: local-only, synced, syncing, …). */
export const syncIndicator = (page: Page) => page.locator('[data-sync-kind]');

/** Starts a new salon on this page: the device becomes its owner, on /settings/sync. */
export async function createSalonOn(page: Page, salonName: string, deviceName: string) {
	await gotoApp(page, '/pair');
	await page.getByLabel('Salon name').fill(salonName);
	await page.getByRole('textbox', { name: 'Device name' }).nth(1).fill(deviceName);
	await page.getByRole('button', { name: 'Create salon' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sync and devices' })).toBeVisible();
	await expect(syncIndicator(page)).toHaveAttribute('data-sync-kind', 'synced');
}

/** On the owner's /settings/sync: shows a new pairing code and returns it. */
export async function showPairingCode(owner: Page): Promise<string> {
	await owner.getByRole('button', { name: 'Add a device' }).click();
	const code = (await owner.locator('[data-pairing-code]').textContent())?.trim() ?? '';
	expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{6}$/);
	return code;
}

/** Pairs this page with a code; it lands on the client list, synced. `bench` opens the app with
 *  its bench hook (`window.__schedarioBench`); `timeout` for a first sync of a large salon. */
export async function pairWithCode(
	page: Page,
	code: string,
	deviceName: string,
	opts: { bench?: boolean; timeout?: number } = {}
) {
	await gotoApp(page, `/pair?code=${code}${opts.bench ? '&bench=1' : ''}`);
	await page.getByRole('textbox', { name: 'Device name' }).first().fill(deviceName);
	await page.getByRole('button', { name: 'Connect' }).click();
	await expect(page).toHaveURL(/\/clients/);
	await expect(syncIndicator(page)).toHaveAttribute('data-sync-kind', 'synced', {
		timeout: opts.timeout
	});
}

/** Creates a client through the form and returns the card's URL. */
export async function createClient(page: Page, first: string, last: string, phone = '') {
	await gotoApp(page, '/clients/new');
	await page.getByLabel('First name').fill(first);
	await page.getByLabel('Last name').fill(last);
	if (phone) await page.getByLabel('Phone', { exact: true }).fill(phone);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `${first} ${last}`, exact: true })
	).toBeVisible();
	return page.url();
}
