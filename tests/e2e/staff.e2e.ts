// Staff on a shared device (issue 7) in Chromium with the real IndexedDB: the owner adds two
// staff members with PINs; the app then starts locked; the therapist signs in with her PIN and
// the screen follows her role; a wrong PIN is refused; "Switch" hands the device to reception;
// the idle timeout locks it again. Time is moved with Playwright's clock, never waited for.
import { expect, test, type Page } from '@playwright/test';
import { createClient, expectNoSeriousA11yViolations, gotoApp, waitForAppReady } from './support';

async function addStaff(page: Page, name: string, role: string, pin: string) {
	const staff = page.getByRole('region', { name: 'Staff' });
	await staff.getByRole('button', { name: 'Add staff member' }).click();
	const form = staff.getByRole('form', { name: 'New staff member' });
	await form.getByLabel('Name').fill(name);
	await form.getByLabel('Role').selectOption({ label: role });
	await form.getByLabel('PIN (4 to 8 digits)').fill(pin);
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText(`${name} saved`)).toBeVisible();
	await expect(staff.getByTestId('staff-row').filter({ hasText: name })).toContainText(role);
}

async function signIn(page: Page, name: string, pin: string) {
	const lock = page.getByRole('dialog', { name: 'Who is working?' });
	await lock.getByRole('button', { name: new RegExp(`^${name}`) }).click();
	await lock.getByLabel(`PIN of ${name}`).fill(pin);
	await lock.getByRole('button', { name: 'Sign in' }).click();
}

test('staff sign in with their PIN, switch, and the idle device locks', async ({ page }) => {
	await page.clock.install();
	await createClient(page, 'Marta', 'Bianchi');
	await gotoApp(page, '/clients');
	// No staff yet: the device's own role (owner) may export.
	await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();

	await gotoApp(page, '/settings');
	const staff = page.getByRole('region', { name: 'Staff' });
	await expect(staff.getByText('No staff members yet.')).toBeVisible();
	// A bad PIN is refused with a message and nothing is saved.
	await staff.getByRole('button', { name: 'Add staff member' }).click();
	const form = staff.getByRole('form', { name: 'New staff member' });
	await form.getByLabel('Name').fill('Nobody');
	await form.getByLabel('PIN (4 to 8 digits)').fill('12a');
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(form.getByText('The PIN must be 4 to 8 digits.')).toBeVisible();
	await form.getByRole('button', { name: 'Cancel' }).click();
	await expect(staff.getByTestId('staff-row')).toHaveCount(0);

	await addStaff(page, 'Rita', 'Reception', '1234');
	await addStaff(page, 'Tina', 'Therapist', '5678');
	await expectNoSeriousA11yViolations(page);
	const idle = page.getByLabel('Lock after (minutes without activity)');
	await idle.fill('1');
	await idle.press('Enter');
	await expect(page.getByText('Automatic lock after 1 minutes')).toBeVisible();

	// With staff, the app starts locked.
	await page.reload();
	await waitForAppReady(page);
	const lock = page.getByRole('dialog', { name: 'Who is working?' });
	await expect(lock).toBeVisible();
	await expect(page.getByRole('link', { name: 'Clients' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);

	// A wrong PIN is refused with a message; the right one opens the app with her role.
	await signIn(page, 'Tina', '0000');
	await expect(lock.getByRole('alert')).toHaveText('Wrong PIN. Try again.');
	await lock.getByLabel('PIN of Tina').fill('5678');
	await lock.getByRole('button', { name: 'Sign in' }).click();
	await expect(lock).toBeHidden();
	await page.getByRole('link', { name: 'Clients' }).click();
	await expect(page.getByRole('link', { name: 'Marta Bianchi', exact: true })).toBeVisible();
	// Therapists cannot export and cannot manage staff.
	await expect(page.getByRole('button', { name: 'Export', exact: true })).toHaveCount(0);
	// What she writes is hers: the note records her (no name to type) and shows her name.
	await page.getByRole('link', { name: 'Marta Bianchi', exact: true }).click();
	await expect(page.getByLabel('Written by')).toHaveCount(0);
	await page.getByLabel('New note').fill('Patch test done, no reaction');
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(
		page.locator('li[data-note-id]', { hasText: 'Patch test done, no reaction' })
	).toContainText('Tina ·');
	await page.getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Staff' })).toHaveCount(0);

	// "Switch" hands the device to reception.
	await page.getByRole('button', { name: 'Signed in: Tina. Switch person' }).click();
	await expect(lock).toBeVisible();
	await signIn(page, 'Rita', '1234');
	await expect(lock).toBeHidden();
	await expect(page.getByRole('button', { name: 'Signed in: Rita. Switch person' })).toBeVisible();
	await page.getByRole('link', { name: 'Clients' }).click();
	await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();

	// A minute without activity locks the screen and signs Rita out.
	await page.clock.fastForward('01:01');
	await expect(lock).toBeVisible();
	await expect(lock.getByRole('button', { name: /^Rita/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Signed in: Rita. Switch person' })).toHaveCount(0);
});
