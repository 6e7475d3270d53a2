// The dense table renders only the rows on screen (row-window.ts) over a real IndexedDB book of
// 430 clients: the rows it renders cover the visible area wherever it is scrolled, a list that
// shrinks under the scroll shows its rows at once, the arrow keys and the A–Z rail scroll to the
// row they focus, a taller window gets more rows, a shift-click range spans scrolled-away rows.
import { expect, test, type Page } from '@playwright/test';
import { emptyClientFields, type ClientFields } from '../../src/lib/domain/client';
import { expectNoSeriousA11yViolations, gotoApp } from './support';

const pad = (i: number) => String(i).padStart(3, '0');
const BIANCHI = 400;
const ZETA = 30;
const TOTAL = BIANCHI + ZETA;
const ROW = 52;

function person(firstName: string, lastName: string): ClientFields {
	return { ...emptyClientFields(), firstName, lastName };
}

async function seed(page: Page, list: ClientFields[]): Promise<void> {
	await gotoApp(page, '/clients?bench=1');
	await expect.poll(() => page.evaluate(() => typeof window.__schedarioBench)).toBe('object');
	const created = await page.evaluate((fields) => window.__schedarioBench!.seed(fields), list);
	expect(created).toHaveLength(list.length);
}

const table = (page: Page) => page.getByRole('table', { name: 'Client list' });
const rows = (page: Page) => page.locator('[role="row"][data-index]');
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search clients' });
const count = (page: Page) => page.getByRole('status').filter({ hasText: /\bclients?$/ });
const link = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

/** Scrolls the table's own scroller (the page does not scroll). */
async function scrollTableTo(page: Page, top: number | 'bottom'): Promise<void> {
	await table(page).evaluate((el, to) => {
		el.scrollTop = to === 'bottom' ? el.scrollHeight : to;
	}, top);
}

/**
 * What the table shows, read from the page: the rendered rows' indexes, and for points every 10
 * px down the rows' part of the table (under the sticky header), the row index found there (-1:
 * no row — a blank where rows should be).
 */
async function shown(page: Page) {
	return table(page).evaluate((el) => {
		const box = el.getBoundingClientRect();
		const head = el.querySelector<HTMLElement>('[role="rowgroup"]')!.getBoundingClientRect();
		const body = el.querySelectorAll('[role="rowgroup"]')[1]!.getBoundingClientRect();
		const bottom = Math.min(box.top + el.clientHeight, body.bottom);
		const x = box.left + 200;
		const atPoints: number[] = [];
		for (let y = head.bottom + 1; y < bottom - 1; y += 10) {
			const row = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-index]');
			atPoints.push(row ? Number(row.dataset.index) : -1);
		}
		const rendered = [...el.querySelectorAll<HTMLElement>('[role="row"][data-index]')].map((r) =>
			Number(r.dataset.index)
		);
		return { rendered, atPoints, headBottom: head.bottom };
	});
}

test.beforeEach(async ({ page }) => {
	await seed(page, [
		...Array.from({ length: BIANCHI }, (_, i) => person(`Anna${pad(i)}`, 'Bianchi')),
		...Array.from({ length: ZETA }, (_, i) => person(`Zoe${pad(i)}`, 'Zeta'))
	]);
	await gotoApp(page, '/clients');
	await expect(count(page)).toHaveText(`${TOTAL} clients`);
});

test('only the rows on screen are rendered, and they cover it wherever the table is scrolled', async ({
	page
}) => {
	await expect(table(page)).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
	await expect(link(page, 'Anna000 Bianchi')).toBeVisible();
	const top = await shown(page);
	// 900 px window: about a dozen rows fit, plus one of overscan — not the whole book.
	expect(top.rendered.length).toBeGreaterThan(5);
	expect(top.rendered.length).toBeLessThan(25);
	expect(top.atPoints).not.toContain(-1);
	expect(top.atPoints[0]).toBe(0);
	for (const index of top.rendered) {
		await expect(rows(page).and(page.locator(`[data-index="${index}"]`))).toHaveAttribute(
			'aria-rowindex',
			String(index + 2)
		);
	}

	// Halfway: the rows under the header are the ones at that offset, with no gap.
	await scrollTableTo(page, 200 * ROW + 10);
	await expect(link(page, 'Anna200 Bianchi')).toBeVisible();
	await expect(link(page, 'Anna000 Bianchi')).toHaveCount(0);
	const middle = await shown(page);
	expect(middle.atPoints).not.toContain(-1);
	expect(middle.atPoints[0]).toBe(200);
	expect(middle.rendered.length).toBeLessThan(25);

	// The bottom: the last client, on the last row.
	await scrollTableTo(page, 'bottom');
	await expect(link(page, 'Zoe029 Zeta')).toBeVisible();
	const last = page.locator(`[role="row"][data-index="${TOTAL - 1}"]`);
	await expect(last).toHaveAttribute('aria-rowindex', String(TOTAL + 1));
	await expect(last).toContainText('Zoe029 Zeta');
	expect((await shown(page)).atPoints).not.toContain(-1);
	await expectNoSeriousA11yViolations(page);
});

test("a row's icon buttons: named after the client, 44 px targets, the icon drawn", async ({
	page
}) => {
	const row = page.locator('[role="row"][data-index="0"]');
	const edit = row.getByRole('link', { name: 'Edit Anna000 Bianchi', exact: true });
	const remove = row.getByRole('button', { name: 'Delete Anna000 Bianchi', exact: true });
	for (const target of [edit, remove]) {
		await target.scrollIntoViewIfNeeded();
		const box = (await target.boundingBox())!;
		expect(box.width).toBeGreaterThanOrEqual(44);
		expect(box.height).toBeGreaterThanOrEqual(44);
		// The icon is the button's ::before, masked from an SVG in the text colour (app.css).
		const icon = await target.evaluate((el) => {
			const before = getComputedStyle(el, '::before');
			return { mask: before.maskImage, width: before.width, color: before.backgroundColor };
		});
		expect(icon.mask).toContain('data:image/svg+xml');
		expect(icon.width).toBe('20px');
		expect(icon.color).toBe(await target.evaluate((el) => getComputedStyle(el).color));
	}
	await expect(edit).toHaveAttribute('href', /^\/clients\/[^/]+\/edit$/);
});

