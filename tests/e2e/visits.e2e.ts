// Visits, catalogue, statistics, loyalty and birthdays in the real app (built, served by the
// real sync server, real IndexedDB in Chromium). The last test pairs two devices: a visit added
// offline on the tablet reaches reception, and the list's visit columns follow.
import { expect, test, type Page } from '@playwright/test';
import {
	createSalonOn,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode,
	syncIndicator,
	waitForAppReady,
	waitForServiceWorkerControl
} from './support';

async function createClient(page: Page, first: string, last: string, extra?: () => Promise<void>) {
	await gotoApp(page, '/clients/new');
	await page.getByLabel('First name').fill(first);
	await page.getByLabel('Last name').fill(last);
	await extra?.();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `${first} ${last}`, exact: true })
	).toBeVisible();
	return new URL(page.url()).pathname;
}

async function addCatalogItem(
	page: Page,
	kind: 'Service' | 'Product',
	name: string,
	price: string
) {
	const section = page.getByRole('region', { name: 'Services and products' });
	await section.getByLabel('Type').selectOption({ label: kind });
	await section.getByLabel('Name', { exact: true }).fill(name);
	await section.getByLabel('Price', { exact: true }).fill(price);
	await section.getByRole('button', { name: 'Add to catalogue' }).click();
	await expect(section.getByRole('textbox', { name: `Name of ${name}` })).toBeVisible();
}

const visits = (page: Page) => page.getByRole('region', { name: 'Treatments' });
const stats = (page: Page) => page.getByRole('region', { name: 'Statistics' });

