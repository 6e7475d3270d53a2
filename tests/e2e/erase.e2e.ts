// GDPR erasure end to end (issue 7): two devices of one salon on the real sync server. The
// tablet (reception role: no erase button) goes offline and edits the client; the owner's device
// refuses to erase while offline, then erases with the typed name; when the tablet reconnects its
// stale edit is refused, the client disappears from its list and card, and the server holds only
// the erased tombstone. Nothing is mocked: two browser contexts, real IndexedDB, real server.
import { expect, test } from '@playwright/test';
import {
	createClient,
	createSalonOn,
	deviceCredentials,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	serverClients,
	showPairingCode,
	syncIndicator,
	waitForAppReady,
	waitForServiceWorkerControl
} from './support';

test('erase on the owner device removes the client from a device that was offline', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const owner = await newDevice(browser);
	const tablet = await newDevice(browser);
	const o = owner.page;
	const tb = tablet.page;
	try {
		await createSalonOn(o, 'Salone Aurora', 'Reception');
		const code = await showPairingCode(o);
		await pairWithCode(tb, code, 'Tablet');

		const cardUrl = await createClient(o, 'Maria', 'Rossi', '333 1234567');
		const path = new URL(cardUrl).pathname;
		const id = path.split('/').at(-1)!;
		await createClient(o, 'Anna', 'Bianchi');
		await expect(tb.getByRole('link', { name: 'Maria Rossi', exact: true })).toBeVisible();

		// The tablet's role (reception) may not erase: no button on its card.
		await tb.goto(`${path}?lang=en`);
		await waitForAppReady(tb);
		await expect(tb.getByRole('heading', { level: 1, name: 'Maria Rossi' })).toBeVisible();
		await expect(tb.getByRole('button', { name: 'Erase permanently (GDPR)' })).toHaveCount(0);

		// Offline, the tablet changes her phone.
		await waitForServiceWorkerControl(tb);
		await tablet.context.setOffline(true);
		await expect(syncIndicator(tb)).toHaveAttribute('data-sync-kind', 'offline');
		await tb.goto(`${path}/edit?lang=en`);
		await waitForAppReady(tb);
		await tb.getByLabel('Phone', { exact: true }).fill('333 9876543');
		await tb.getByRole('button', { name: 'Save' }).click();
		await expect(
			tb.getByRole('heading', { level: 1, name: 'Maria Rossi', exact: true })
		).toBeVisible();
		await expect(tb.getByText(/333\s?987\s?6543/).first()).toBeVisible();

		// The owner opens the card: the erase dialog asks for the name (axe-clean).
		await o.goto(`${path}?lang=en`);
		await waitForAppReady(o);
		await o.getByRole('button', { name: 'Erase permanently (GDPR)' }).click();
		const dialog = o.getByRole('dialog', { name: 'Erase Maria Rossi permanently?' });
		await expect(dialog).toBeVisible();
		await expectNoSeriousA11yViolations(o);
		const nameBox = dialog.getByLabel('To confirm, type the full name: Maria Rossi');
		await expect(nameBox).toBeFocused();

		// A wrong name erases nothing.
		await nameBox.fill('Maria Bianchi');
		await dialog.getByRole('button', { name: 'Erase permanently' }).click();
		await expect(dialog.getByText('The name you typed does not match.')).toBeVisible();

		// Offline, it refuses with a clear message and erases nothing.
		await waitForServiceWorkerControl(o);
		await owner.context.setOffline(true);
		await nameBox.fill('maria  rossi');
		await dialog.getByRole('button', { name: 'Erase permanently' }).click();
		await expect(dialog.getByRole('alert')).toHaveText(
			'Erasing needs the connection to the server. Try again when this device is online.'
		);
		await owner.context.setOffline(false);
		await expect(syncIndicator(o)).toHaveAttribute('data-sync-kind', 'synced');
		expect(
			(await serverClients(o, await deviceCredentials(o))).find((d) => d.id === id)
		).toMatchObject({ lastName: 'Rossi' });

		// Online, the typed name erases: the card closes with a notice.
		await dialog.getByRole('button', { name: 'Erase permanently' }).click();
		await expect(o).toHaveURL(/\/clients(\?|$)/);
		await expect(o.getByText('Maria Rossi was erased from every device.')).toBeVisible();
		await expect(o.getByRole('link', { name: 'Maria Rossi', exact: true })).toHaveCount(0);
		await expect(o.getByRole('link', { name: 'Anna Bianchi', exact: true })).toBeVisible();

		// The tablet reconnects on her card: its stale edit is refused and the card goes.
		await tablet.context.setOffline(false);
		await expect(tb.getByRole('heading', { level: 1, name: 'Maria Rossi' })).toHaveCount(0);
		await expect(syncIndicator(tb)).toHaveAttribute('data-sync-kind', 'synced');
		await gotoApp(tb, '/clients');
		await expect(tb.getByRole('link', { name: 'Anna Bianchi', exact: true })).toBeVisible();
		await expect(tb.getByRole('link', { name: 'Maria Rossi', exact: true })).toHaveCount(0);
		await tb.goto(`${path}?lang=en`);
		await waitForAppReady(tb);
		await expect(tb.getByRole('heading', { level: 1, name: 'Maria Rossi' })).toHaveCount(0);

		// The server holds only the erased tombstone: no name, no phone, old or new.
		const stored = (await serverClients(o, await deviceCredentials(o))).find((d) => d.id === id)!;
		expect(stored._deleted).toBe(true);
		expect(Object.keys(stored.clock as object).sort()).toEqual(['_deleted', '_erased']);
		const json = JSON.stringify(stored);
		for (const word of ['Maria', 'Rossi', '1234567', '9876543']) expect(json).not.toContain(word);
	} finally {
		await owner.context.close();
		await tablet.context.close();
	}
});
