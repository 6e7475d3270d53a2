// Device roles (issue 7) in the app, over the real sync server: the owner pairs a tablet as a
// therapist and a PC as reception. The therapist receives Maria's card masked ("Maria R.",
// "•••• 4567": the raw values never reach it), has no export, import or delete, no call link,
// and can still add an allergy on the masked card; reception sees the whole card and exports.
import { expect, test, type Page } from '@playwright/test';
import {
	createClient,
	createSalonOn,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode
} from './support';

async function pairAs(owner: Page, device: Page, role: string, name: string): Promise<void> {
	await gotoApp(owner, '/settings/sync');
	await owner.getByLabel('Role of the new device').selectOption({ label: role });
	const code = await showPairingCode(owner);
	await pairWithCode(device, code, name);
}

test('a therapist device sees masked contacts and no export; reception sees the full card', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const owner = await newDevice(browser);
	const therapist = await newDevice(browser);
	const reception = await newDevice(browser);
	const o = owner.page;
	const th = therapist.page;
	const rc = reception.page;
	try {
		await createSalonOn(o, 'Salone Aurora', 'Owner PC');
		const card = new URL(await createClient(o, 'Maria', 'Rossi', '333 123 4567')).pathname;
		await pairAs(o, th, 'Therapist', 'Tablet cabina');
		await pairAs(o, rc, 'Reception', 'Reception PC');

		// The owner's device list shows each device's role and lets the owner change it.
		await gotoApp(o, '/settings/sync');
		await expect(o.getByLabel('Role of Tablet cabina')).toHaveValue('therapist');
		await expect(o.getByLabel('Role of Reception PC')).toHaveValue('reception');

		// Therapist: the list and the card show the masked values only, with no contact actions.
		await gotoApp(th, '/clients');
		await expect(th.getByText('Maria R.').first()).toBeVisible();
		await expect(th.getByText('Rossi')).toHaveCount(0);
		await expect(th.getByRole('button', { name: 'Export' })).toHaveCount(0);
		await expect(th.getByRole('link', { name: 'Import' })).toHaveCount(0);
		await expectNoSeriousA11yViolations(th);
		await gotoApp(th, card);
		await expect(th.getByRole('heading', { level: 1, name: 'Maria R.' })).toBeVisible();
		await expect(th.getByText('•••• 4567')).toBeVisible();
		await expect(th.getByText('123 4567')).toHaveCount(0);
		await expect(th.getByRole('link', { name: /Call Maria/ })).toHaveCount(0);
		await expect(th.getByRole('button', { name: 'Delete' })).toHaveCount(0);
		await expectNoSeriousA11yViolations(th);
		await gotoApp(th, '/settings/sync');
		await expect(th.locator('[data-this-device-role]')).toHaveText('Therapist');

		// The therapist edits the masked card: no contact fields offered, an allergy added.
		await gotoApp(th, `${card}/edit`);
		await expect(th.getByText('contact details are hidden for your role')).toBeVisible();
		await expect(th.getByLabel('Last name')).toHaveCount(0);
		await expect(th.getByLabel('Phone', { exact: true })).toHaveCount(0);
		await th.getByLabel('Allergies', { exact: true }).fill('Latex');
		await th.getByRole('button', { name: 'Add allergy' }).click();
		await th.getByRole('button', { name: 'Save' }).click();
		await expect(
			th.getByRole('heading', { level: 1, name: 'Maria R.', exact: true })
		).toBeVisible();

		// Reception: the full card (with the therapist's allergy, the real surname and phone
		// untouched), the call link and the export button.
		await gotoApp(rc, card);
		await expect(rc.getByRole('heading', { level: 1, name: 'Maria Rossi' })).toBeVisible();
		await expect(rc.getByText('Latex').first()).toBeVisible();
		await expect(rc.getByRole('link', { name: /Call Maria Rossi/ })).toBeVisible();
		await expect(rc.getByText('•••• 4567')).toHaveCount(0);
		await expectNoSeriousA11yViolations(rc);
		await gotoApp(rc, '/clients');
		await expect(rc.getByText('Maria Rossi').first()).toBeVisible();
		await expect(rc.getByRole('button', { name: 'Export' })).toBeVisible();
		await expectNoSeriousA11yViolations(rc);
	} finally {
		await owner.context.close();
		await therapist.context.close();
		await reception.context.close();
	}
});

test('the owner defines a custom role and gives it to a device', async ({ browser }) => {
	test.setTimeout(90_000);
	const owner = await newDevice(browser);
	const tablet = await newDevice(browser);
	const o = owner.page;
	try {
		await createSalonOn(o, 'Salone Aurora', 'Owner PC');
		await gotoApp(o, '/settings');
		const section = o.getByRole('region', { name: 'Custom roles' });
		await expect(section.getByText('No custom roles.')).toBeVisible();
		await section.getByLabel('Role name').fill('Junior');
		await section.getByRole('button', { name: 'Add role' }).click();
		const permissions = section.getByRole('group', { name: 'Permissions of Junior' });
		await permissions.getByLabel('See contact details').check();
		await expect(o.getByText('Permissions of Junior saved')).toBeVisible();
		await expectNoSeriousA11yViolations(o);
		await gotoApp(o, '/settings');
		await expect(
			section
				.getByRole('group', { name: 'Permissions of Junior' })
				.getByLabel('See contact details')
		).toBeChecked();

		await pairAs(o, tablet.page, 'Junior', 'Tablet junior');
		await gotoApp(tablet.page, '/settings/sync');
		await expect(tablet.page.locator('[data-this-device-role]')).toHaveText('Junior');
		// Junior may see contacts but not export.
		await gotoApp(tablet.page, '/clients');
		await expect(tablet.page.getByRole('button', { name: 'Export' })).toHaveCount(0);
		// The owner moves the tablet to reception; the tablet learns it live.
		await gotoApp(o, '/settings/sync');
		await o.getByLabel('Role of Tablet junior').selectOption({ label: 'Reception' });
		await expect(o.getByText('Tablet junior now has the role: Reception')).toBeVisible();
		await gotoApp(tablet.page, '/settings/sync');
		await expect(tablet.page.locator('[data-this-device-role]')).toHaveText('Reception');
	} finally {
		await owner.context.close();
		await tablet.context.close();
	}
});

test('a reception device turned therapist drops its unmasked copy and shows masked cards', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const owner = await newDevice(browser);
	const tablet = await newDevice(browser);
	const o = owner.page;
	const tb = tablet.page;
	try {
		await createSalonOn(o, 'Salone Aurora', 'Owner PC');
		await createClient(o, 'Maria', 'Rossi', '333 123 4567');
		await pairAs(o, tb, 'Reception', 'Tablet');
		await gotoApp(tb, '/clients');
		await expect(tb.getByText('Maria Rossi').first()).toBeVisible();

		await gotoApp(o, '/settings/sync');
		await o.getByLabel('Role of Tablet').selectOption({ label: 'Therapist' });
		await expect(o.getByText('Tablet now has the role: Therapist')).toBeVisible();
		// The tablet learns it live, drops its local copy and pulls the cards again, masked.
		await expect(tb.getByText('Maria R.').first()).toBeVisible();
		await expect(tb.getByText('Maria Rossi')).toHaveCount(0);
		await tb.reload();
		await expect(tb.getByText('Maria R.').first()).toBeVisible();
		await expect(tb.getByText('Rossi')).toHaveCount(0);
	} finally {
		await owner.context.close();
		await tablet.context.close();
	}
});