test('catalogue in settings; add, edit and repeat a visit; statistics and loyalty on the card', async ({
	page
}) => {
	await gotoApp(page, '/settings');
	const section = page.getByRole('region', { name: 'Services and products' });
	// A price that is not an amount is refused at its field, and nothing is added.
	await section.getByLabel('Name', { exact: true }).fill('Colour');
	await section.getByLabel('Price', { exact: true }).fill('tbd');
	await section.getByRole('button', { name: 'Add to catalogue' }).click();
	await expect(section.getByText('Write a price like 35 or 35.50.')).toBeVisible();
	await expect(section.getByText('The catalogue is empty.')).toBeVisible();
	await addCatalogItem(page, 'Service', 'Colour', '55');
	await addCatalogItem(page, 'Service', 'Cut', '35,50');
	await addCatalogItem(page, 'Product', 'Mask', '24');
	await expect(section.getByRole('textbox', { name: 'Price of Cut' })).toHaveValue('35.50');
	await expectNoSeriousA11yViolations(page);

	const card = await createClient(page, 'Giada', 'Verdi');
	await expect(visits(page).getByText('No visits yet.')).toBeVisible();
	await expect(visits(page).getByRole('button', { name: 'Repeat last treatment' })).toHaveCount(0);

	// A new visit: the amount follows the ticked services until typed by hand.
	await visits(page).getByRole('button', { name: 'New visit' }).click();
	const form = visits(page).getByRole('form', { name: 'New visit' });
	await form.getByLabel('Date').fill('2026-01-10');
	await form.getByLabel('Time').fill('10:30');
	await form.getByLabel('Staff member').fill('Giulia');
	await form.getByRole('checkbox', { name: /Colour/ }).check();
	await form.getByRole('checkbox', { name: /Mask/ }).check();
	await expect(form.getByLabel('Amount paid')).toHaveValue('79.00');
	await form.getByLabel('Technical note').fill('7.4 + 6.3, 20 vol, 35 min');
	// Bad input: a clear error at the field, nothing saved.
	await form.getByLabel('Amount paid').fill('seventy');
	await form.getByRole('button', { name: 'Save visit' }).click();
	await expect(form.getByText('Write an amount like 35 or 35.50.')).toBeVisible();
	await expect(form.getByLabel('Amount paid')).toBeFocused();
	await form.getByLabel('Amount paid').fill('75');
	await form.getByRole('button', { name: 'Save visit' }).click();
	await expect(page.getByText('Visit saved')).toBeVisible();
	const first = visits(page).getByRole('listitem').first();
	await expect(first).toContainText('Colour, Mask');
	await expect(first).toContainText('7.4 + 6.3, 20 vol, 35 min');
	await expect(first).toContainText('€75.00');

	// A second, later visit, then the first one edited: the list stays newest first.
	await visits(page).getByRole('button', { name: 'New visit' }).click();
	await form.getByLabel('Date').fill('2026-01-30');
	await form.getByLabel('Time').fill('09:00');
	await form.getByRole('checkbox', { name: /Cut/ }).check();
	await form.getByLabel('Status').selectOption({ label: 'No-show' });
	await form.getByRole('button', { name: 'Save visit' }).click();
	await expect(visits(page).getByRole('listitem').first()).toContainText('No-show');
	await visits(page)
		.getByRole('button', { name: /Edit the visit of 10 Jan 2026/ })
		.click();
	const edit = visits(page).getByRole('form', { name: 'Edit visit' });
	await edit.getByLabel('Technical note').fill('7.4 + 6.3, 20 vol, 40 min');
	await edit.getByRole('button', { name: 'Save visit' }).click();
	await expect(visits(page).getByRole('listitem').nth(1)).toContainText('40 min');
	await expect(stats(page)).toContainText('€75.00');
	await expect(stats(page).locator('[data-stat="visitCount"]')).toHaveText('1');

	// Repeat last treatment: the last DONE visit (not the later no-show), prefilled for today.
	await visits(page).getByRole('button', { name: 'Repeat last treatment' }).click();
	await expect(form.getByRole('checkbox', { name: /Colour/ })).toBeChecked();
	await expect(form.getByRole('checkbox', { name: /Mask/ })).toBeChecked();
	await expect(form.getByRole('checkbox', { name: /Cut/ })).not.toBeChecked();
	await expect(form.getByLabel('Technical note')).toHaveValue('7.4 + 6.3, 20 vol, 40 min');
	await expect(form.getByLabel('Staff member')).toHaveValue('Giulia');
	await expect(form.getByLabel('Amount paid')).toHaveValue('75.00');
	await form.getByRole('button', { name: 'Save visit' }).click();
	await expect(visits(page).getByRole('listitem')).toHaveCount(3);
	await expect(stats(page).locator('[data-stat="totalSpent"]')).toHaveText('€150.00');
	await expect(stats(page).locator('[data-stat="spentRecently"]')).toHaveText('€75.00');

	// Loyalty: points and credit are sums of movements.
	const loyalty = page.getByRole('region', { name: 'Points and credit' });
	await loyalty.getByLabel('Quantity').fill('1.5');
	await loyalty.getByRole('button', { name: 'Record movement' }).click();
	await expect(loyalty.getByText('Write a whole number of points, above zero.')).toBeVisible();
	await loyalty.getByLabel('Quantity').fill('120');
	await loyalty.getByRole('button', { name: 'Record movement' }).click();
	await expect(loyalty.locator('[data-balance="points"]')).toHaveText('120');
	await loyalty.getByLabel('Type').selectOption({ label: 'Credit' });
	await loyalty.getByLabel('Quantity').fill('50');
	await loyalty.getByLabel('Reason').fill('Gift card');
	await loyalty.getByRole('button', { name: 'Record movement' }).click();
	await expect(loyalty.locator('[data-balance="prepaid"]')).toHaveText('€50.00');
	await loyalty.getByLabel('Movement').selectOption({ label: 'Use' });
	await loyalty.getByLabel('Quantity').fill('20,50');
	await loyalty.getByRole('button', { name: 'Record movement' }).click();
	await expect(loyalty.locator('[data-balance="prepaid"]')).toHaveText('€29.50');
	await expect(loyalty.getByRole('listitem')).toHaveCount(3);
	await expectNoSeriousA11yViolations(page);

	// Everything is in IndexedDB: a reload shows the same history.
	await page.reload();
	await waitForAppReady(page);
	await expect(visits(page).getByRole('listitem')).toHaveCount(3);
	await expect(loyalty.locator('[data-balance="prepaid"]')).toHaveText('€29.50');
	expect(card).toMatch(/^\/clients\//);
});

test('a visit added offline on the tablet reaches reception; list columns, filters and birthdays follow', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const reception = await newDevice(browser);
	const tablet = await newDevice(browser);
	const r = reception.page;
	const tb = tablet.page;
	try {
		await createSalonOn(r, 'Salone Aurora', 'Reception');
		const code = await showPairingCode(r);
		await pairWithCode(tb, code, 'Tablet');

		// Reception sets up the catalogue and a client whose birthday is today.
		await gotoApp(r, '/settings');
		await addCatalogItem(r, 'Service', 'Balayage', '120');
		const now = new Date();
		const card = await createClient(r, 'Marta', 'Colombo', async () => {
			await r.getByLabel('Phone', { exact: true }).fill('333 1234567');
			const birth = r.getByRole('group', { name: 'Birth date' });
			await birth.getByLabel('Day').selectOption(String(now.getDate()));
			await birth
				.getByLabel('Month')
				.selectOption({ label: now.toLocaleString('en-GB', { month: 'long' }) });
			await birth.getByLabel('Year (optional)').fill('1990');
		});
		await expect(r.getByText('Birthday today').first()).toBeVisible();
		await createClient(r, 'Nadia', 'Neri');

		// The tablet has both; it goes offline and records the treatment with its formula.
		await gotoApp(tb, card);
		await expect(tb.getByRole('heading', { level: 1, name: 'Marta Colombo' })).toBeVisible();
		await waitForServiceWorkerControl(tb);
		await tablet.context.setOffline(true);
		await expect(syncIndicator(tb)).toHaveAttribute('data-sync-kind', 'offline');
		await visits(tb).getByRole('button', { name: 'New visit' }).click();
		const form = visits(tb).getByRole('form', { name: 'New visit' });
		await form.getByLabel('Date').fill('2026-02-03');
		await form.getByLabel('Time').fill('15:00');
		await form.getByRole('checkbox', { name: /Balayage/ }).check();
		await form.getByLabel('Technical note').fill('Balayage 9.1, decolorante + 30 vol, 25 min');
		await form.getByRole('button', { name: 'Save visit' }).click();
		await expect(visits(tb).getByRole('listitem')).toHaveCount(1);

		// Reception's list: no visit yet for Marta.
		await gotoApp(r, '/clients');
		const row = r.getByRole('row').filter({ hasText: 'Marta Colombo' });
		await expect(row).toBeVisible();
		await expect(row).not.toContainText('€120.00');

		// Back online: reception's list shows the last visit and the total spent, and the card
		// the colour formula.
		await tablet.context.setOffline(false);
		await expect(row).toContainText('€120.00');
		await expect(row).toContainText('3 Feb 2026');
		await r.getByRole('button', { name: 'Total spent', exact: true }).click();
		await expect(r.getByRole('row').nth(1)).toContainText('Marta Colombo');

		// Filters: never visited, and spent more than.
		await gotoApp(r, '/clients?neverVisited=1');
		await expect(r.getByRole('link', { name: 'Nadia Neri', exact: true })).toBeVisible();
		await expect(r.getByRole('link', { name: 'Marta Colombo', exact: true })).toHaveCount(0);
		await gotoApp(r, '/clients?spentOver=10000');
		await expect(r.getByRole('link', { name: 'Marta Colombo', exact: true })).toBeVisible();
		await expect(r.getByRole('link', { name: 'Nadia Neri', exact: true })).toHaveCount(0);

		await gotoApp(r, card);
		await expect(visits(r)).toContainText('Balayage 9.1, decolorante + 30 vol, 25 min');
		await expect(stats(r).locator('[data-stat="totalSpent"]')).toHaveText('€120.00');

		// Birthdays: Marta today, with her contact actions; the page passes axe.
		await r.getByRole('navigation').getByRole('link', { name: 'Birthdays' }).click();
		const todayGroup = r.getByRole('region', { name: 'Today' });
		await expect(
			todayGroup.getByRole('link', { name: 'Marta Colombo', exact: true })
		).toBeVisible();
		await expect(todayGroup).toContainText('turns');
		await expect(todayGroup.getByRole('link', { name: /Call Marta Colombo/ })).toHaveAttribute(
			'href',
			'tel:+393331234567'
		);
		await expect(todayGroup.getByRole('link', { name: /WhatsApp/ })).toBeVisible();
		await expect(r.getByRole('region', { name: 'Tomorrow' })).toContainText('No birthdays.');
		await expectNoSeriousA11yViolations(r);
	} finally {
		await reception.context.close();
		await tablet.context.close();
	}
});
