// Chains in the app: the owner manages the salon's locations in /settings, pairs a tablet for
// one location, moves it to another from the device list; the tablet knows its location (it
// shows it, and keeps it across a reload). Real server, two browser contexts.
import { expect, test } from '@playwright/test';
import {
	createSalonOn,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode
} from './support';

test('the owner creates, renames and removes locations, and devices work at one', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const owner = await newDevice(browser);
	const tablet = await newDevice(browser);
	const o = owner.page;
	const tb = tablet.page;
	try {
		await createSalonOn(o, 'Catena Aurora', 'Reception Milano');

		// /settings › Locations: add two, refuse a duplicate and an empty name, rename one.
		await gotoApp(o, '/settings');
		const section = o.getByRole('region', { name: 'Locations' });
		await expect(section.getByText('No locations: the salon has just one.')).toBeVisible();
		const name = section.getByLabel('Location name');
		for (const location of ['Milano Centro', 'Roma', 'Torino']) {
			await name.fill(location);
			await section.getByRole('button', { name: 'Add location' }).click();
			await expect(section.getByLabel(`Name of location ${location}`)).toBeVisible();
		}
		await name.fill('milano centro ');
		await section.getByRole('button', { name: 'Add location' }).click();
		await expect(section.getByText('This name already exists.')).toBeVisible();
		await name.fill('   ');
		await section.getByRole('button', { name: 'Add location' }).click();
		await expect(section.getByText('Enter a name.')).toBeVisible();
		const roma = section.getByLabel('Name of location Roma');
		await roma.fill('Roma Prati');
		await roma.press('Enter');
		await expect(section.getByLabel('Name of location Roma Prati')).toBeVisible();
		await section.getByRole('button', { name: 'Delete location Torino' }).click();
		await o.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
		await expect(section.getByLabel('Name of location Torino')).toHaveCount(0);
		await expectNoSeriousA11yViolations(o);

		// The list survives a reload (it is a saved, synced setting).
		await gotoApp(o, '/settings');
		await expect(section.getByLabel('Name of location Milano Centro')).toBeVisible();
		await expect(section.getByLabel('Name of location Roma Prati')).toBeVisible();

		// A pairing code for Milano: the tablet paired with it works at Milano.
		await gotoApp(o, '/settings/sync');
		const newDeviceLocation = o.getByLabel('Location of the new device');
		await expect(newDeviceLocation.locator('option')).toHaveText([
			'No location',
			'Milano Centro',
			'Roma Prati'
		]);
		await newDeviceLocation.selectOption({ label: 'Milano Centro' });
		const code = await showPairingCode(o);
		await pairWithCode(tb, code, 'Tablet cabina');
		await gotoApp(tb, '/settings/sync');
		await expect(tb.locator('[data-device-location]')).toHaveText('Milano Centro');
		// Staff see locations, but cannot move devices.
		await expect(tb.getByText('Location: Milano Centro')).toBeVisible();
		await expect(tb.getByLabel('Location of Tablet cabina')).toHaveCount(0);

		// The owner moves the tablet to Roma: the tablet learns it live and keeps it after a reload.
		await gotoApp(o, '/settings/sync');
		const tabletLocation = o.getByLabel('Location of Tablet cabina');
		await expect(tabletLocation).toHaveValue(/.+/);
		await tabletLocation.selectOption({ label: 'Roma Prati' });
		await expect(o.getByText('Tablet cabina now works at: Roma Prati')).toBeVisible();
		await expect(tb.locator('[data-device-location]')).toHaveText('Roma Prati');
		await tb.reload();
		await expect(tb.locator('[data-device-location]')).toHaveText('Roma Prati');
		expect(
			await tb.evaluate(() => JSON.parse(localStorage.getItem('schedario.sync') ?? '{}').locationId)
		).toBe(await tabletLocation.inputValue());

		// The owner puts itself at Milano too.
		await o.getByLabel('Location of Reception Milano').selectOption({ label: 'Milano Centro' });
		await expect(o.locator('[data-device-location]')).toHaveText('Milano Centro');
		await expectNoSeriousA11yViolations(o);

		// Removing Roma keeps the tablet's record truthful: it shows the removed location, marked.
		await gotoApp(o, '/settings');
		await section.getByRole('button', { name: 'Delete location Roma Prati' }).click();
		await o.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
		await expect(section.getByLabel('Name of location Roma Prati')).toHaveCount(0);
		await expect(tb.locator('[data-device-location]')).toHaveText('Roma Prati (deleted)');
	} finally {
		await owner.context.close();
		await tablet.context.close();
	}
});
