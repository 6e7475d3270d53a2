// The /clients list against the built app and the real sync server: search, filters, sorting,
// columns, archive/delete and persistence. Clients are created through the real form.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, gotoApp, waitForAppReady } from './support';

interface NewClient {
	firstName: string;
	lastName: string;
	phone?: string;
	email?: string;
	card?: string;
	gender?: 'female' | 'male';
	birth?: { day: number; month: number; year?: number };
}

/** Creates a client with the form, reached from the list's "Add client" button (no reload). */
async function createClient(page: Page, client: NewClient): Promise<void> {
	await page.getByRole('link', { name: 'Add client', exact: true }).first().click();
	await expect(page).toHaveURL(/\/clients\/new/);
	await page.getByRole('textbox', { name: 'First name', exact: true }).fill(client.firstName);
	await page.getByRole('textbox', { name: 'Last name', exact: true }).fill(client.lastName);
	if (client.gender)
		await page.getByRole('combobox', { name: 'Gender', exact: true }).selectOption(client.gender);
	if (client.phone) await page.locator('#cf-phone-0').fill(client.phone);
	if (client.email) await page.locator('#cf-email-0').fill(client.email);
	if (client.card)
		await page.getByRole('textbox', { name: 'Fidelity card number' }).fill(client.card);
	if (client.birth) {
		await page
			.getByRole('combobox', { name: 'Day', exact: true })
			.selectOption(String(client.birth.day));
		await page
			.getByRole('combobox', { name: 'Month', exact: true })
			.selectOption(String(client.birth.month));
		if (client.birth.year)
			await page.getByRole('textbox', { name: /^Year/ }).fill(String(client.birth.year));
	}
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page).toHaveURL(/\/clients\/(?!new)[^/?]+$/);
	await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
}

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search clients' });
const count = (page: Page) => page.getByRole('status').filter({ hasText: /\bclients?$/ });
const clientLink = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

function inDays(days: number): { day: number; month: number } {
	const date = new Date();
	date.setDate(date.getDate() + days);
	return { day: date.getDate(), month: date.getMonth() + 1 };
}

test('search finds clients by phone digits, unaccented surname, card and either name order', async ({
	page
}) => {
	await gotoApp(page, '/clients');
	await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
	await createClient(page, {
		firstName: 'Nicolò',
		lastName: "D'Angelo",
		phone: '333 123 4567',
		card: 'FC-7781'
	});
	await createClient(page, {
		firstName: 'Maria',
		lastName: 'Rossi',
		phone: '347 555 0101',
		email: 'maria.rossi@example.com',
		gender: 'female'
	});
	await expect(count(page)).toHaveText('2 clients');

	const nicolo = clientLink(page, "Nicolò D'Angelo");
	const maria = clientLink(page, 'Maria Rossi');
	const expectOnly = async (query: string, shown: typeof nicolo, hidden: typeof nicolo) => {
		await search(page).fill(query);
		await expect(shown, `“${query}”`).toBeVisible();
		await expect(hidden, `“${query}”`).toHaveCount(0);
		await expect(count(page)).toHaveText('1 client');
	};
	await expectOnly('4567', nicolo, maria);
	await expectOnly('nicolo', nicolo, maria);
	await expectOnly('d angelo', nicolo, maria);
	await expectOnly('FC-7781', nicolo, maria);
	await expectOnly('rossi maria', maria, nicolo);
	await expectOnly('maria.rossi@example', maria, nicolo);

	// Contact actions are real links named after the client.
	await expect(page.getByRole('link', { name: 'Call Maria Rossi' })).toHaveAttribute(
		'href',
		'tel:+393475550101'
	);
	await expect(page.getByRole('link', { name: 'WhatsApp Maria Rossi' })).toHaveAttribute(
		'href',
		'https://wa.me/393475550101'
	);
	await expect(page.getByRole('link', { name: 'Send SMS to Maria Rossi' })).toHaveAttribute(
		'href',
		'sms:+393475550101'
	);
	await expect(page.getByRole('link', { name: 'E-mail Maria Rossi' })).toHaveAttribute(
		'href',
		'mailto:maria.rossi@example.com'
	);

	// Escape clears the search; "/" brings the focus back to it.
	await search(page).press('Escape');
	await expect(search(page)).toHaveValue('');
	await expect(count(page)).toHaveText('2 clients');
	await page.getByRole('heading', { level: 1 }).click();
	await page.keyboard.press('/');
	await expect(search(page)).toBeFocused();
	await expectNoSeriousA11yViolations(page);

	// Nothing found: offer to add her, with the names already in the form.
	await search(page).fill('giulia bianchi');
	await expect(count(page)).toHaveText('0 clients');
	await page.getByRole('link', { name: 'Add client «giulia bianchi»' }).click();
	await expect(page).toHaveURL(/\/clients\/new\?firstName=Giulia&lastName=Bianchi/);
	await expect(page.getByRole('textbox', { name: 'First name', exact: true })).toHaveValue(
		'Giulia'
	);
	await expect(page.getByRole('textbox', { name: 'Last name', exact: true })).toHaveValue(
		'Bianchi'
	);
});

