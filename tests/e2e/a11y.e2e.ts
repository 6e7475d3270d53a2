// axe (WCAG 2 A/AA) on every page of issue 2, on a desktop, a 1024 px tablet and a 390 px phone: no serious or
// critical violation. The client card is checked with a client that fills most sections.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, gotoApp } from './support';

async function createRichClient(page: Page): Promise<string> {
	await gotoApp(page, '/settings');
	await page.getByLabel('Category name').fill('VIP');
	await page.getByRole('button', { name: 'Add category' }).click();
	await expect(page.getByLabel('Colour of category VIP')).toBeVisible();

	await gotoApp(page, '/clients/new');
	await page.getByLabel('First name').fill('Lucia');
	await page.getByLabel('Last name').fill('Moretti');
	await page.getByLabel('Gender').selectOption({ label: 'Female' });
	await page.getByLabel('Day').selectOption('2');
	await page.getByLabel('Month').selectOption({ label: 'June' });
	await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('3331234567');
	await page
		.getByRole('group', { name: 'Contacts' })
		.getByLabel('E-mail')
		.fill('lucia@example.com');
	await page.getByLabel('Allergies', { exact: true }).fill('Nickel');
	await page.getByRole('button', { name: 'Add allergy' }).click();
	await page.getByRole('button', { name: 'VIP' }).click();
	await page.getByLabel('Tags', { exact: true }).fill('Bride 2026');
	await page.getByRole('button', { name: 'Add tag' }).click();
	await page.getByLabel('Fidelity card number').fill('FC-7');
	await page.getByLabel('Note', { exact: true }).fill('Sensitive skin.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Lucia Moretti' })).toBeVisible();
	return new URL(page.url()).pathname;
}

const viewports = [
	{ name: 'desktop', size: { width: 1366, height: 900 } },
	// A treatment-room tablet in landscape: the header's tools must still sit on its background.
	{ name: 'tablet', size: { width: 1024, height: 768 } },
	{ name: 'phone', size: { width: 390, height: 844 } }
] as const;

for (const viewport of viewports) {
	test.describe(`on a ${viewport.name}`, () => {
		test.use({ viewport: viewport.size });

		test('the client pages and settings have no serious accessibility problems', async ({
			page
		}) => {
			const cardPath = await createRichClient(page);

			await gotoApp(page, '/clients');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectNoSeriousA11yViolations(page);

			await gotoApp(page, '/clients/new');
			await expect(page.getByRole('heading', { level: 1, name: 'New client' })).toBeVisible();
			await expectNoSeriousA11yViolations(page);
			// With validation messages showing, too.
			await page.getByRole('button', { name: 'Save' }).click();
			await expect(page.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true');
			await expectNoSeriousA11yViolations(page);

			await gotoApp(page, cardPath);
			await expect(
				page.getByRole('region', { name: 'Allergies and contraindications' })
			).toBeVisible();
			await expectNoSeriousA11yViolations(page);
			// And with the delete dialog open.
			await page.getByRole('button', { name: 'Delete' }).click();
			await expect(page.getByRole('dialog')).toBeVisible();
			await expectNoSeriousA11yViolations(page);
			await page.keyboard.press('Escape');
			await expect(page.getByRole('dialog')).toBeHidden();

			await gotoApp(page, `${cardPath}/edit`);
			await expect(
				page.getByRole('heading', { level: 1, name: 'Edit Lucia Moretti' })
			).toBeVisible();
			await expectNoSeriousA11yViolations(page);

			await gotoApp(page, '/settings');
			await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
			await expectNoSeriousA11yViolations(page);
		});
	});
}
