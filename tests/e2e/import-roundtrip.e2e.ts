// Export → import round trip in Chromium (issue 5): the list exported to CSV and to XLSX on
// one device, each file imported into a fresh browser profile, and the new profile's own
// export equal to the first, column for column (ids and creation times aside).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { gotoApp } from './support';

const SOURCE = [
	'Nome;Cognome;Cellulare;Telefono ufficio;Email;Sesso;Data di nascita;Città;Allergie;Note;Categorie;Consenso marketing',
	'Maria;Rossi;333 123 4567;02 1234 5678;maria@example.it;F;15/07;Milano;nichel | lattice;"Prima riga\nseconda; riga";VIP;sì',
	'Ana;Silva;+351 912 345 678;;ana@example.pt;F;03/05/1980;Lisboa;;;;no',
	'Петър;Петров;+359 88 123 4567;;;M;;София;;;VIP | Sposa;'
].join('\r\n');

async function importFile(page: Page, name: string, buffer: Buffer, answerDates: boolean) {
	await page.getByRole('navigation').getByRole('link', { name: 'Import' }).first().click();
	await page.getByLabel('CSV or Excel file').setInputFiles({ name, mimeType: 'text/csv', buffer });
	if (answerDates) await page.getByRole('radio', { name: 'Day/month/year (31/12/1990)' }).check();
	await page.getByRole('button', { name: 'Check the rows' }).click();
	await expect(
		page.locator('dt', { hasText: 'Rows with errors' }).locator('xpath=following-sibling::dd[1]')
	).toHaveText('0');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText(/^Import complete: 3 new/)).toBeVisible();
}

async function exportList(page: Page, item: 0 | 1): Promise<Buffer> {
	await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).first().click();
	await page.locator('button[aria-controls="list-export-menu"]').click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('#list-export-menu button').nth(item).click()
	]);
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** The CSV's rows without the id and creation columns, sorted. */
function comparable(csv: Buffer): string[] {
	const lines = csv
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.split('\r\n');
	const header = (lines[0] ?? '').split(',');
	const drop = new Set(
		['ID', 'Created on', 'Created by', 'Referred by ID'].map((h) => header.indexOf(h))
	);
	return lines
		.map((line) =>
			line
				.split(',')
				.filter((_, i) => !drop.has(i))
				.join(',')
		)
		.sort();
}

async function freshProfile(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await gotoApp(page, '/clients');
	return page;
}

test('CSV and XLSX exports come back into an empty profile as the same clients', async ({
	browser
}) => {
	const first = await freshProfile(browser);
	await importFile(first, 'origine.csv', Buffer.from(SOURCE), false);
	const csv = await exportList(first, 0);
	const xlsx = await exportList(first, 1);
	expect(comparable(csv)).toHaveLength(4); // the header and three clients
	expect(xlsx.subarray(0, 2).toString()).toBe('PK');

	for (const [name, file] of [
		['export.csv', csv],
		['export.xlsx', xlsx]
	] as const) {
		const second = await freshProfile(browser);
		await importFile(second, name, file, false);
		expect(comparable(await exportList(second, 0))).toEqual(comparable(csv));
		await second.context().close();
	}
	await first.context().close();
});
