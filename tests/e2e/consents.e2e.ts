// Signed consents on two devices of one salon, through the real sync server and real IndexedDB
// (issue 7 › 1 and 2): a client signs three consents with a finger on a tablet context, in her
// own language; reception sees them with the signature; the printable privacy form renders the
// salon, the text, the choices and the signature (screenshot attached); a withdrawal made at
// reception shows the new state on both devices.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import {
	createSalonOn,
	drawSignature,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode
} from './support';

const scopeRow = (page: Page, scope: string) => page.locator(`li[data-consent-scope="${scope}"]`);

test('a client signs three consents on the tablet; reception sees them with the signature, prints the form and records a withdrawal seen on both', async ({
	browser
}, testInfo) => {
	test.setTimeout(120_000);
	const reception = await newDevice(browser);
	const tablet = await browser.newContext({
		hasTouch: true,
		isMobile: false,
		// A 12.9" tablet in landscape, the way it stands on a treatment-room desk.
		viewport: { width: 1366, height: 1024 },
		deviceScaleFactor: 2
	});
	const tabletPage = await tablet.newPage();
	const desk = reception.page;

	// Reception is the salon's owner: it fills the salon's details for the privacy form.
	await createSalonOn(desk, 'Salone Bella', 'Reception');
	await gotoApp(desk, '/settings');
	const details = desk.getByRole('region', { name: 'Salon details for the privacy form' });
	for (const [label, value] of [
		['Company name', 'Bella Estetica S.r.l.'],
		['Address', 'Via Roma 1, 20100 Milano'],
		['VAT number', 'IT01234567890']
	] as const) {
		await details.getByRole('textbox', { name: label }).fill(value);
		await details.getByRole('textbox', { name: label }).press('Enter');
		// Each save is stored before the page is reloaded below (a reload aborts a pending
		// write); the same "Saved" twice in a row shows once, so each one is dismissed.
		const saved = desk
			.getByRole('region', { name: 'Notifications' })
			.locator('.toast', { hasText: 'Saved' });
		await expect(saved).toBeVisible();
		await saved.getByRole('button', { name: 'Dismiss notification' }).click();
		await expect(saved).toHaveCount(0);
	}
	// Stored, not only typed: a fresh load shows them.
	await gotoApp(desk, '/settings');
	await expect(details.getByRole('textbox', { name: 'VAT number' })).toHaveValue('IT01234567890');
	await expect(details.getByRole('textbox', { name: 'Address' })).toHaveValue(
		'Via Roma 1, 20100 Milano'
	);

	// The owner edits the Portuguese text: no photos on social media. Saving makes version 2;
	// version 1 (the shipped default) stays listed.
	const texts = desk.getByRole('region', { name: 'Consent texts' });
	await texts.getByLabel('Language of the text').selectOption('pt');
	await texts.getByRole('textbox', { name: 'Photos on social media' }).fill('');
	await texts.getByRole('button', { name: 'Save as a new version' }).click();
	await expect(desk.getByText('Saved as version 2')).toBeVisible();
	await expect(texts.locator('[data-consent-versions="pt"] [data-version-line]')).toHaveText([
		/^Version 2 · /,
		'Version 1 · shipped default'
	]);

	// A Portuguese client: her consents are shown and printed in Portuguese.
	await gotoApp(desk, '/clients/new');
	await desk.getByLabel('First name').fill('Maria');
	await desk.getByLabel('Last name').fill('Rossi');
	await desk.locator('#cf-language').selectOption('pt');
	await desk.getByRole('button', { name: 'Save' }).click();
	await expect(
		desk.getByRole('heading', { level: 1, name: 'Maria Rossi', exact: true })
	).toBeVisible();
	const cardPath = new URL(desk.url()).pathname;
	await expect(
		desk.getByRole('heading', { name: 'No consent to the processing of personal data' })
	).toBeVisible();

	await gotoApp(desk, '/settings/sync');
	const code = await showPairingCode(desk);
	await pairWithCode(tabletPage, code, 'Tablet cabina 1');

	// The tablet: the card arrives by sync, still without a processing consent.
	await gotoApp(tabletPage, cardPath);
	await expect(tabletPage.getByRole('heading', { level: 1, name: 'Maria Rossi' })).toBeVisible();
	await expect(
		tabletPage.getByRole('heading', { name: 'No consent to the processing of personal data' })
	).toBeVisible();
	await tabletPage.getByRole('link', { name: 'Sign consents' }).first().click();

	// The signing view, in her language; nothing is pre-ticked.
	await expect(
		tabletPage.getByRole('heading', { level: 1, name: 'Consentimentos de Maria Rossi' })
	).toBeVisible();
	await expect(
		tabletPage.getByRole('heading', { name: 'Aviso de privacidade e consentimentos' })
	).toBeVisible();
	const boxes = tabletPage.getByRole('checkbox');
	await expect(boxes).toHaveCount(9);
	await expect(
		tabletPage.getByRole('checkbox', { name: /Fotografias nas redes sociais/ })
	).toHaveCount(0);
	for (const box of await boxes.all()) await expect(box).not.toBeChecked();
	await expectNoSeriousA11yViolations(tabletPage);

	// Confirming without a signature is refused with a clear message and writes nothing.
	await tabletPage.getByRole('button', { name: 'Confirmar e assinar' }).click();
	await expect(tabletPage.getByText('Assine no quadro antes de confirmar.')).toBeVisible();

	await tabletPage.getByRole('checkbox', { name: /Tratamento de dados pessoais/ }).check();
	await tabletPage.getByRole('checkbox', { name: /Dados de saúde/ }).check();
	await tabletPage.getByRole('checkbox', { name: /Marketing por SMS/ }).check();
	// The clear button is a real touch target.
	const clear = tabletPage.getByRole('button', { name: 'Apagar assinatura' });
	const clearBox = await clear.boundingBox();
	expect(clearBox!.height).toBeGreaterThanOrEqual(44);
	await drawSignature(tabletPage);
	await tabletPage.getByRole('button', { name: 'Confirmar e assinar' }).click();

	// Back on the card: the warning is gone, three granted, the rest refused.
	await expect(tabletPage).toHaveURL(new RegExp(`${cardPath}$`));
	await expect(scopeRow(tabletPage, 'processing')).toHaveAttribute(
		'data-consent-status',
		'granted'
	);
	await expect(scopeRow(tabletPage, 'health')).toHaveAttribute('data-consent-status', 'granted');
	await expect(scopeRow(tabletPage, 'marketingSms')).toHaveAttribute(
		'data-consent-status',
		'granted'
	);
	await expect(scopeRow(tabletPage, 'photosRecords')).toHaveAttribute(
		'data-consent-status',
		'refused'
	);
	// Not offered by version 2, so not asked.
	await expect(scopeRow(tabletPage, 'photosSocial')).toHaveCount(0);
	await expect(
		tabletPage.getByRole('heading', { name: 'No consent to the processing of personal data' })
	).toHaveCount(0);

	// Reception: the same state arrives by sync, with the signature drawn from its strokes.
	await gotoApp(desk, cardPath);
	await expect(scopeRow(desk, 'processing')).toHaveAttribute('data-consent-status', 'granted');
	await expect(scopeRow(desk, 'health')).toHaveAttribute('data-consent-status', 'granted');
	await expect(scopeRow(desk, 'marketingSms')).toHaveAttribute('data-consent-status', 'granted');
	await expect(scopeRow(desk, 'marketingEmail')).toHaveAttribute('data-consent-status', 'refused');
	const signature = desk.getByRole('img', { name: 'Signature of Maria Rossi' });
	await expect(signature).toBeVisible();
	await expect(signature).toHaveAttribute('data-signature-strokes', '2');
	expect(await signature.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+( L\d+ \d+)+ M/);
	await expect(
		desk.getByRole('heading', { name: 'No consent to the processing of personal data' })
	).toHaveCount(0);
	// The card's summary of marketing channels follows the signed record.
	await expect(desk.getByRole('region', { name: 'Consents', exact: true })).toContainText('SMS');

	// The printable privacy form, in Portuguese, with the salon, the choices and the signature.
	await desk.getByRole('link', { name: 'Privacy form' }).click();
	const form = desk.locator('[data-privacy-form]');
	await expect(form).toHaveAttribute('data-ready', 'true');
	await expect(form.getByRole('heading', { level: 1 })).toHaveText(
		'Aviso de privacidade e consentimentos'
	);
	await expect(form).toContainText('Bella Estetica S.r.l.');
	await expect(form).toContainText('Via Roma 1, 20100 Milano');
	await expect(form).toContainText('NIF IT01234567890');
	await expect(form).toContainText('Maria Rossi');
	for (const scope of ['processing', 'health', 'marketingSms']) {
		await expect(form.locator(`tr[data-form-scope="${scope}"]`)).toHaveAttribute(
			'data-form-choice',
			'granted'
		);
	}
	await expect(form.locator('tr[data-form-scope="photosRecords"]')).toHaveAttribute(
		'data-form-choice',
		'refused'
	);
	await expect(form.locator('tr[data-form-scope="photosSocial"]')).toHaveCount(0);
	await expect(form.getByRole('img', { name: 'Assinatura de Maria Rossi' })).toBeVisible();
	await expect(form).toContainText(/Texto versão 2 · SHA-256 [0-9a-f]{64}/);
	await expectNoSeriousA11yViolations(desk);
	// Printed: the app around the form and its buttons are hidden.
	await desk.emulateMedia({ media: 'print' });
	await expect(desk.getByRole('button', { name: 'Imprimir' })).toBeHidden();
	await expect(form).toBeVisible();
	const shot = testInfo.outputPath('privacy-form.png');
	await desk.screenshot({ path: shot, fullPage: true });
	await testInfo.attach('privacy-form', { path: shot, contentType: 'image/png' });
	await desk.emulateMedia({ media: 'screen' });
	await expect(desk.getByRole('button', { name: 'Imprimir' })).toBeVisible();

	// Reception withdraws the SMS marketing consent: a new record, seen on both devices.
	await gotoApp(desk, cardPath);
	await desk.getByRole('button', { name: 'Withdraw: Marketing by SMS' }).click();
	const dialog = desk.getByRole('dialog', { name: 'Withdraw the consent “Marketing by SMS”?' });
	await expect(dialog).toBeVisible();
	await expectNoSeriousA11yViolations(desk);
	await dialog.getByRole('button', { name: 'Withdraw' }).click();
	await expect(scopeRow(desk, 'marketingSms')).toHaveAttribute('data-consent-status', 'withdrawn');
	await expect(desk.locator('li[data-consent-kind="withdrawn"]')).toHaveCount(1);
	// The signed record stays in the history.
	await expect(desk.locator('li[data-consent-kind="signed"]')).toHaveCount(1);
	await expect(scopeRow(tabletPage, 'marketingSms')).toHaveAttribute(
		'data-consent-status',
		'withdrawn'
	);
	await expect(scopeRow(tabletPage, 'processing')).toHaveAttribute(
		'data-consent-status',
		'granted'
	);

	// The client's data export (GDPR access) carries her consent records in full.
	await desk.getByRole('link', { name: 'Export client data' }).click();
	await expect(desk.getByRole('heading', { level: 2, name: 'Consent records' })).toBeVisible();
	const [json] = await Promise.all([
		desk.waitForEvent('download'),
		desk.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const data = JSON.parse(await readFile((await json.path()) as string, 'utf8'));
	expect(data.sections.consents).toEqual([
		expect.objectContaining({
			kind: 'withdrawn',
			choices: [{ scope: 'marketingSms', choice: 'refused' }]
		}),
		expect.objectContaining({
			kind: 'signed',
			locale: 'pt',
			textVersion: 2,
			signerName: 'Maria Rossi',
			signature: expect.objectContaining({ strokes: [expect.any(Array), expect.any(Array)] })
		})
	]);

	await tablet.close();
	await reception.context.close();
});
