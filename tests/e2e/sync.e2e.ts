// Two devices of one salon through the real sync server (playwright.config.ts webServer): the
// reception PC creates the salon and shows a pairing code, the tablet pairs with it; offline
// edits on both sides meet field by field; creates and deletes replicate; a revoked tablet is
// locked out and wiped. Nothing is mocked: two browser contexts, one server, real IndexedDB.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { gotoApp, waitForAppReady, waitForServiceWorkerControl } from './support';

async function device(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	return { context, page };
}

const indicator = (page: Page) => page.locator('[data-sync-kind]');

async function createClient(page: Page, first: string, last: string, phone = '', email = '') {
	await gotoApp(page, '/clients/new');
	await page.getByLabel('First name').fill(first);
	await page.getByLabel('Last name').fill(last);
	if (phone) await page.getByLabel('Phone', { exact: true }).fill(phone);
	if (email) {
		await page
			.getByRole('group', { name: 'Contacts' })
			.getByLabel('E-mail', { exact: true })
			.fill(email);
	}
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${first} ${last}` })).toBeVisible();
	return page.url();
}

async function openEdit(page: Page, cardUrl: string, name: string) {
	await page.goto(`${cardUrl}/edit?lang=en`);
	await waitForAppReady(page);
	await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
}

test('an unpaired device works on its own and says so', async ({ page }) => {
	await gotoApp(page, '/clients');
	await expect(indicator(page)).toHaveAttribute('data-sync-kind', 'local-only');
	await expect(indicator(page)).toContainText('This device only');
	await indicator(page).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sync and devices' })).toBeVisible();
	await expect(page.getByText('This device only — not synced')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Join or start a salon' })).toHaveAttribute(
		'href',
		'/pair'
	);
});

test('pairing refuses a wrong code with a clear message', async ({ page }) => {
	await gotoApp(page, '/pair?code=zzzz-zzzzzz');
	await expect(page.getByLabel('Pairing code')).toHaveValue('zzzz-zzzzzz');
	await page.getByRole('button', { name: 'Connect' }).click();
	await expect(page.getByRole('main').getByRole('alert')).toHaveText(
		'Could not connect: invalid or already used code.'
	);
	await expect(indicator(page)).toHaveAttribute('data-sync-kind', 'local-only');
});

test('two devices pair, edit offline, converge, and a revoked tablet is wiped', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const reception = await device(browser);
	const tablet = await device(browser);
	const r = reception.page;
	const tb = tablet.page;
	try {
		// Reception starts the salon and becomes its owner.
		await gotoApp(r, '/pair');
		await r.getByLabel('Salon name').fill('Salone Aurora');
		await r.getByRole('textbox', { name: 'Device name' }).nth(1).fill('Reception');
		await r.getByRole('button', { name: 'Create salon' }).click();
		await expect(r.getByRole('heading', { level: 1, name: 'Sync and devices' })).toBeVisible();
		await expect(indicator(r)).toHaveAttribute('data-sync-kind', 'synced');
		await r.getByRole('button', { name: 'Add a device' }).click();
		const code = (await r.locator('[data-pairing-code]').textContent())?.trim() ?? '';
		expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{6}$/);
		await expect(r.getByRole('img', { name: 'QR code to connect a new device' })).toBeVisible();

		// The tablet opens the QR's link: the code is filled in, lower case and no dash are fine.
		await gotoApp(tb, `/pair?code=${code.toLowerCase().replace('-', '')}`);
		await tb.getByRole('textbox', { name: 'Device name' }).first().fill('Tablet');
		await tb.getByRole('button', { name: 'Connect' }).click();
		await expect(tb).toHaveURL(/\/clients/);
		await expect(indicator(tb)).toHaveAttribute('data-sync-kind', 'synced');

		// Reception's device list shows the tablet.
		await gotoApp(r, '/settings/sync');
		await expect(r.getByText('Tablet', { exact: true })).toBeVisible();

		const cardUrl = await createClient(r, 'Maria', 'Rossi', '333 1234567', 'maria@old.example');
		const path = new URL(cardUrl).pathname;
		await expect(tb.getByRole('link', { name: 'Maria Rossi', exact: true })).toBeVisible();

		// The tablet goes offline (its service worker serves the app) and changes the phone.
		await waitForServiceWorkerControl(tb);
		await tablet.context.setOffline(true);
		await expect(indicator(tb)).toHaveAttribute('data-sync-kind', 'offline');
		await expect(indicator(tb)).toContainText(/Offline since \d{1,2}:\d{2}/);
		await openEdit(tb, path, 'Maria Rossi');
		await tb.getByLabel('Phone', { exact: true }).fill('333 9876543');
		await tb.getByRole('button', { name: 'Save' }).click();
		await expect(
			tb.getByRole('heading', { level: 1, name: 'Maria Rossi', exact: true })
		).toBeVisible();
		await expect(tb.getByText(/333\s?987\s?6543/).first()).toBeVisible();
		await createClient(tb, 'Teresa', 'Tablet');
		await expect(indicator(tb)).toHaveAttribute('data-sync-kind', 'offline');

		// Reception, online, changes her e-mail and adds an allergy: the server has them at once.
		await openEdit(r, path, 'Maria Rossi');
		await r
			.getByRole('group', { name: 'Contacts' })
			.getByLabel('E-mail', { exact: true })
			.fill('maria.rossi@new.example');
		const allergies = r.getByLabel('Allergies', { exact: true });
		await allergies.fill('Nickel');
		await allergies.press('Enter');
		await r.getByRole('button', { name: 'Save' }).click();
		await expect(
			r.getByRole('heading', { level: 1, name: 'Maria Rossi', exact: true })
		).toBeVisible();
		await expect(indicator(r)).toHaveAttribute('data-sync-kind', 'synced');

		// Reception also creates a client while offline for a moment, then reconnects.
		await waitForServiceWorkerControl(r);
		await reception.context.setOffline(true);
		await expect(indicator(r)).toHaveAttribute('data-sync-kind', 'offline');
		await createClient(r, 'Rita', 'Reception');
		await reception.context.setOffline(false);
		await expect(indicator(r)).toHaveAttribute('data-sync-kind', 'synced');

		// Both show Maria's card; the tablet comes back and within 2 s all three edits are on both.
		await tb.goto(`${path}?lang=en`);
		await waitForAppReady(tb);
		await r.goto(`${path}?lang=en`);
		await waitForAppReady(r);
		await tablet.context.setOffline(false);
		for (const p of [tb, r]) {
			await expect(p.getByText(/333\s?987\s?6543/).first()).toBeVisible({ timeout: 2000 });
			await expect(p.getByText('maria.rossi@new.example').first()).toBeVisible({ timeout: 2000 });
			await expect(
				p.getByRole('region', { name: 'Allergies and contraindications' })
			).toContainText('Nickel', { timeout: 2000 });
		}
		await expect(indicator(tb)).toHaveAttribute('data-sync-kind', 'synced');
		await expect(indicator(tb).getByRole('status')).toHaveText('Synced');

		// The clients created offline on each side are on both.
		for (const p of [tb, r]) {
			await gotoApp(p, '/clients');
			await expect(p.getByRole('link', { name: 'Teresa Tablet', exact: true })).toBeVisible();
			await expect(p.getByRole('link', { name: 'Rita Reception', exact: true })).toBeVisible();
		}

		// A delete on reception propagates to the tablet.
		await r.getByRole('link', { name: 'Rita Reception', exact: true }).click();
		await expect(r.getByRole('heading', { level: 1, name: 'Rita Reception' })).toBeVisible();
		await r.getByRole('button', { name: 'Delete', exact: true }).click();
		await r.getByRole('dialog').getByRole('button', { name: 'Delete permanently' }).click();
		await expect(r.getByText('Rita Reception deleted')).toBeVisible();
		await expect(tb.getByRole('link', { name: 'Rita Reception', exact: true })).toHaveCount(0);
		await expect(tb.getByRole('link', { name: 'Maria Rossi', exact: true })).toBeVisible();

		// Reception revokes the tablet: the tablet is locked out, wiped, back on /pair.
		await gotoApp(r, '/settings/sync');
		await r.getByRole('button', { name: 'Revoke Tablet' }).click();
		await r.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
		await expect(r.getByText(/^Removed on /)).toBeVisible();
		await expect(tb).toHaveURL(/\/pair\?removed=1/);
		await waitForAppReady(tb);
		await expect(
			tb.getByText('This device was removed from the salon. Its data has been deleted.')
		).toBeVisible();
		await expect(indicator(tb)).toHaveAttribute('data-sync-kind', 'local-only');

		// Its old code is spent: pairing is refused, and the client list is empty.
		await tb.getByLabel('Pairing code').fill(code);
		await tb.getByRole('button', { name: 'Connect' }).click();
		await expect(tb.getByRole('main').getByRole('alert').last()).toContainText(
			'invalid or already used code'
		);
		await gotoApp(tb, '/clients');
		await expect(tb.getByRole('link', { name: 'Maria Rossi', exact: true })).toHaveCount(0);
		await expect(tb.getByRole('link', { name: 'Teresa Tablet', exact: true })).toHaveCount(0);
		expect(await tb.evaluate(() => localStorage.getItem('schedario.sync'))).toBeNull();
	} finally {
		await reception.context.close();
		await tablet.context.close();
	}
});
