// Duplicates on one device (issue 4): the form warns while a known phone is typed, "it's a
// different person" is remembered for good (warning and queue), and the merge view merges a
// pair with a chosen field; Undo merge gives both cards back.
import { expect, test } from '@playwright/test';
import { createClient, expectNoSeriousA11yViolations, gotoApp } from './support';

test('the creation warning appears while typing a known phone; "different person" removes the pair for good', async ({
	page
}) => {
	await createClient(page, 'Maria', 'Rossi', '333 123 4567');
	await gotoApp(page, '/clients/new');
	await page.getByLabel('First name').fill('Giulia');
	await page.getByLabel('Last name').fill('Verdi');
	const warning = page.locator('.dup-warning');
	await expect(warning).not.toContainText('Possible duplicate');
	await page.getByLabel('Phone', { exact: true }).fill('+39 333 1234567');
	await expect(warning).toContainText('Possible duplicate: Maria Rossi, 333 123 4567');
	await expect(warning).toContainText('same phone');
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('button', { name: /different person/ }).click();
	await expect(warning).not.toContainText('Possible duplicate');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Giulia Verdi', exact: true })
	).toBeVisible();

	// Never proposed again: not in the queue, not after a reload.
	await gotoApp(page, '/duplicates');
	await expect(page.getByText('No possible duplicates to review.')).toBeVisible();

	// A pair saved despite the warning waits in the queue until "different person".
	await createClient(page, 'Paola', 'Neri', '347 000 1111');
	await createClient(page, 'Anna', 'Neri', '3470001111');
	await gotoApp(page, '/duplicates');
	const pair = page.locator('[data-pair]');
	await expect(pair).toHaveCount(1);
	await expect(pair).toContainText('Paola Neri');
	await expect(pair).toContainText('same phone');
	await pair.getByRole('button', { name: /different person/ }).click();
	await expect(pair).toHaveCount(0);
	await page.reload();
	await expect(page.getByText('No possible duplicates to review.')).toBeVisible();
	await expect(page.locator('[data-pair]')).toHaveCount(0);
});

test('the merge view merges a pair with a chosen value; Undo merge restores both cards', async ({
	page
}) => {
	await createClient(page, 'Sara', 'Russo', '340 111 2233');
	await createClient(page, 'Sarah', 'Russo', '340 111 2233');
	await gotoApp(page, '/duplicates');
	const pair = page.locator('[data-pair]');
	await expect(pair).toHaveCount(1);
	await expect(pair).toHaveAttribute('data-level', 'review');
	const hrefs = (
		await pair.locator('.who a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
	).sort();
	await pair.getByRole('button', { name: 'Compare and merge' }).click();
	const view = page.locator('.merge-view');
	await expect(view).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	const first = view.locator('tr[data-field="firstName"]');
	await first.getByRole('radio', { name: 'Use this: Sarah' }).check();
	await first.getByRole('textbox').fill('Sarah Maria');
	await view.getByRole('button', { name: 'Merge cards' }).click();
	await expect(page.getByText('Cards merged')).toBeVisible();
	await gotoApp(page, '/clients');
	await expect(page.getByRole('link', { name: 'Sarah Maria Russo', exact: true })).toHaveCount(1);
	await expect(page.getByRole('link', { name: /^Sarah? Russo$/ })).toHaveCount(0);

	// The merged-away card says where it went and redirects to the survivor (smallest id).
	await page.goto(`${hrefs[1]}?lang=en`);
	await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Sarah Maria Russo' })).toBeVisible();
	await gotoApp(page, '/clients');
	await page.getByRole('link', { name: 'Sarah Maria Russo', exact: true }).click();
	await expect(page.getByText(/Merged with: Sara/)).toBeVisible();
	await page.getByRole('button', { name: 'Undo merge' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Undo merge' }).click();
	// The undo is written once it says so: reloading earlier would abort the write.
	await expect(page.getByText('Merge undone')).toBeVisible();
	await gotoApp(page, '/clients');
	await expect(page.getByRole('link', { name: 'Sara Russo', exact: true })).toHaveCount(1);
	await expect(page.getByRole('link', { name: 'Sarah Russo', exact: true })).toHaveCount(1);
});
