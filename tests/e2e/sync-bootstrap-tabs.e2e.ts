// A first sync while another tab of the device is open (src/lib/db/tab-broadcast.ts): the
// bootstrap's pages are not cloned for other tabs when the device has none, so here — a second
// tab already open on the client list — that tab must still receive every card, without a
// reload. (The single-tab path is tests/e2e/sync-bootstrap.e2e.ts.) Real server, real Chromium.
import { expect, test } from '@playwright/test';
import {
	createClient,
	createSalonOn,
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode
} from './support';

const NAMES: Array<[string, string]> = [
	['Lucia', 'Bianchi'],
	['Marta', 'Verdi'],
	['Nadia', 'Russo'],
	['Olga', 'Neri']
];

test('a tab open during the first sync of its device receives every bootstrapped card', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const reception = await newDevice(browser);
	const tablet = await newDevice(browser);
	const r = reception.page;
	try {
		await createSalonOn(r, 'Salone Due Schede', 'Reception');
		for (const [first, last] of NAMES) await createClient(r, first, last);
		await gotoApp(r, '/settings/sync');
		const code = await showPairingCode(r);

		// The tablet's second tab is open on its (empty) list before the first tab pairs.
		const other = await tablet.context.newPage();
		await gotoApp(other, '/clients');
		await pairWithCode(tablet.page, code, 'Tablet');

		for (const tab of [tablet.page, other]) {
			for (const [first, last] of NAMES) {
				await expect(
					tab.getByRole('link', { name: `${first} ${last}`, exact: true })
				).toBeVisible();
			}
		}
		await expectNoSeriousA11yViolations(other);
	} finally {
		await reception.context.close();
		await tablet.context.close();
	}
});
