// The client form and card end to end: create with many fields, validation, edit, blacklist,
// archive/restore, delete, and persistence across a reload. Real build, real local database.
import { expect, test, type Page } from '@playwright/test';
import { gotoApp, waitForAppReady } from './support';

async function createClient(page: Page, first: string, last: string, phone = '') {
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

test('creates a client with many fields and shows them on the card, allergies first', async ({
	page
}) => {
	await gotoApp(page, '/clients/new');
	await expect(page.getByRole('heading', { level: 1, name: 'New client' })).toBeVisible();

	await page.getByLabel('First name').fill('Giulia');
	await page.getByLabel('Last name').fill('Bianchi');
	await page.getByLabel('Gender').selectOption({ label: 'Female' });
	const birth = page.getByRole('group', { name: 'Birth date' });
	await birth.getByLabel('Day').selectOption('14');
	await birth.getByLabel('Month').selectOption({ label: 'March' });
	await birth.getByLabel('Year (optional)').fill('1988');
	await page.getByLabel('Phone', { exact: true }).fill('333-1234567');
	await page.getByRole('button', { name: 'Add phone' }).click();
	await page.getByLabel('Phone 2', { exact: true }).fill('02 1234 5678');
	await page.getByLabel('Type of phone 2').selectOption({ label: 'Work' });
	const contactsGroup = page.getByRole('group', { name: 'Contacts' });
	await contactsGroup.getByLabel('E-mail', { exact: true }).fill('Giulia.Bianchi@Example.com');
	await page.getByLabel('City').fill('Milano');

	const allergies = page.getByLabel('Allergies', { exact: true });
	await allergies.fill('Nickel');
	await allergies.press('Enter');
	await allergies.fill('Latex');
	await page.getByRole('button', { name: 'Add allergy' }).click();
	await page.getByLabel('Contraindications', { exact: true }).fill('Pregnancy');

	await page.getByLabel('Fidelity card number').fill('FC-0042');
	await page.getByRole('group', { name: 'Appointment reminders' }).getByLabel('WhatsApp').check();
	await page.getByLabel('Note', { exact: true }).fill('Prefers afternoon appointments.');
	await page.getByRole('button', { name: 'Save' }).click();

	await expect(page).toHaveURL(/\/clients\/[^/]+$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Giulia Bianchi' })).toBeVisible();

	// Health information is the first thing after the name, and it holds all three entries.
	const health = page.getByRole('region', { name: 'Allergies and contraindications' });
	await expect(health).toBeVisible();
	await expect(health).toContainText('Nickel');
	await expect(health).toContainText('Latex');
	await expect(health).toContainText('Pregnancy');
	const order = await page.evaluate(() => {
		const regions = [...document.querySelectorAll('article section, article header')];
		return regions.map((r) => r.getAttribute('aria-labelledby') ?? r.tagName.toLowerCase());
	});
	expect(order.slice(0, 2)).toEqual(['header', 'health-title']);

	// The number typed with a dash is stored in E.164 and shown in the national format.
	const contacts = page.getByRole('region', { name: 'Contacts' });
	await expect(contacts.getByRole('link', { name: '333 123 4567' })).toHaveAttribute(
		'href',
		'tel:+393331234567'
	);
	await expect(contacts).toContainText('giulia.bianchi@example.com');
	await expect(page.getByRole('link', { name: 'WhatsApp Giulia Bianchi' })).toHaveAttribute(
		'href',
		'https://wa.me/393331234567'
	);
	await expect(page.getByRole('link', { name: 'Call Giulia Bianchi' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Personal' })).toContainText('14 March 1988');
	await expect(page.getByRole('region', { name: 'Loyalty' })).toContainText('FC-0042');
	await expect(page.getByRole('region', { name: 'Consents' })).toContainText('WhatsApp');
	await expect(page.getByRole('region', { name: 'Note' })).toContainText('afternoon');

	// Everything is in the local database: a reload shows the same card.
	await page.reload();
	await waitForAppReady(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Giulia Bianchi' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Allergies and contraindications' })).toContainText(
		'Nickel'
	);
});

test('shows validation errors and saves nothing while they remain', async ({ page }) => {
	await gotoApp(page, '/clients/new');
	await page.getByRole('button', { name: 'Save' }).click();

	// Both names are required by default; focus goes to the first invalid field.
	await expect(page.getByLabel('Last name')).toHaveAttribute('aria-invalid', 'true');
	const firstName = page.getByLabel('First name');
	await expect(firstName).toHaveAttribute('aria-invalid', 'true');
	await expect(firstName).toBeFocused();
	await expect(page.getByText('Please correct')).toBeVisible();

	await page.getByLabel('First name').fill('Anna');
	await page.getByLabel('Last name').fill('Verdi');
	const email = page.getByRole('group', { name: 'Contacts' }).getByLabel('E-mail', { exact: true });
	await email.fill('anna@@example');
	await email.blur();
	await expect(email).toHaveAttribute('aria-invalid', 'true');
	const emailError = page.locator('#cf-email-0-error');
	await expect(emailError).toBeVisible();
	await expect(email).toHaveAttribute('aria-describedby', /cf-email-0-error/);

	// A well-formed fiscal code whose check character is wrong (the right one is "X").
	await email.fill('anna@example.com');
	const fiscal = page.getByLabel('Fiscal code');
	await fiscal.fill('RSSMRA85T10A562Y');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(fiscal).toHaveAttribute('aria-invalid', 'true');
	await expect(fiscal).toBeFocused();
	await expect(page).toHaveURL(/\/clients\/new/);

	// Nothing was written: the list still has no client.
	await gotoApp(page, '/clients');
	await expect(page.getByRole('link', { name: /Anna Verdi/ })).toHaveCount(0);
});

test('edits a field; blacklists with a required reason; archives and restores', async ({
	page
}) => {
	await createClient(page, 'Marta', 'Neri', '3471234567');

	await page.getByRole('link', { name: 'Edit' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Edit Marta Neri' })).toBeVisible();
	await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('3471234567');
	await page.getByLabel('Profession').fill('Architect');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Marta Neri', exact: true })
	).toBeVisible();
	await expect(page.getByText('Architect')).toBeVisible();

	// Blacklist: the reason is required.
	await page.getByRole('button', { name: 'Blacklist' }).click();
	const dialog = page.getByRole('dialog', { name: 'Blacklist Marta Neri?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Add to blacklist' }).click();
	await expect(dialog.getByText('Please write the reason.')).toBeVisible();
	await expect(dialog).toBeVisible();
	await dialog.getByLabel('Reason').fill('Three no-shows in a row');
	await dialog.getByRole('button', { name: 'Add to blacklist' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByText('Blacklisted: Three no-shows in a row')).toBeVisible();
	await page.getByRole('button', { name: 'Remove from blacklist' }).click();
	await expect(page.getByText('Blacklisted: Three no-shows in a row')).toBeHidden();

	// Archive is immediate and reversible.
	await page.getByRole('button', { name: 'Archive' }).click();
	await expect(page.getByText('Marta Neri archived')).toBeVisible();
	await expect(page.locator('.badges').getByText('Archived')).toBeVisible();
	await page.reload();
	await waitForAppReady(page);
	await expect(page.locator('.badges').getByText('Archived')).toBeVisible();
	await page.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByText('Marta Neri is active again')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
	await expect(page.getByText('Architect')).toBeVisible();
});

test('deletes only after confirming; Cancel keeps the client', async ({ page }) => {
	const cardUrl = await createClient(page, 'Elena', 'Gallo');

	await page.getByRole('button', { name: 'Delete' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete Elena Gallo?' });
	await expect(dialog).toContainText('cannot be undone');
	await expect(dialog).toContainText('archive her instead');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('heading', { level: 1, name: 'Elena Gallo' })).toBeVisible();

	await page.getByRole('button', { name: 'Delete' }).click();
	await dialog.getByRole('button', { name: 'Delete permanently' }).click();
	await expect(page).toHaveURL(/\/clients(\?.*)?$/);
	await expect(page.getByText('Elena Gallo deleted')).toBeVisible();

	await page.goto(cardUrl);
	await waitForAppReady(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Client not found' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Back to clients' })).toBeVisible();
});

test('pre-fills the new-client form from the list query', async ({ page }) => {
	await gotoApp(page, '/clients/new?firstName=Sara&lastName=Conti');
	await expect(page.getByLabel('First name')).toHaveValue('Sara');
	await expect(page.getByLabel('Last name')).toHaveValue('Conti');
	await gotoApp(page, '/clients/new?phone=3389876543');
	await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('3389876543');
});
