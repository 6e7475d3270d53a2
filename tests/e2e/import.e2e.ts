// Import (issue 5) against the built app, a real IndexedDB in Chromium and the real sync server:
// a 1,000-row file with bad rows and duplicates of existing clients, undo from the history,
// and bad files that must write nothing.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, gotoApp } from './support';

const HEADER = 'Nome;Cognome;Cellulare;Email;Sesso;Data di nascita';
const phone = (i: number) => `333${String(1_000_000 + i).padStart(7, '0')}`;
const person = (i: number, prefix: string) =>
	`${prefix}${i};Cognome${prefix}${i};${phone(i)};${prefix.toLowerCase()}${i}@example.it;F;03/05/1980`;

function csv(lines: string[]): { name: string; mimeType: string; buffer: Buffer } {
	return { name: '', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) };
}

async function chooseFile(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
	await page.getByLabel('CSV or Excel file').setInputFiles({ name, mimeType, buffer });
}

const clientCount = (page: Page) => page.getByRole('status').filter({ hasText: /\bclients?$/ });
const figure = (page: Page, label: string) =>
	page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

async function expectClients(page: Page, count: string) {
	await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).first().click();
	await expect(clientCount(page)).toHaveText(count);
}

async function openImport(page: Page) {
	await page.getByRole('navigation').getByRole('link', { name: 'Import' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Import clients' })).toBeVisible();
}

test('a 1,000-row file: exact preview counts, import, then undo from the history', async ({
	page
}) => {
	test.setTimeout(180_000);
	await gotoApp(page, '/import');
	await expectNoSeriousA11yViolations(page);

	// 20 clients the salon already has, brought in by a first import.
	const existing = Array.from({ length: 20 }, (_, i) => person(i, 'Esistente'));
	await chooseFile(page, 'esistenti.csv', csv([HEADER, ...existing]).buffer);
	// "03/05/1980" reads as 3 May or 5 March: the page asks, and checks nothing before.
	await expect(page.getByRole('button', { name: 'Check the rows' })).toBeDisabled();
	await page.getByRole('radio', { name: 'Day/month/year (31/12/1990)' }).check();
	await page.getByRole('button', { name: 'Check the rows' }).click();
	await expect(figure(page, 'New clients')).toHaveText('20');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText('Import complete: 20 new, 0 completed.')).toBeVisible();

	// 970 new, 20 duplicates of those (same name and phone, the phone written with +39),
	// 10 rows the form would refuse.
	const rows: string[] = [];
	for (let i = 0; i < 970; i++) rows.push(person(100 + i, 'Nuova'));
	for (let i = 0; i < 20; i++) {
		rows.push(`Esistente${i};CognomeEsistente${i};+39 ${phone(i)};;F;`);
	}
	const bad = [
		'Senza;Email;3471111111;non-una-email;F;',
		';;3471111112;;F;',
		'Genere;Strano;3471111113;;Zebra;',
		'Data;Sbagliata;3471111114;;F;31/02/1980',
		'Telefono;Sbagliato;12;;F;',
		'Futuro;Nata;3471111116;;F;01/01/2090',
		'Altra;Email;3471111117;a@b;F;',
		'Ancora;Genere;3471111118;;Q;',
		'Data;Vuota;3471111119;;F;99/99/9999',
		';;;solo@example.it;;'
	];
	// Bad rows spread through the file, not only at its end.
	bad.forEach((line, i) => rows.splice(i * 97 + 5, 0, line));
	await chooseFile(page, 'clienti-1000.csv', csv([HEADER, ...rows]).buffer);
	await expect(page.getByText('clienti-1000.csv: 1,000 rows')).toBeVisible();
	await expect(page.getByRole('combobox', { name: 'Field for column Cellulare' })).toHaveValue(
		'phone'
	);
	await page.getByRole('radio', { name: 'Day/month/year (31/12/1990)' }).check();
	await page.getByRole('button', { name: 'Check the rows' }).click();
	await expect(figure(page, 'New clients')).toHaveText('970');
	await expect(figure(page, 'Duplicates of existing clients')).toHaveText('20');
	await expect(figure(page, 'Rows with errors')).toHaveText('10');
	await expect(page.getByText(/^Row \d+: Gender: Gender not recognised$/)).toHaveCount(2);
	await expect(page.getByRole('combobox', { name: 'For all duplicates' })).toHaveValue('skip');
	await expectNoSeriousA11yViolations(page);

	// The error report: the refused rows as they were, with the reason.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the error report' }).click();
	const report = await (await download).createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of report) chunks.push(chunk as Buffer);
	const reportLines = Buffer.concat(chunks)
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(reportLines).toHaveLength(11);
	expect(reportLines[0]).toBe(`${HEADER};Error`);
	expect(reportLines).toContain('Genere;Strano;3471111113;;Zebra;;Gender: Gender not recognised');

	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText('Import complete: 970 new, 0 completed.')).toBeVisible({
		timeout: 60_000
	});
	await expectClients(page, '990 clients');
	await page.getByRole('searchbox', { name: 'Search clients' }).fill('CognomeNuova1069');
	await expect(
		page.getByRole('link', { name: 'Nuova1069 CognomeNuova1069', exact: true })
	).toBeVisible();

	await openImport(page);
	await page.getByRole('button', { name: 'Undo the import of clienti-1000.csv' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Undo import' }).click();
	await expect(page.getByText('undone', { exact: true })).toBeVisible({ timeout: 60_000 });
	await expectClients(page, '20 clients');
});

test('bad files show an error and write nothing', async ({ page }) => {
	await gotoApp(page, '/import');
	const cases: [string, Buffer, string][] = [
		['vuoto.csv', Buffer.alloc(0), 'The file is empty.'],
		[
			'foto.png',
			Buffer.from([
				0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0
			]),
			'This file is not a CSV or a readable Excel sheet (.xlsx).'
		],
		[
			'rotto.xlsx',
			Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
			'This file is not a CSV or a readable Excel sheet (.xlsx).'
		],
		[
			'lettera.txt',
			Buffer.from('Cara cliente,\ngrazie della visita.\nA presto\n'),
			'This file is not a CSV or a readable Excel sheet (.xlsx).'
		],
		['intestazioni.csv', Buffer.from('Nome;Cognome\n'), 'The file has headers but no client rows.']
	];
	for (const [name, buffer, message] of cases) {
		await chooseFile(page, name, buffer);
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(message);
	}
	await expect(page.getByText('No imports yet.')).toBeVisible();
	await expectClients(page, '0 clients');
});