test('the icons stay drawn in forced colours (Windows high contrast)', async ({ page }) => {
	await page.emulateMedia({ forcedColors: 'active' });
	const row = page.locator('[role="row"][data-index="0"]');
	const edit = row.getByRole('link', { name: 'Edit Anna000 Bianchi', exact: true });
	const remove = row.getByRole('button', { name: 'Delete Anna000 Bianchi', exact: true });
	// Forced colours repaint backgrounds with the system's, which would leave a masked icon the
	// colour of the page behind it: the icon takes the (forced) text colour of its link or button.
	for (const target of [edit, remove]) {
		await target.scrollIntoViewIfNeeded();
		const colours = await target.evaluate((el) => ({
			icon: getComputedStyle(el, '::before').backgroundColor,
			text: getComputedStyle(el).color,
			page: getComputedStyle(document.body).backgroundColor
		}));
		expect(colours.icon).toBe(colours.text);
		expect(colours.icon).not.toBe(colours.page);
	}
});

test('a search matching nothing stows the table; the next text that matches reuses it', async ({
	page
}) => {
	await expect(table(page)).toBeVisible();
	// The same element afterwards means the table was kept, not built again (header, rows, rail).
	await table(page).evaluate((el) => el.setAttribute('data-kept', 'yes'));
	await search(page).fill('anna0x');
	await expect(page.getByText('No client matches')).toBeVisible();
	await expect(table(page)).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Jump to letter' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
	await search(page).fill('anna01');
	await expect(count(page)).toHaveText('10 clients');
	await expect(link(page, 'Anna010 Bianchi')).toBeVisible();
	await expect(link(page, 'Anna019 Bianchi')).toBeVisible();
	await expect(table(page)).toHaveAttribute('data-kept', 'yes');
	const after = await shown(page);
	expect(after.rendered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	expect(after.atPoints.filter((i) => i >= 0).length).toBeGreaterThan(0);
	await expect(page.getByText('No client matches')).toHaveCount(0);
});

test('a search that shrinks the list under the scroll shows its rows at once', async ({ page }) => {
	await scrollTableTo(page, 'bottom');
	await expect(link(page, 'Zoe029 Zeta')).toBeVisible();
	await search(page).fill('anna01');
	await expect(count(page)).toHaveText('10 clients');
	await expect(link(page, 'Anna010 Bianchi')).toBeVisible();
	await expect(link(page, 'Anna019 Bianchi')).toBeVisible();
	const after = await shown(page);
	expect(after.rendered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	expect(after.atPoints).not.toContain(-1);
	// And growing again from there starts at the top of the longer list.
	await search(page).fill('');
	await expect(count(page)).toHaveText(`${TOTAL} clients`);
	expect((await shown(page)).atPoints).not.toContain(-1);
});

test('the arrow keys and the A–Z rail scroll to the row they focus', async ({ page }) => {
	await search(page).focus();
	await page.keyboard.press('ArrowDown');
	await expect(link(page, 'Anna000 Bianchi')).toBeFocused();
	// Walk down past the bottom edge: each focused row is scrolled into view, whole.
	for (let i = 1; i <= 20; i++) await page.keyboard.press('ArrowDown');
	const focused = link(page, 'Anna020 Bianchi');
	await expect(focused).toBeFocused();
	await expect(focused).toBeInViewport({ ratio: 1 });
	expect(await table(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
	const tableBox = (await table(page).boundingBox())!;
	const rowBox = (await page.locator('[data-index="20"]').boundingBox())!;
	expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(tableBox.y + tableBox.height + 1);
	// And back up: the row above takes focus.
	await page.keyboard.press('ArrowUp');
	await expect(link(page, 'Anna019 Bianchi')).toBeFocused();

	// The rail puts the first Z right under the sticky header.
	await page
		.getByRole('navigation', { name: 'Jump to letter' })
		.getByRole('button', { name: 'Z', exact: true })
		.click();
	const zoe = link(page, 'Zoe000 Zeta');
	await expect(zoe).toBeFocused();
	const { headBottom } = await shown(page);
	const zRow = (await page.locator(`[data-index="${BIANCHI}"]`).boundingBox())!;
	expect(Math.abs(zRow.y - headBottom)).toBeLessThanOrEqual(1);
});

test('a taller window renders more rows; a shift-click range spans rows scrolled away', async ({
	page
}) => {
	const before = (await shown(page)).rendered.length;
	await page.setViewportSize({ width: 1366, height: 1300 });
	await expect.poll(async () => (await shown(page)).rendered.length).toBeGreaterThan(before + 5);
	expect((await shown(page)).atPoints).not.toContain(-1);

	await page.getByRole('checkbox', { name: 'Select Anna002 Bianchi', exact: true }).click();
	await scrollTableTo(page, 100 * ROW);
	await page
		.getByRole('checkbox', { name: 'Select Anna105 Bianchi', exact: true })
		.click({ modifiers: ['Shift'] });
	const bar = page.getByRole('toolbar', { name: 'Actions on the selected clients' });
	await expect(bar.getByRole('status')).toHaveText('104 selected');
	await expect(
		page.getByRole('checkbox', { name: 'Select Anna104 Bianchi', exact: true })
	).toBeChecked();
});
