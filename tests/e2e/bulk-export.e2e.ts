// Bulk actions and export on /clients against the built app, a real IndexedDB and the real sync
// server: select rows (one, a shift-range, all matching), add to a category, archive, delete
// with the typed count, export CSV and XLSX (the downloaded files parsed), per-client data.
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { emptyClientFields, type ClientFields } from '../../src/lib/domain/client';
import { expectNoSeriousA11yViolations, gotoApp } from './support';
import { createSalonOn, newDevice, pairWithCode, showPairingCode } from './support/sync';

function person(firstName: string, lastName: string, extra: Partial<ClientFields> = {}) {
	return { ...emptyClientFields(), firstName, lastName, ...extra };
}

const pad = (i: number) => String(i).padStart(2, '0');

/** Writes clients through the app's own bulk create (the `?bench=1` hook), as an import does. */
async function seed(page: Page, list: ClientFields[]): Promise<void> {
	await gotoApp(page, '/clients?bench=1');
	await expect.poll(() => page.evaluate(() => typeof window.__schedarioBench)).toBe('object');
	const created = await page.evaluate((fields) => window.__schedarioBench!.seed(fields), list);
	expect(created).toHaveLength(list.length);
}

async function addCategory(page: Page, name: string): Promise<void> {
	await gotoApp(page, '/settings');
	await page.getByLabel('Category name').fill(name);
	await page.getByRole('button', { name: 'Add category' }).click();
	await expect(page.getByText(`“${name}” added`)).toBeVisible();
}

