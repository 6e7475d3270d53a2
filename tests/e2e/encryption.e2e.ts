// Encryption at rest on devices (issue 7), through the real sync server and Chromium's real
// IndexedDB: the owner turns the option on; an allergy and a note written afterwards are stored
// as ciphertext (read raw with the indexedDB API) while the card shows them; a second device that
// was offline with an unsynced note switches once that note reached the server, loses nothing,
// and keeps syncing; the database each device left behind is gone.
import { expect, test, type Page } from '@playwright/test';
import {
	createClient,
	createSalonOn,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode,
	type TestDevice
} from './support';

const ALLERGY = 'Nichel-ZQX7';
const NOTE = 'Peeling-reaction-BPT9';
const OFFLINE_NOTE = 'Written-offline-KWV3';
const LATER_NOTE = 'After-switch-JHM5';
const SECRETS = [ALLERGY, NOTE, OFFLINE_NOTE, LATER_NOTE];

/** Everything this origin stores in IndexedDB: database names and every record, as text. */
async function rawIndexedDb(page: Page): Promise<{ names: string[]; records: string }> {
	return page.evaluate(async () => {
		const names = (await indexedDB.databases()).map((d) => d.name ?? '');
		const rows: unknown[] = [];
		for (const name of names) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open(name);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			for (const store of Array.from(db.objectStoreNames)) {
				const all = await new Promise<unknown[]>((resolve, reject) => {
					const req = db.transaction(store, 'readonly').objectStore(store).getAll();
					req.onsuccess = () => resolve(req.result);
					req.onerror = () => reject(req.error);
				});
				rows.push(...all);
			}
			db.close();
		}
		return { names, records: JSON.stringify(rows) };
	});
}

/** Which database holds the device's data ('plain' until a switch); null while the page is
 *  reloading onto the other database (the evaluation's context is gone then). */
const atRestMode = (page: Page) =>
	page
		.evaluate(
			() =>
				JSON.parse(localStorage.getItem('schedario.atRest') ?? '{"mode":"plain"}') as {
					mode: string;
					previous: string | null;
				}
		)
		.catch(() => null);

const noteItem = (page: Page, text: string) => page.locator('li[data-note-id]', { hasText: text });

async function addNote(page: Page, text: string) {
	await page.getByLabel('New note').fill(text);
	await page.getByLabel('Written by').fill('Giulia');
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(noteItem(page, text)).toBeVisible();
}

async function expectNoPlaintext(device: TestDevice, contains: string) {
	const raw = await rawIndexedDb(device.page);
	// The plain database ('schedario') was drained and removed; only the encrypted one is left.
	expect(raw.names.some((n) => n.startsWith('rxdb-dexie-schedario-encrypted--'))).toBe(true);
	expect(raw.names.filter((n) => n.startsWith('rxdb-dexie-schedario--'))).toEqual([]);
	expect(raw.records).toContain(contains); // the reader sees the documents…
	for (const secret of SECRETS) expect(raw.records).not.toContain(secret); // …not the health data
}

