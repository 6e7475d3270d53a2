// Consent texts edited offline by two owner devices, through the real sync server and real
// IndexedDB: each saves its own "version 2" of the English text and has a client sign on it;
// after reconnecting both devices list both versions (the later save is the current text) and
// each signed consent's privacy form still shows the exact text it was signed on.
import { expect, test, type Page } from '@playwright/test';
import {
	createClient,
	createSalonOn,
	drawSignature,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode,
	syncIndicator,
	waitForServiceWorkerControl,
	type TestDevice
} from './support';

const TITLE_DESK = 'Privacy notice (front desk)';
const TITLE_SPA = 'Privacy notice (spa)';

async function saveEnglishTitle(page: Page, title: string) {
	await gotoApp(page, '/settings');
	const texts = page.getByRole('region', { name: 'Consent texts' });
	await texts.getByLabel('Language of the text').selectOption('en');
	await texts.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
	await texts.getByRole('button', { name: 'Save as a new version' }).click();
	await expect(page.getByText('Saved as version 2')).toBeVisible();
}

async function signProcessing(page: Page, cardPath: string, title: string) {
	await gotoApp(page, cardPath);
	await page.getByRole('link', { name: 'Sign consents' }).first().click();
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	await page.getByRole('checkbox', { name: /Processing of personal data/ }).check();
	await drawSignature(page);
	await page.getByRole('button', { name: 'Confirm and sign' }).click();
	await expect(page).toHaveURL(new RegExp(`${cardPath}$`));
	await expect(page.locator('li[data-consent-scope="processing"]')).toHaveAttribute(
		'data-consent-status',
		'granted'
	);
}

async function expectBothVersions(page: Page) {
	await gotoApp(page, '/settings');
	const texts = page.getByRole('region', { name: 'Consent texts' });
	await texts.getByLabel('Language of the text').selectOption('en');
	const list = texts.locator('[data-consent-versions="en"] > li');
	await expect(list.locator('[data-version-line]')).toHaveText([
		/^Version 2 · /,
		/^Version 2 · /,
		'Version 1 · shipped default'
	]);
	// The spa saved last: its version is the current one, listed first; both can be read.
	await expect(list.first()).toHaveAttribute('data-current', 'true');
	await list.first().locator('summary').click();
	await expect(list.first()).toContainText(TITLE_SPA);
	await list.nth(1).locator('summary').click();
	await expect(list.nth(1)).toContainText(TITLE_DESK);
	await expect(texts.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(TITLE_SPA);
	await expectNoSeriousA11yViolations(page);
}

async function expectFormText(page: Page, cardPath: string, title: string) {
	await gotoApp(page, `${cardPath}/privacy-form`);
	const form = page.locator('[data-privacy-form]');
	await expect(form).toHaveAttribute('data-ready', 'true');
	await expect(form.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(form).toContainText(/Text version 2 · SHA-256 [0-9a-f]{64}/);
}

test('two owner devices save a consent text offline: both versions survive and each signature keeps its text', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const desk = await newDevice(browser);
	const spa = await newDevice(browser);
	const devices: TestDevice[] = [desk, spa];
	try {
		await createSalonOn(desk.page, 'Salone Duo', 'Front desk');
		await desk.page.getByLabel('Role of the new device').selectOption({ label: 'Owner' });
		await pairWithCode(spa.page, await showPairingCode(desk.page), 'Spa room');

		// Two English-speaking clients, on both devices before the connection drops.
		const maria = await clientIn(desk.page, 'Maria', 'Rossi');
		const anna = await clientIn(desk.page, 'Anna', 'Bianchi');
		await gotoApp(spa.page, anna);
		await expect(spa.page.getByRole('heading', { level: 1, name: 'Anna Bianchi' })).toBeVisible();

		for (const d of devices) {
			await waitForServiceWorkerControl(d.page);
			await d.context.setOffline(true);
			await expect(syncIndicator(d.page)).toHaveAttribute('data-sync-kind', 'offline');
		}
		// Offline, each owner writes its own version 2 and a client signs on it.
		await saveEnglishTitle(desk.page, TITLE_DESK);
		await signProcessing(desk.page, maria, TITLE_DESK);
		await saveEnglishTitle(spa.page, TITLE_SPA);
		await signProcessing(spa.page, anna, TITLE_SPA);

		for (const d of devices) await d.context.setOffline(false);
		for (const d of devices) {
			await gotoApp(d.page, '/settings/sync');
			await expect(syncIndicator(d.page)).toHaveAttribute('data-sync-kind', 'synced');
		}

		for (const d of devices) {
			await expectBothVersions(d.page);
			// Each signed consent, on either device, shows the exact text it was signed on.
			await expectFormText(d.page, maria, TITLE_DESK);
			await expectFormText(d.page, anna, TITLE_SPA);
		}
	} finally {
		for (const d of devices) await d.context.close();
	}
});

/** Creates a client whose language is English; returns the card's path. */
async function clientIn(page: Page, first: string, last: string): Promise<string> {
	const url = await createClient(page, first, last);
	const path = new URL(url).pathname;
	await gotoApp(page, `${path}/edit`);
	await page.locator('#cf-language').selectOption('en');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `${first} ${last}`, exact: true })
	).toBeVisible();
	return path;
}

test('a consent whose text has not reached this device yet says so on the form, never passing the current text off as signed', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const desk = await newDevice(browser);
	const room = await newDevice(browser);
	try {
		await createSalonOn(desk.page, 'Salone Attesa', 'Front desk');
		await desk.page.getByLabel('Role of the new device').selectOption({ label: 'Owner' });
		const code = await showPairingCode(desk.page);
		const maria = await clientIn(desk.page, 'Maria', 'Rossi');
		await saveEnglishTitle(desk.page, TITLE_DESK);
		await signProcessing(desk.page, maria, TITLE_DESK);

		// The room's settings pulls come back empty, as if that collection had not synced yet:
		// the card and its consent arrive, version 2 of the text does not.
		await room.page.route('**/api/v1/salons/*/settings/pull', async (route) => {
			const body = route.request().postDataJSON() as { checkpoint: unknown };
			await route.fulfill({ json: { documents: [], checkpoint: body.checkpoint } });
		});
		await pairWithCode(room.page, code, 'Treatment room');
		await gotoApp(room.page, `${maria}/privacy-form`);
		const form = room.page.locator('[data-privacy-form]');
		await expect(form).toHaveAttribute('data-ready', 'true');
		await expect(form.locator('[data-signed-text-missing]')).toHaveText(
			'The text that was signed (version 2) is not on this device yet: the current text is shown below, not the signed one.'
		);
		await expect(form.getByRole('heading', { level: 1 })).not.toHaveText(TITLE_DESK);
		await expectNoSeriousA11yViolations(room.page);

		// Once the text arrives, the form shows it and the warning goes.
		await room.page.unroute('**/api/v1/salons/*/settings/pull');
		await room.page.reload();
		await expectFormText(room.page, maria, TITLE_DESK);
		await expect(form.locator('[data-signed-text-missing]')).toHaveCount(0);
	} finally {
		await desk.context.close();
		await room.context.close();
	}
});
