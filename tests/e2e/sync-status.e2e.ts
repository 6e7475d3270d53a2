// The sync indicator tells the truth: it counts every local change the server has not
// acknowledged (across collections), "offline since" and the last sync time survive a reload,
// and a clock too far ahead is refused by the server with a clear reason while the edit stays
// on the device. Real server, real IndexedDB.
import { expect, test, type Page } from '@playwright/test';
import { formatHlc } from '../../src/lib/domain/hlc';
import {
	createClient,
	createSalonOn,
	gotoApp,
	newDevice,
	syncIndicator,
	waitForAppReady,
	waitForServiceWorkerControl
} from './support';

const lastSync = (page: Page) =>
	page.locator('dt', { hasText: 'Last sync' }).locator('xpath=following-sibling::dd[1]');

test('pending changes across collections, offline since and last sync survive a reload', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const salon = await newDevice(browser);
	const page = salon.page;
	try {
		await createSalonOn(page, 'Salone Stato', 'Reception');
		await expect(lastSync(page)).not.toHaveText('Not synced yet');

		await waitForServiceWorkerControl(page);
		await salon.context.setOffline(true);
		await expect(syncIndicator(page)).toHaveAttribute('data-sync-kind', 'offline');
		// Read once offline: until then every pull and push that succeeds moves it (the new
		// salon's collections go on syncing for a moment after it is created).
		const syncedAt = (await lastSync(page).textContent())?.trim();
		// Three changes in three collections: a client, a category, a source.
		await createClient(page, 'Paola', 'Offline');
		await gotoApp(page, '/settings');
		for (const [section, label, add, name] of [
			['Categories', 'Category name', 'Add category', 'Viso'],
			['Acquisition sources', 'Source name', 'Add source', 'Instagram']
		] as const) {
			const region = page.getByRole('region', { name: section });
			await region.getByLabel(label).fill(name);
			await region.getByRole('button', { name: add }).click();
			await expect(
				region.getByRole('textbox', { name: new RegExp(`Name of .* ${name}`) })
			).toBeVisible();
		}
		const status = syncIndicator(page).getByRole('status');
		await expect(status).toHaveText(/^Offline since \d{1,2}:\d{2} — 3 changes waiting$/);
		const offlineText = await status.textContent();

		// Reopened while still offline: the same time, the same count, the same last sync.
		await page.reload();
		await waitForAppReady(page);
		await expect(status).toHaveText(offlineText ?? '');
		await gotoApp(page, '/settings/sync');
		await expect(lastSync(page)).toHaveText(syncedAt ?? '');

		// Online again, with the server's answers to the pushes held back for a moment: the
		// indicator counts the three changes, then says Synced once the server acknowledged them.
		let release: () => void = () => undefined;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/api/v1/salons/*/*/push', async (route) => {
			await held;
			await route.continue();
		});
		await salon.context.setOffline(false);
		await expect(status).toHaveText('Syncing 3 changes');
		release();
		await expect(syncIndicator(page)).toHaveAttribute('data-sync-kind', 'synced');
		await expect(status).toHaveText('Synced');
		await expect(lastSync(page)).not.toHaveText(syncedAt ?? '');
	} finally {
		await salon.context.close();
	}
});

test('a clock far in the future is refused with a clear reason and the edit stays', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const salon = await newDevice(browser);
	const page = salon.page;
	try {
		await createSalonOn(page, 'Salone Orologio', 'Reception');
		const cardUrl = await createClient(page, 'Maria', 'Rossi', '333 1234567');
		await expect(syncIndicator(page)).toHaveAttribute('data-sync-kind', 'synced');

		// The device's stored clock is an hour ahead (a tablet whose date was set wrong).
		const deviceId = await page.evaluate(() => localStorage.getItem('schedario.deviceId'));
		const ahead = formatHlc({ wallMs: Date.now() + 3_600_000, counter: 0, nodeId: deviceId ?? '' });
		await page.evaluate((stamp) => localStorage.setItem('schedario.hlc', stamp), ahead);
		await page.goto(`${new URL(cardUrl).pathname}/edit?lang=en`);
		await waitForAppReady(page);
		await page.getByLabel('Phone', { exact: true }).fill('333 7654321');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Maria Rossi', exact: true })
		).toBeVisible();

		await expect(syncIndicator(page)).toHaveAttribute('data-sync-kind', 'error');
		await expect(syncIndicator(page).getByRole('status')).toHaveText(
			"Sync error: this device's clock is ahead: correct its date and time"
		);
		// Nothing is lost: after a reload the edit is still on the card, still waiting.
		await page.reload();
		await waitForAppReady(page);
		await expect(page.getByText(/333\s?765\s?4321/).first()).toBeVisible();
		await expect(syncIndicator(page)).toHaveAttribute('data-sync-kind', 'error');
		await gotoApp(page, '/settings/sync');
		await expect(page.locator('[data-sync-detail]')).toHaveText(
			"Sync error: this device's clock is ahead: correct its date and time"
		);
	} finally {
		await salon.context.close();
	}
});