test('the owner turns encryption on: no plaintext in IndexedDB, the card shows it, a second device switches without losing its offline note and still syncs', async ({
	browser
}) => {
	const owner = await newDevice(browser);
	const tablet = await newDevice(browser);
	try {
		await createSalonOn(owner.page, 'Salone Cifrato', 'Reception PC');
		const code = await showPairingCode(owner.page);
		await pairWithCode(tablet.page, code, 'Tablet cabina 1');

		// A card both devices know, before anything is encrypted.
		const cardPath = new URL(await createClient(owner.page, 'Maria', 'Rossi')).pathname;
		await gotoApp(tablet.page, cardPath);
		await expect(tablet.page.getByRole('heading', { level: 1, name: 'Maria Rossi' })).toBeVisible();

		// The tablet writes a note with the network off: it exists only on the tablet.
		await tablet.context.setOffline(true);
		await addNote(tablet.page, OFFLINE_NOTE);

		// The owner turns the option on in /settings; the setting passes axe.
		await gotoApp(owner.page, '/settings');
		const toggle = owner.page.getByLabel('Encrypt health data and notes on every device');
		await expect(toggle).not.toBeChecked();
		await expect(owner.page.getByTestId('encryption-status')).toHaveText(
			'This device: not encrypted.'
		);
		await expectNoSeriousA11yViolations(owner.page);
		await toggle.check();
		// The owner's device moves to the encrypted database (it reloads on its own).
		await expect(owner.page.getByTestId('encryption-status')).toHaveText(
			'This device: health data and notes are encrypted.'
		);
		await expect(
			owner.page.getByLabel('Encrypt health data and notes on every device')
		).toBeChecked();
		await expectNoSeriousA11yViolations(owner.page);

		// An allergy and a note, written on the encrypted device.
		await gotoApp(owner.page, `${cardPath}/edit`);
		await owner.page.getByLabel('Allergies', { exact: true }).fill(ALLERGY);
		await owner.page.getByRole('button', { name: 'Add allergy' }).click();
		await owner.page.getByRole('button', { name: 'Save' }).click();
		await expect(
			owner.page.getByRole('heading', { level: 1, name: 'Maria Rossi', exact: true })
		).toBeVisible();
		await addNote(owner.page, NOTE);
		await gotoApp(owner.page, cardPath);
		await expect(owner.page.getByText(ALLERGY)).toBeVisible();
		await expect(noteItem(owner.page, NOTE)).toBeVisible();
		await expectNoPlaintext(owner, 'Rossi');

		// The tablet comes back: its note is pushed first, then it switches too.
		await tablet.context.setOffline(false);
		await expect.poll(() => atRestMode(tablet.page)).toEqual({ mode: 'encrypted', previous: null });
		await gotoApp(tablet.page, cardPath);
		await expect(tablet.page.getByText(ALLERGY)).toBeVisible();
		await expect(noteItem(tablet.page, NOTE)).toBeVisible();
		await expect(noteItem(tablet.page, OFFLINE_NOTE)).toBeVisible();
		await expectNoPlaintext(tablet, 'Rossi');

		// Both encrypted, the devices still sync, both ways.
		await gotoApp(owner.page, cardPath);
		await expect(noteItem(owner.page, OFFLINE_NOTE)).toBeVisible();
		await addNote(owner.page, LATER_NOTE);
		await expect(noteItem(tablet.page, LATER_NOTE)).toBeVisible();
		await expectNoPlaintext(tablet, 'Rossi');
	} finally {
		await owner.context.close();
		await tablet.context.close();
	}
});

test('a tablet that starts without the key and cannot reach the server is locked until it can; once revoked it never gets the key again and is wiped', async ({
	browser
}) => {
	const owner = await newDevice(browser);
	const tablet = await newDevice(browser);
	try {
		await createSalonOn(owner.page, 'Salone Chiuso', 'Reception PC');
		const code = await showPairingCode(owner.page);
		await pairWithCode(tablet.page, code, 'Tablet');
		await gotoApp(owner.page, '/settings');
		await owner.page.getByLabel('Encrypt health data and notes on every device').check();
		await expect(owner.page.getByTestId('encryption-status')).toHaveText(
			'This device: health data and notes are encrypted.'
		);
		const cardPath = new URL(await createClient(owner.page, 'Maria', 'Rossi')).pathname;
		await addNote(owner.page, NOTE);
		await expect.poll(() => atRestMode(tablet.page)).toEqual({ mode: 'encrypted', previous: null });
		await gotoApp(tablet.page, cardPath);
		await expect(noteItem(tablet.page, NOTE)).toBeVisible();

		// The tablet's browser is closed (the key goes with its session) and starts again while
		// the server cannot be reached: its data stays encrypted and it says so.
		await tablet.page.close();
		let page = await tablet.context.newPage();
		const dataKeyUrl = '**/api/v1/salons/*/data-key';
		await page.route(dataKeyUrl, (route) => route.abort('internetdisconnected'));
		await page.goto(`${cardPath}?lang=en`);
		await expect(page.getByRole('heading', { level: 1, name: 'Encrypted data' })).toBeVisible();
		await expect(page.getByText("Connect to the salon's network and try again")).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		const locked = await rawIndexedDb(page);
		expect(locked.records).toContain('Rossi');
		expect(locked.records).not.toContain(NOTE);

		// The server is back: "Try again" opens the card.
		await page.unroute(dataKeyUrl);
		await page.getByRole('button', { name: 'Try again' }).click();
		await expect(noteItem(page, NOTE)).toBeVisible();
		await page.close();

		// Switched off, the tablet is revoked; at its next start the server refuses the key and
		// the tablet deletes its databases.
		await gotoApp(owner.page, '/settings/sync');
		await owner.page.getByRole('button', { name: 'Revoke Tablet' }).click();
		await owner.page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
		await expect(owner.page.getByText(/^Removed on /)).toBeVisible();
		page = await tablet.context.newPage();
		await page.goto(`${cardPath}?lang=en`);
		await expect(page).toHaveURL(/\/pair\?removed=1/);
		await expect(
			page.getByText('This device was removed from the salon. Its data has been deleted.')
		).toBeVisible();
		const wiped = await rawIndexedDb(page);
		expect(wiped.records).not.toContain('Rossi');
		expect(await page.evaluate(() => localStorage.getItem('schedario.atRest'))).toBeNull();
	} finally {
		await owner.context.close();
		await tablet.context.close();
	}
});