test('archive hides a client until the archived filter; delete asks first; all survives a reload', async ({
	page
}) => {
	await gotoApp(page, '/clients');
	await createClient(page, { firstName: 'Anna', lastName: 'Verdi', gender: 'female' });
	await createClient(page, { firstName: 'Paola', lastName: 'Neri', gender: 'female' });
	await expect(count(page)).toHaveText('2 clients');

	// Archive from the list, through the delete dialog's reversible way out.
	await page.getByRole('button', { name: 'Delete Anna Verdi' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete Anna Verdi?' });
	await expect(dialog).toContainText('Anna Verdi and all her data will be deleted');
	await dialog.getByRole('button', { name: 'Archive instead' }).click();
	await expect(dialog).toBeHidden();
	await expect(clientLink(page, 'Anna Verdi')).toHaveCount(0);
	await expect(count(page)).toHaveText('1 client');

	await page.getByRole('button', { name: 'More filters' }).click();
	await expect(page.getByRole('button', { name: 'More filters' })).toHaveAttribute(
		'aria-expanded',
		'true'
	);
	await page.getByRole('combobox', { name: 'Archived', exact: true }).selectOption('archived');
	await expect(clientLink(page, 'Anna Verdi')).toBeVisible();
	await expect(clientLink(page, 'Paola Neri')).toHaveCount(0);
	await expect(page.getByRole('row', { name: /Anna Verdi/ })).toContainText('Archived');
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(page.getByRole('combobox', { name: 'Archived', exact: true })).toHaveValue('active');
	await expect(clientLink(page, 'Anna Verdi')).toHaveCount(0);

	// Cancel keeps her; Delete removes her.
	await page.getByRole('button', { name: 'Delete Paola Neri' }).click();
	const confirm = page.getByRole('dialog', { name: 'Delete Paola Neri?' });
	await expect(confirm).toContainText('This cannot be undone');
	await confirm.getByRole('button', { name: 'Cancel' }).click();
	await expect(confirm).toBeHidden();
	await expect(clientLink(page, 'Paola Neri')).toBeVisible();
	await page.getByRole('button', { name: 'Delete Paola Neri' }).click();
	await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(clientLink(page, 'Paola Neri')).toHaveCount(0);
	await expect(page.getByText('No client matches these filters.')).toBeVisible();

	await page.reload();
	await waitForAppReady(page);
	await expect(clientLink(page, 'Paola Neri')).toHaveCount(0);
	await expect(count(page)).toHaveText('0 clients');
	await page.getByRole('button', { name: 'More filters' }).click();
	await page.getByRole('combobox', { name: 'Archived', exact: true }).selectOption('all');
	await expect(clientLink(page, 'Anna Verdi')).toBeVisible();
	await expect(count(page)).toHaveText('1 client');
});

test('the birthdays filter shows the next 7 days and stays in the URL', async ({ page }) => {
	await gotoApp(page, '/clients');
	await createClient(page, { firstName: 'Sara', lastName: 'Presto', birth: inDays(3) });
	await createClient(page, {
		firstName: 'Laura',
		lastName: 'Tardi',
		birth: { ...inDays(30), year: 1990 }
	});
	await expect(count(page)).toHaveText('2 clients');

	await page.getByRole('button', { name: 'More filters' }).click();
	await page.getByRole('combobox', { name: 'Birthdays', exact: true }).selectOption('next7');
	await expect(clientLink(page, 'Sara Presto')).toBeVisible();
	await expect(clientLink(page, 'Laura Tardi')).toHaveCount(0);
	await expect(page).toHaveURL(/[?&]birthday=next7/);

	await page.reload();
	await waitForAppReady(page);
	await expect(page.getByRole('combobox', { name: 'Birthdays', exact: true })).toHaveValue('next7');
	await expect(clientLink(page, 'Sara Presto')).toBeVisible();
	await expect(clientLink(page, 'Laura Tardi')).toHaveCount(0);
});

test('sorting, hidden columns, the A–Z rail and the keyboard', async ({ page }) => {
	await gotoApp(page, '/clients');
	await createClient(page, { firstName: 'Bruno', lastName: 'Alfieri', email: 'bruno@example.com' });
	await createClient(page, { firstName: 'Carla', lastName: 'Zanetti' });
	const names = page.locator('[role="row"] .client-name');
	await expect(names).toHaveText(['Bruno Alfieri', 'Carla Zanetti']);

	const nameHeader = page.getByRole('columnheader', { name: 'Name' });
	const createdHeader = page.getByRole('columnheader', { name: 'Created' });
	await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
	await nameHeader.getByRole('button').click();
	await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
	await expect(names).toHaveText(['Carla Zanetti', 'Bruno Alfieri']);
	await createdHeader.getByRole('button').click();
	await expect(createdHeader).toHaveAttribute('aria-sort', 'ascending');
	await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
	await expect(names).toHaveText(['Bruno Alfieri', 'Carla Zanetti']);
	await createdHeader.getByRole('button').click();
	await expect(names).toHaveText(['Carla Zanetti', 'Bruno Alfieri']);

	// Hide the e-mail column: remembered on this device, like the sort.
	await expect(page.getByRole('cell', { name: 'bruno@example.com' })).toBeVisible();
	await page.getByRole('button', { name: 'Columns' }).click();
	await page.getByRole('checkbox', { name: 'E-mail' }).uncheck();
	await expect(page.getByRole('columnheader', { name: 'E-mail' })).toHaveCount(0);
	await page.reload();
	await waitForAppReady(page);
	await expect(page.getByRole('columnheader', { name: 'E-mail' })).toHaveCount(0);
	await expect(page.getByRole('cell', { name: 'bruno@example.com' })).toHaveCount(0);
	await expect(createdHeader).toHaveAttribute('aria-sort', 'descending');

	// The rail jumps by surname (switching back to the name sort) and moves focus there.
	const rail = page.getByRole('navigation', { name: 'Jump to letter' });
	await expect(rail.getByRole('button', { name: 'Q', exact: true })).toBeDisabled();
	await rail.getByRole('button', { name: 'Z', exact: true }).click();
	await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
	await expect(clientLink(page, 'Carla Zanetti')).toBeFocused();

	// Keyboard: from the search, arrows walk the rows and Enter opens the focused client.
	await page.keyboard.press('/');
	await expect(search(page)).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(clientLink(page, 'Bruno Alfieri')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(clientLink(page, 'Carla Zanetti')).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await expect(clientLink(page, 'Bruno Alfieri')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/clients\/(?!new)[^/?]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Bruno Alfieri');

	// The shortcuts are listed in a dialog; "n" starts a new client when not typing.
	await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).first().click();
	await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
	const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(help).toContainText('New client');
	await help.getByRole('button', { name: 'Close' }).click();
	await expect(help).toBeHidden();
	await page.keyboard.press('n');
	await expect(page).toHaveURL(/\/clients\/new/);
});

test('a row shown again for another client shows only that client: links, actions, checkbox', async ({
	page
}) => {
	// The virtual list keeps its rows and swaps the client in them as the search changes
	// (focus-row.ts › rowKey): nothing of the previous client may stay behind.
	await gotoApp(page, '/clients');
	await createClient(page, { firstName: 'Anna', lastName: 'Bianchi', phone: '333 777 1234' });
	await createClient(page, { firstName: 'Bruno', lastName: 'Verdi', email: 'bruno@example.com' });
	const row0 = page.locator('[role="row"][data-index="0"]');
	const row1 = page.locator('[role="row"][data-index="1"]');
	const expectRowOf = async (row: typeof row0, name: string, hasPhone: boolean) => {
		const link = row.getByRole('link', { name, exact: true });
		await expect(link).toBeVisible();
		const href = await link.getAttribute('href');
		expect(href).toMatch(/^\/clients\/[^/]+$/);
		await expect(row.getByRole('link', { name: `Edit ${name}` })).toHaveAttribute(
			'href',
			`${href}/edit`
		);
		await expect(row.getByRole('checkbox', { name: `Select ${name}` })).toBeVisible();
		await expect(row.getByRole('button', { name: `Delete ${name}` })).toBeVisible();
		await expect(row.getByRole('link', { name: `Call ${name}` })).toHaveCount(hasPhone ? 1 : 0);
	};
	await expectRowOf(row0, 'Anna Bianchi', true);
	await expectRowOf(row1, 'Bruno Verdi', false);

	// Anna selected in row 0; a search puts Bruno in that row: unchecked, and Anna, no longer
	// shown, leaves the selection.
	await row0.getByRole('checkbox', { name: 'Select Anna Bianchi' }).click();
	await expect(row0.getByRole('checkbox')).toBeChecked();
	await expect(page.getByRole('toolbar', { name: /selected/i })).toBeVisible();
	await search(page).fill('verdi');
	await expect(count(page)).toHaveText('1 client');
	await expectRowOf(row0, 'Bruno Verdi', false);
	await expect(row0.getByRole('checkbox')).not.toBeChecked();
	await expect(row0.getByRole('link', { name: 'Call Anna Bianchi' })).toHaveCount(0);

	// Bruno selected while alone in row 0; back to everyone, the tick follows him to row 1.
	await row0.getByRole('checkbox', { name: 'Select Bruno Verdi' }).click();
	await expect(row0.getByRole('checkbox')).toBeChecked();
	await search(page).fill('');
	await expect(count(page)).toHaveText('2 clients');
	await expectRowOf(row0, 'Anna Bianchi', true);
	await expect(row0.getByRole('checkbox')).not.toBeChecked();
	await expect(row1.getByRole('checkbox', { name: 'Select Bruno Verdi' })).toBeChecked();
});
