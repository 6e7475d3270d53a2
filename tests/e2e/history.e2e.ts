// Issue 7, audit: the card's change history comes from the sync server's revision log (old and
// new value of every field, device, time), and the owner's activity log lists the pairing of a
// device. Real app in Chromium, real IndexedDB, the real sync server; nothing mocked.
import { expect, test, type Page } from '@playwright/test';
import {
	createClient,
	createSalonOn,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode,
	syncIndicator,
	waitForAppReady
} from './support';

async function editCard(page: Page, path: string, name: string, edit: () => Promise<void>) {
	await page.goto(`${path}/edit?lang=en`);
	await waitForAppReady(page);
	await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
	await edit();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(`Edit ${name}`);
	await expect(syncIndicator(page)).toHaveAttribute('data-sync-kind', 'synced');
}

test('the History section lists each edit with old and new values, device and time; the owner log lists the pairing', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const reception = await newDevice(browser);
	const tablet = await newDevice(browser);
	const r = reception.page;
	try {
		await createSalonOn(r, 'Salone Aurora', 'Reception');
		const code = await showPairingCode(r);
		await pairWithCode(tablet.page, code, 'Tablet cabina 2');

		const cardUrl = await createClient(r, 'Maria', 'Rossi');
		const path = new URL(cardUrl).pathname;
		await expect(syncIndicator(r)).toHaveAttribute('data-sync-kind', 'synced');
		await editCard(r, path, 'Maria Rossi', () => r.getByLabel('Last name').fill('Bianchi'));
		await editCard(r, path, 'Maria Bianchi', () =>
			r.getByLabel('Profession', { exact: true }).fill('Hairdresser')
		);

		await gotoApp(r, path);
		const history = r.getByTestId('change-history');
		await history.getByRole('button', { name: 'Show changes' }).click();
		// The second edit may still be on its way to the server: refresh until both are there.
		const entries = history.locator('li.entry');
		await expect
			.poll(async () => {
				if ((await entries.count()) >= 3) return entries.count();
				await history.getByRole('button', { name: 'Refresh' }).click();
				return entries.count();
			})
			.toBe(3);

		// Newest first: the profession, then the last name, then the creation.
		const [second, first, created] = [entries.nth(0), entries.nth(1), entries.nth(2)];
		await expect(second.getByRole('heading', { level: 3 })).toHaveText('Edited');
		await expect(second.locator('[data-field="profession"] dt')).toHaveText('Profession');
		await expect(second.locator('[data-field="profession"] dd')).toHaveText(
			'(empty) → Hairdresser'
		);
		await expect(first.getByRole('heading', { level: 3 })).toHaveText('Edited');
		await expect(first.locator('[data-field="lastName"] dt')).toHaveText('Last name');
		await expect(first.locator('[data-field="lastName"] dd')).toHaveText('Rossi → Bianchi');
		await expect(created.getByRole('heading', { level: 3 })).toHaveText('Card created');
		await expect(created.locator('[data-field="lastName"] dd')).toHaveText('Rossi');
		for (const entry of [second, first]) {
			await expect(entry.locator('.meta')).toContainText('Device: Reception');
			// The time, in the salon's locale, with a machine-readable datetime.
			await expect(entry.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
			await expect(entry.locator('time')).toHaveText(/\d{1,2}:\d{2}/);
		}
		await expectNoSeriousA11yViolations(r);

		// The owner's log, linked from the settings, lists the tablet's pairing.
		await gotoApp(r, '/settings');
		await r.getByRole('link', { name: /Activity log/ }).click();
		await expect(r.getByRole('heading', { level: 1, name: 'Activity log' })).toBeVisible();
		const pairing = r.locator('tr[data-kind="pairing"]');
		await expect(pairing).toHaveCount(1);
		await expect(pairing).toContainText('Device paired');
		await expect(pairing).toContainText('Reception');
		await expect(pairing).toContainText('Device: Tablet cabina 2');
		await r.getByLabel('Kind of activity').selectOption('export');
		await expect(r.getByText('No activity logged.')).toBeVisible();
		await expectNoSeriousA11yViolations(r);

		// Offline, the history says it needs the server instead of showing nothing.
		await gotoApp(r, path);
		await reception.context.setOffline(true);
		await r.getByTestId('change-history').getByRole('button', { name: 'Show changes' }).click();
		await expect(r.getByTestId('change-history').getByRole('alert')).toHaveText(
			'The history is kept on the server: connect to the network to see it.'
		);
	} finally {
		await reception.context.close();
		await tablet.context.close();
	}
});