const filters = (page: Page) => page.getByRole('region', { name: 'Filters' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search clients' });
const count = (page: Page) => page.getByRole('status').filter({ hasText: /\bclients?$/ });
const bulkBar = (page: Page) =>
	page.getByRole('toolbar', { name: 'Actions on the selected clients' });
const selectRow = (page: Page, name: string) =>
	page.getByRole('checkbox', { name: `Select ${name}`, exact: true });

async function download(page: Page, trigger: () => Promise<void>): Promise<Download> {
	const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
	return file;
}

test('bulk-add 50 clients to a category, then bulk-archive them; list and filters follow', async ({
	page
}) => {
	await addCategory(page, 'Wedding 2026');
	await seed(page, [
		...Array.from({ length: 50 }, (_, i) => person('Bride', `Sposa${pad(i)}`)),
		...Array.from({ length: 20 }, (_, i) => person('Guest', `Ospite${pad(i)}`))
	]);
	await expect(count(page)).toHaveText('70 clients');

	await search(page).fill('Sposa');
	await expect(count(page)).toHaveText('50 clients');
	// One row, then a shift-click range from it.
	await selectRow(page, 'Bride Sposa00').click();
	await expect(bulkBar(page).getByRole('status')).toHaveText('1 selected');
	await selectRow(page, 'Bride Sposa04').click({ modifiers: ['Shift'] });
	await expect(bulkBar(page).getByRole('status')).toHaveText('5 selected');
	await expect(selectRow(page, 'Bride Sposa03')).toBeChecked();
	// Then every match of the search, not only the rows on screen.
	await bulkBar(page).getByRole('button', { name: 'Select all 50 matching clients' }).click();
	await expect(bulkBar(page).getByRole('status')).toHaveText('50 selected');

	await bulkBar(page).getByLabel('Category').selectOption({ label: 'Wedding 2026' });
	await bulkBar(page).getByRole('button', { name: 'Add to category' }).click();
	await expect(page.getByText('50 clients added to “Wedding 2026”')).toBeVisible();
	await expect(bulkBar(page)).toBeHidden();

	// The category filter finds exactly them, also after a reload (written to IndexedDB).
	await search(page).fill('');
	await page.getByRole('button', { name: /More filters/ }).click();
	await filters(page)
		.getByLabel('Category', { exact: true })
		.selectOption({ label: 'Wedding 2026' });
	await expect(count(page)).toHaveText('50 clients');
	// The filter is in the URL (written shortly after the change): a reload reads it back.
	await expect.poll(() => new URL(page.url()).searchParams.has('category')).toBe(true);
	await page.reload();
	await expect(count(page)).toHaveText('50 clients');

	// Select all through the header box, archive: the default "active only" list empties.
	await page.getByRole('checkbox', { name: 'Select all 50 matching clients' }).click();
	await bulkBar(page).getByRole('button', { name: 'Archive', exact: true }).click();
	await expect(page.getByText('50 clients archived')).toBeVisible();
	await expect(page.getByText('No client matches these filters.')).toBeVisible();
	await filters(page).getByLabel('Archived', { exact: true }).selectOption('archived');
	await expect(count(page)).toHaveText('50 clients');
	await filters(page).getByLabel('Category', { exact: true }).selectOption({ index: 0 });
	await expect(count(page)).toHaveText('50 clients');
	await filters(page).getByLabel('Archived', { exact: true }).selectOption('active');
	await expect(count(page)).toHaveText('20 clients');
});

test('bulk delete asks for the number of clients typed out', async ({ page }) => {
	await seed(page, [
		...Array.from({ length: 12 }, (_, i) => person('Temp', `Prova${pad(i)}`)),
		person('Keep', 'Me')
	]);
	await search(page).fill('Prova');
	await expect(count(page)).toHaveText('12 clients');
	await page.getByRole('checkbox', { name: 'Select all 12 matching clients' }).click();
	await bulkBar(page).getByRole('button', { name: 'Delete', exact: true }).click();

	const dialog = page.getByRole('dialog', { name: 'Delete 12 clients?' });
	await expect(dialog).toBeVisible();
	const typed = dialog.getByLabel(/type the number of clients to delete/);
	await expect(typed).toBeFocused();
	await typed.fill('11');
	await dialog.getByRole('button', { name: 'Delete permanently' }).click();
	await expect(dialog.getByText('Type exactly 12 to confirm.')).toBeVisible();
	await expect(count(page)).toHaveText('12 clients');

	await typed.fill('12');
	await dialog.getByRole('button', { name: 'Delete permanently' }).click();
	await expect(page.getByText('12 clients deleted')).toBeVisible();
	await expect(dialog).toBeHidden();
	await search(page).fill('');
	await expect(count(page)).toHaveText('1 client');
	// Gone from IndexedDB, not just from the page.
	await gotoApp(page, '/clients');
	await expect(count(page)).toHaveText('1 client');
});

test('exports the filtered list and the selection to CSV and XLSX', async ({ page }) => {
	await seed(page, [
		...Array.from({ length: 30 }, (_, i) =>
			person('Export', `Cliente${pad(i)}`, {
				phones: [{ e164: '+393331234500', raw: `333 12345${pad(i)}`, label: 'mobile' }],
				note: i === 0 ? 'First line, with comma\nsecond "quoted" line' : ''
			})
		),
		person('Other', 'Person')
	]);
	await search(page).fill('Cliente');
	await expect(count(page)).toHaveText('30 clients');

	await page.getByRole('button', { name: 'Export', exact: true }).click();
	const csvFile = await download(page, () =>
		page.getByRole('button', { name: 'CSV (Excel, Google Sheets)' }).click()
	);
	expect(csvFile.suggestedFilename()).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = await readFile((await csvFile.path())!, 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',' });
	expect(parsed.errors).toEqual([]);
	const [header, ...rows] = parsed.data;
	expect(header?.slice(0, 7)).toEqual([
		'ID',
		'First name',
		'Last name',
		'Gender',
		'Birth date',
		'Phone 1',
		'Phone 1 type'
	]);
	expect(rows).toHaveLength(30);
	const last = header!.indexOf('Last name');
	expect(rows.map((r) => r[last]).sort()).toEqual(
		Array.from({ length: 30 }, (_, i) => `Cliente${pad(i)}`)
	);
	const first = rows.find((r) => r[last] === 'Cliente00')!;
	expect(first[header!.indexOf('Note')]).toBe('First line, with comma\nsecond "quoted" line');
	expect(first[header!.indexOf('Phone 1')]).toBe('333 1234500');
	expect(first[header!.indexOf('Phone 1 type')]).toBe('Mobile');

	await page.getByRole('button', { name: 'Export', exact: true }).click();
	const xlsxFile = await download(page, () =>
		page.getByRole('button', { name: 'Excel (.xlsx)' }).click()
	);
	expect(xlsxFile.suggestedFilename()).toMatch(/\.xlsx$/);
	const sheet = await readSheet((await xlsxFile.path())!);
	expect(sheet).toHaveLength(31);
	expect(sheet[0]).toEqual(header!.map((h) => h));
	expect(
		sheet
			.slice(1)
			.map((r) => r[last])
			.sort()
	).toEqual(rows.map((r) => r[last]).sort());

	// Only the selected rows, from the bulk bar.
	await selectRow(page, 'Export Cliente00').click();
	await selectRow(page, 'Export Cliente02').click({ modifiers: ['Shift'] });
	await bulkBar(page).getByRole('button', { name: 'Export', exact: true }).click();
	const selected = await download(page, () =>
		bulkBar(page).getByRole('button', { name: 'CSV (Excel, Google Sheets)' }).click()
	);
	const selectedRows = Papa.parse<string[]>(
		(await readFile((await selected.path())!, 'utf8')).slice(1)
	).data;
	expect(selectedRows.slice(1).map((r) => r[last])).toEqual([
		'Cliente00',
		'Cliente01',
		'Cliente02'
	]);
});

test('the list with the bulk bar open passes axe; phone cards have 44 px checkboxes', async ({
	page
}) => {
	await addCategory(page, 'VIP');
	await seed(page, [person('Anna', 'Verdi'), person('Bea', 'Neri'), person('Carla', 'Blu')]);
	await selectRow(page, 'Anna Verdi').click();
	await expect(bulkBar(page)).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await page.setViewportSize({ width: 390, height: 800 });
	// The list re-renders as phone cards after the resize: measured once the new box is laid out
	// (read at once, the element could be between layouts and have no box at all).
	const target = page.getByRole('checkbox', { name: 'Select Bea Neri', exact: true }).locator('..');
	await expect
		.poll(async () => {
			const box = await target.boundingBox();
			return Math.min(box?.width ?? 0, box?.height ?? 0);
		})
		.toBeGreaterThanOrEqual(44);
	// Space on the focused box selects, as on any checkbox.
	await page.getByRole('checkbox', { name: 'Select Bea Neri', exact: true }).focus();
	await page.keyboard.press('Space');
	await expect(bulkBar(page).getByRole('status')).toHaveText('2 selected');
	await expectNoSeriousA11yViolations(page);
});

test('per-client data export: JSON with every field, and a printable page', async ({ page }) => {
	await seed(page, [
		person('Giulia', 'Esposito', {
			emails: ['giulia@example.it'],
			allergies: ['nickel'],
			note: 'Prefers mornings'
		})
	]);
	await page.getByRole('link', { name: 'Giulia Esposito', exact: true }).click();
	// A timeline note is her data too: the export's notes section carries it.
	await page.getByLabel('New note').fill('Patch test done, no reaction');
	await page.getByLabel('Written by').fill('Sara');
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(page.locator('li[data-note-id]', { hasText: 'Patch test done' })).toBeVisible();
	await page.getByRole('link', { name: 'Export client data' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Personal data of Giulia Esposito' })
	).toBeVisible();
	await expect(page.getByRole('row', { name: /Allergies\s+nickel/ })).toBeVisible();
	await expect(page.getByText(/Sara: Patch test done, no reaction/)).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	const json = await download(page, () =>
		page.getByRole('button', { name: 'Download JSON' }).click()
	);
	expect(json.suggestedFilename()).toBe('client-data-giulia-esposito.json');
	const data = JSON.parse(await readFile((await json.path())!, 'utf8'));
	expect(data.format).toBe('schedario.client-data');
	expect(data.client).toMatchObject({
		firstName: 'Giulia',
		lastName: 'Esposito',
		emails: ['giulia@example.it'],
		allergies: ['nickel'],
		note: 'Prefers mornings'
	});
	expect(data.sections.notes).toEqual([
		expect.objectContaining({ text: 'Patch test done, no reaction', author: 'Sara' })
	]);
	expect(data.sections.files).toEqual([]);
	expect(data.sections.visits).toEqual([]);

	// Printed, the page keeps the data and drops the app's navigation and the buttons.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
	await expect(page.getByRole('row', { name: /Allergies\s+nickel/ })).toBeVisible();
});

test('a bulk archive and a bulk delete reach another paired device', async ({ browser }) => {
	test.setTimeout(120_000);
	const reception = await newDevice(browser);
	const tablet = await newDevice(browser);
	const r = reception.page;
	const tb = tablet.page;
	try {
		await createSalonOn(r, 'Salone Bulk', 'Reception');
		const code = await showPairingCode(r);
		await pairWithCode(tb, code, 'Tablet');
		await seed(r, [
			...Array.from({ length: 6 }, (_, i) => person('Synced', `Bulk${pad(i)}`)),
			person('Stays', 'Active')
		]);
		await gotoApp(tb, '/clients');
		await expect(count(tb)).toHaveText('7 clients');

		await search(r).fill('Bulk');
		await r.getByRole('checkbox', { name: 'Select all 6 matching clients' }).click();
		await bulkBar(r).getByRole('button', { name: 'Archive', exact: true }).click();
		await expect(r.getByText('6 clients archived')).toBeVisible();
		// The tablet's list follows without a reload: one client left among the active ones.
		await expect(count(tb)).toHaveText('1 client');

		await gotoApp(r, '/clients?archived=archived');
		await expect(count(r)).toHaveText('6 clients');
		await r.getByRole('checkbox', { name: 'Select all 6 matching clients' }).click();
		await bulkBar(r).getByRole('button', { name: 'Delete', exact: true }).click();
		const dialog = r.getByRole('dialog', { name: 'Delete 6 clients?' });
		await dialog.getByLabel(/type the number of clients to delete/).fill('6');
		await dialog.getByRole('button', { name: 'Delete permanently' }).click();
		await expect(r.getByText('6 clients deleted')).toBeVisible();

		await gotoApp(tb, '/clients?archived=all');
		await expect(count(tb)).toHaveText('1 client');
	} finally {
		await reception.context.close();
		await tablet.context.close();
	}
});
