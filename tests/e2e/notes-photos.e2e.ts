// Timeline notes, the pinned alert and before/after photos on two devices of one salon, through
// the real sync server (playwright.config.ts webServer) and real IndexedDB: notes written on two
// offline devices both survive, concurrent pins settle on one alert everywhere, a photo taken
// offline on the tablet reaches reception and opens there with the network off.
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
	expectNoSeriousA11yViolations,
	gotoApp,
	waitForAppReady,
	waitForServiceWorkerControl
} from './support';

async function device(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext();
	return { context, page: await context.newPage() };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(bytes: Buffer): number {
	let c = 0xffffffff;
	for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}
/** A real RGB PNG of `width`×`height` in one colour, as a camera roll would hand it over. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
	const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3)]);
	for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
	const pixels = Buffer.concat(Array.from({ length: height }, () => row));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(pixels)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const noteItem = (page: Page, text: string) => page.locator('li[data-note-id]', { hasText: text });
const alertBox = (page: Page) => page.getByRole('region', { name: 'Alert' });

async function addNote(page: Page, text: string, author: string) {
	await page.getByLabel('New note').fill(text);
	await page.getByLabel('Written by').fill(author);
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(noteItem(page, text)).toBeVisible();
}

const filesRegion = (page: Page) => page.getByRole('region', { name: 'Photos and files' });

async function addPhoto(page: Page, kind: 'Before' | 'After', name: string, image: Buffer) {
	await filesRegion(page).getByLabel('Type').selectOption({ label: kind });
	await filesRegion(page)
		.getByLabel('Take a photo')
		.setInputFiles({ name, mimeType: 'image/png', buffer: image });
	await expect(
		page.getByRole('button', { name: `Open ${kind}: ${name.replace('.png', '.jpg')}` })
	).toBeVisible();
}

test('bad files are refused with a clear message; notes and files go into the client data export and leave with the card', async ({
	page
}) => {
	await gotoApp(page, '/clients/new');
	await page.getByLabel('First name').fill('Bianca');
	await page.getByLabel('Last name').fill('Neri');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Bianca Neri', exact: true })
	).toBeVisible();
	const cardPath = new URL(page.url()).pathname;
	await page.getByLabel('Choose a file').setInputFiles({
		name: 'invoice.exe',
		mimeType: 'application/x-msdownload',
		buffer: Buffer.from('MZ not a photo')
	});
	await expect(
		page.getByRole('alert').filter({ hasText: 'This type of file is not accepted' })
	).toBeVisible();
	await page.getByLabel('Take a photo').setInputFiles({
		name: 'broken.png',
		mimeType: 'image/png',
		buffer: Buffer.from('not really a png')
	});
	await expect(page.getByText('The file could not be read: it may be damaged.')).toBeVisible();
	await expect(page.getByText('No photos or files yet.')).toBeVisible();
	await expect(page.getByRole('button', { name: /^Open / })).toHaveCount(0);

	// A signed consent as PDF and a note are kept, and are part of the client's data.
	await filesRegion(page).getByLabel('Type').selectOption({ label: 'Document' });
	await page.getByLabel('Choose a file').setInputFiles({
		name: 'consent.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
	});
	await expect(page.getByRole('button', { name: 'Open Document: consent.pdf' })).toBeVisible();
	await addNote(page, 'Prefers the quiet room', 'Giulia');
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('link', { name: 'Export client data' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
	const [json] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const data = JSON.parse(await readFile((await json.path()) as string, 'utf8'));
	expect(data.sections.notes).toEqual([
		expect.objectContaining({ text: 'Prefers the quiet room', author: 'Giulia' })
	]);
	expect(data.sections.files).toEqual([
		expect.objectContaining({ name: 'consent.pdf', kind: 'document', mimeType: 'application/pdf' })
	]);

	// Deleting the card deletes its notes and files with it.
	await gotoApp(page, cardPath);
	await page.getByRole('button', { name: 'Delete', exact: true }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete permanently' }).click();
	await expect(page.getByText('Bianca Neri deleted')).toBeVisible();
	// Nothing of the note's text or the file's name is left anywhere in this browser's storage.
	const stored = await page.evaluate(async () => {
		let all = '';
		for (const info of await indexedDB.databases()) {
			const db = await new Promise<IDBDatabase>((ok, ko) => {
				const req = indexedDB.open(info.name as string);
				req.onsuccess = () => ok(req.result);
				req.onerror = () => ko(req.error);
			});
			for (const store of [...db.objectStoreNames]) {
				const rows = await new Promise<unknown[]>((ok, ko) => {
					const req = db.transaction(store).objectStore(store).getAll();
					req.onsuccess = () => ok(req.result);
					req.onerror = () => ko(req.error);
				});
				all += JSON.stringify(rows);
			}
			db.close();
		}
		return all;
	});
	// The tombstones are there (this is the right storage), emptied.
	expect(stored).toContain('"kind":"document"');
	expect(stored).not.toContain('Prefers the quiet room');
	expect(stored).not.toContain('consent.pdf');
});

test('notes, the alert and before/after photos sync between an offline tablet and reception', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const reception = await device(browser);
	const tablet = await device(browser);
	const r = reception.page;
	const tb = tablet.page;
	try {
		// Reception starts the salon; the tablet pairs with the code it shows.
		await gotoApp(r, '/pair');
		await r.getByLabel('Salon name').fill('Salone Aurora');
		await r.getByRole('textbox', { name: 'Device name' }).nth(1).fill('Reception');
		await r.getByRole('button', { name: 'Create salon' }).click();
		await expect(r.getByRole('heading', { level: 1, name: 'Sync and devices' })).toBeVisible();
		await r.getByRole('button', { name: 'Add a device' }).click();
		const code = (await r.locator('[data-pairing-code]').textContent())?.trim() ?? '';
		await gotoApp(tb, `/pair?code=${code}`);
		await tb.getByRole('textbox', { name: 'Device name' }).first().fill('Tablet');
		await tb.getByRole('button', { name: 'Connect' }).click();
		await expect(tb).toHaveURL(/\/clients/);

		await gotoApp(r, '/clients/new');
		await r.getByLabel('First name').fill('Maria');
		await r.getByLabel('Last name').fill('Rossi');
		await r.getByRole('button', { name: 'Save' }).click();
		await expect(
			r.getByRole('heading', { level: 1, name: 'Maria Rossi', exact: true })
		).toBeVisible();
		const path = new URL(r.url()).pathname;
		await expect(tb.getByRole('link', { name: 'Maria Rossi', exact: true })).toBeVisible();
		await gotoApp(tb, path);
		await expect(tb.getByRole('heading', { level: 1, name: 'Maria Rossi' })).toBeVisible();

		// Both go offline (the service worker serves the app) and write on the same card.
		await waitForServiceWorkerControl(tb);
		await waitForServiceWorkerControl(r);
		await tablet.context.setOffline(true);
		await reception.context.setOffline(true);
		await addNote(tb, 'Reacted to the glycolic peel: redness for two days', 'Giulia');
		await addNote(r, 'Pays by card only', 'Anna');
		// Each pins its own note as the alert, concurrently.
		await noteItem(tb, 'glycolic').getByRole('button', { name: 'Pin as alert' }).click();
		await expect(alertBox(tb)).toContainText('glycolic');
		await noteItem(r, 'Pays by card').getByRole('button', { name: 'Pin as alert' }).click();
		await expect(alertBox(r)).toContainText('Pays by card only');
		// The therapist records the treatment with its colour formula…
		const treatments = tb.getByRole('region', { name: 'Treatments' });
		await treatments.getByRole('button', { name: 'New visit' }).click();
		const form = treatments.getByRole('form', { name: 'New visit' });
		await form.getByLabel('Date').fill('2026-01-10');
		await form.getByLabel('Time').fill('10:30');
		await form.getByLabel('Staff member').fill('Giulia');
		await form.getByLabel('Technical note').fill('7.4 + 6.3, 20 vol, 35 min');
		await form.getByRole('button', { name: 'Save visit' }).click();
		await expect(tb.getByText('Visit saved')).toBeVisible();
		// …and photographs the client before and after it (the newest visit is preselected).
		await filesRegion(tb).getByLabel('Type').selectOption({ label: 'Before' });
		await expect(filesRegion(tb).getByLabel('Treatment')).toHaveValue(/.+/);
		await addPhoto(tb, 'Before', 'before.png', png(2400, 1800, [200, 120, 90]));
		await addPhoto(tb, 'After', 'after.png', png(1200, 900, [230, 190, 170]));

		// Back online: both notes are on both devices, with who wrote them where.
		await tablet.context.setOffline(false);
		await reception.context.setOffline(false);
		for (const p of [tb, r]) {
			await expect(noteItem(p, 'glycolic')).toContainText('Giulia · Tablet');
			await expect(noteItem(p, 'Pays by card only')).toContainText('Anna · Reception');
		}
		// The concurrent pins settle on one alert on both devices: the later pin (reception's).
		for (const p of [tb, r]) {
			await expect(alertBox(p)).toContainText('Pays by card only');
			await expect(alertBox(p)).not.toContainText('glycolic');
			await expect(p.locator('li[data-note-id].pinned')).toHaveCount(1);
			await expect(
				noteItem(p, 'glycolic').getByRole('button', { name: 'Pin as alert' })
			).toBeVisible();
		}

		// Reception sees the visit and the before/after pair the tablet took offline, under it.
		await expect(r.getByRole('region', { name: 'Treatments' })).toContainText(
			'7.4 + 6.3, 20 vol, 35 min'
		);
		const pair = r.locator('[data-pair-visit]');
		await expect(pair.getByRole('heading', { level: 4 })).toContainText('10 Jan 2026');
		await expect(pair.getByRole('button', { name: 'Open Before: before.jpg' })).toBeVisible();
		await expect(pair.getByRole('button', { name: 'Open After: after.jpg' })).toBeVisible();
		await expectNoSeriousA11yViolations(r);

		// With the network off and the page reloaded from the service worker, the photo opens.
		await reception.context.setOffline(true);
		await r.reload();
		await waitForAppReady(r);
		await r.getByRole('button', { name: 'Open Before: before.jpg' }).click();
		const viewer = r.getByRole('dialog', { name: 'Before: before.jpg' });
		const image = viewer.getByRole('img', { name: 'before.jpg' });
		await expect(image).toBeVisible();
		// Decoded from the stored bytes, and resized on the tablet to at most 1600 px.
		await expect
			.poll(() => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
			.toEqual([1600, 1200]);
		await expectNoSeriousA11yViolations(r);

		// Deleting asks first; the photo then leaves the tablet too.
		await viewer.getByRole('button', { name: 'Delete before.jpg' }).click();
		await r
			.getByRole('dialog', { name: 'Delete this file?' })
			.getByRole('button', { name: 'Delete file' })
			.click();
		await expect(r.getByRole('button', { name: 'Open Before: before.jpg' })).toHaveCount(0);
		await reception.context.setOffline(false);
		await expect(tb.getByRole('button', { name: 'Open Before: before.jpg' })).toHaveCount(0);
		await expect(tb.getByRole('button', { name: 'Open After: after.jpg' })).toBeVisible();
	} finally {
		await reception.context.close();
		await tablet.context.close();
	}
});
