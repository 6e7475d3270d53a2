// Duplicates across two devices through the real sync server (issue 4): both create the same
// client offline; on reconnect each device shows one card with both devices' fields under the
// same id; an undo on one device splits the card on both; a mother and daughter sharing only a
// phone wait in /duplicates and are never merged. Real IndexedDB, real server, nothing mocked.
import { expect, test, type Page } from '@playwright/test';
import {
	createSalonOn,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode,
	syncIndicator,
	waitForServiceWorkerControl
} from './support';

async function createOffline(
	page: Page,
	first: string,
	last: string,
	phone: string,
	extra: (p: Page) => Promise<void>
) {
	await gotoApp(page, '/clients/new');
	await page.getByLabel('First name').fill(first);
	await page.getByLabel('Last name').fill(last);
	await page.getByLabel('Phone', { exact: true }).fill(phone);
	await extra(page);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${first} ${last}` })).toBeVisible();
}

const rows = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

test('the same client created on two offline devices becomes one card everywhere; undo splits it on both', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const reception = await newDevice(browser);
	const tablet = await newDevice(browser);
	const r = reception.page;
	const tb = tablet.page;
	try {
		await createSalonOn(r, 'Salone Doppio', 'Reception');
		const code = await showPairingCode(r);
		await pairWithCode(tb, code, 'Tablet');

		for (const d of [reception, tablet]) {
			await gotoApp(d.page, '/clients');
			await waitForServiceWorkerControl(d.page);
			await d.context.setOffline(true);
			await expect(syncIndicator(d.page)).toHaveAttribute('data-sync-kind', 'offline');
		}
		await createOffline(r, 'Maria', 'Rossi', '333 123 4567', (p) =>
			p
				.getByRole('group', { name: 'Contacts' })
				.getByLabel('E-mail', { exact: true })
				.fill('maria@example.it')
		);
		await createOffline(tb, 'Maria', 'Rossi', '+39 333 1234567', async (p) => {
			const allergies = p.getByLabel('Allergies', { exact: true });
			await allergies.fill('Nickel');
			await allergies.press('Enter');
		});
		// Mother and daughter: the same phone, different first names.
		await createOffline(r, 'Anna', 'Bianchi', '347 000 1111', async () => {});
		await createOffline(tb, 'Giulia', 'Bianchi', '3470001111', async () => {});

		for (const d of [reception, tablet]) {
			await gotoApp(d.page, '/clients');
			await d.context.setOffline(false);
		}
		for (const p of [r, tb]) {
			await expect(syncIndicator(p)).toHaveAttribute('data-sync-kind', 'synced', {
				timeout: 20_000
			});
			await expect(rows(p, 'Anna Bianchi')).toHaveCount(1, { timeout: 20_000 });
			await expect(rows(p, 'Giulia Bianchi')).toHaveCount(1);
			await expect(rows(p, 'Maria Rossi')).toHaveCount(1, { timeout: 20_000 });
		}
		// The sync status tells what the check did ("1 duplicate merged, 1 to review").
		for (const p of [r, tb]) {
			await expect(p.getByTestId('duplicates-summary')).toContainText(/merged|to review/);
		}
		const hrefR = await rows(r, 'Maria Rossi').getAttribute('href');
		const hrefT = await rows(tb, 'Maria Rossi').getAttribute('href');
		expect(hrefR).toBeTruthy();
		expect(hrefR).toBe(hrefT);

		// Each device's card shows both devices' fields.
		for (const p of [r, tb]) {
			await gotoApp(p, hrefR as string);
			await expect(p.getByText('maria@example.it').first()).toBeVisible();
			await expect(
				p.getByRole('region', { name: 'Allergies and contraindications' })
			).toContainText('Nickel');
			await expect(p.getByText(/Merged with: Maria Rossi/)).toBeVisible();
		}
		// The phone-only pair waits for review and was not merged.
		await gotoApp(r, '/duplicates');
		const pair = r.locator('[data-pair]');
		await expect(pair).toHaveCount(1);
		await expect(pair).toHaveAttribute('data-level', 'review');
		await expect(pair).toContainText('Anna Bianchi');
		await expect(pair).toContainText('Giulia Bianchi');
		await expect(pair).toContainText('same phone');
		await expectNoSeriousA11yViolations(r);

		// Undo on the tablet: both devices show two Maria Rossi again.
		await gotoApp(tb, hrefR as string);
		await tb.getByRole('button', { name: 'Undo merge' }).click();
		await tb.getByRole('dialog').getByRole('button', { name: 'Undo merge' }).click();
		await expect(tb.getByText('Merge undone')).toBeVisible();
		for (const p of [tb, r]) {
			await gotoApp(p, '/clients');
			await expect(rows(p, 'Maria Rossi')).toHaveCount(2, { timeout: 20_000 });
		}
	} finally {
		await reception.context.close();
		await tablet.context.close();
	}
});
