// /settings end to end: categories and sources, required fields enforced by the form, and the
// language switch.
import { expect, test } from '@playwright/test';
import { gotoApp, waitForAppReady } from './support';

test('adds a category with a colour and a source, and the form offers them', async ({ page }) => {
	await gotoApp(page, '/settings');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

	await page.getByLabel('Category name').fill('Bridal');
	await page.getByLabel('Colour', { exact: true }).fill('#1a5fb4');
	await page.getByRole('button', { name: 'Add category' }).click();
	await expect(page.getByText('“Bridal” added')).toBeVisible();
	await expect(page.getByLabel('Colour of category Bridal')).toHaveValue('#1a5fb4');

	// The same name again is refused.
	await page.getByLabel('Category name').fill('bridal');
	await page.getByRole('button', { name: 'Add category' }).click();
	await expect(page.getByText('This name already exists.')).toBeVisible();

	await page.getByLabel('Source name').fill('Instagram');
	await page.getByRole('button', { name: 'Add source' }).click();
	await expect(page.getByLabel('Name of source Instagram')).toHaveValue('Instagram');

	// Saved to the local database: still there after a reload, and offered by the form.
	await page.reload();
	await waitForAppReady(page);
	await expect(page.getByLabel('Colour of category Bridal')).toHaveValue('#1a5fb4');
	await gotoApp(page, '/clients/new');
	await expect(page.getByRole('button', { name: 'Bridal' })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	await expect(page.getByLabel('Acquisition source')).toContainText('Instagram');

	await page.getByLabel('First name').fill('Carla');
	await page.getByLabel('Last name').fill('Fontana');
	await page.getByRole('button', { name: 'Bridal' }).click();
	await page.getByLabel('Acquisition source').selectOption({ label: 'Instagram' });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Carla Fontana', exact: true })
	).toBeVisible();
	await expect(page.locator('.badges')).toContainText('Bridal');
	await expect(page.getByRole('region', { name: 'Salon' })).toContainText('Instagram');
});

test('a required phone makes the form refuse a client without one', async ({ page }) => {
	await gotoApp(page, '/settings');
	const requirePhone = page
		.getByRole('region', { name: 'Required fields' })
		.getByLabel('Phone', { exact: true });
	await requirePhone.check();
	await expect(page.getByText('Settings saved')).toBeVisible();

	await gotoApp(page, '/clients/new');
	await page.getByLabel('First name').fill('Nadia');
	await page.getByLabel('Last name').fill('Russo');
	await page.getByRole('button', { name: 'Save' }).click();
	// The label shows an asterisk (hidden from assistive technology): match the accessible name.
	const phone = page.getByRole('textbox', { name: 'Phone', exact: true });
	await expect(phone).toHaveAttribute('aria-invalid', 'true');
	await expect(phone).toHaveAttribute('aria-required', 'true');
	await expect(phone).toBeFocused();
	await expect(page).toHaveURL(/\/clients\/new/);

	await phone.fill('+39 347 765 4321');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Nadia Russo', exact: true })
	).toBeVisible();
});

test('switching the language to Italiano shows Italian labels, and it is remembered', async ({
	page
}) => {
	await gotoApp(page, '/settings');
	await page
		.getByRole('combobox', { name: 'Language', exact: true })
		.selectOption({ label: 'Italiano' });
	await expect(page.getByRole('heading', { level: 1, name: 'Impostazioni' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Clienti' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'it');

	await page.goto('/clients/new');
	await waitForAppReady(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Nuova cliente' })).toBeVisible();
	await expect(page.getByLabel('Cognome')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Salva' })).toBeVisible();
});
