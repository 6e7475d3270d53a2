// Several tabs of the app on one device: only the elected leader tab replicates and holds the
// EventSource (data-sync-stream on the indicator reports this tab's own stream); the other tab
// sees every change through RxDB's multi-instance channel and shows the leader's status. When
// the leader tab closes, the other takes over. Real server, one browser context = one device.
import { expect, test, type Page } from '@playwright/test';
import {
	createClient,
	createSalonOn,
	gotoApp,
	newDevice,
	pairWithCode,
	showPairingCode,
	syncIndicator
} from './support';

const streamOf = (page: Page) => syncIndicator(page).getAttribute('data-sync-stream');
const roleOf = (page: Page) => syncIndicator(page).getAttribute('data-sync-tab');

test('two tabs of one device: one replicates, both see the changes and a truthful status', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const reception = await newDevice(browser);
	const tablet = await newDevice(browser);
	const r = reception.page;
	const tab1 = tablet.page;
	try {
		await createSalonOn(r, 'Salone Schede', 'Reception');
		const code = await showPairingCode(r);
		await pairWithCode(tab1, code, 'Tablet');
		const tab2 = await tablet.context.newPage();
		await gotoApp(tab2, '/clients');
		await expect(syncIndicator(tab2)).toHaveAttribute('data-sync-kind', 'synced');

		// Exactly one tab is the leader and holds the stream; the other holds none.
		await expect
			.poll(async () => [await streamOf(tab1), await streamOf(tab2)].sort())
			.toEqual(['closed', 'open']);
		const leader = (await streamOf(tab1)) === 'open' ? tab1 : tab2;
		const follower = leader === tab1 ? tab2 : tab1;
		expect(await roleOf(leader)).toBe('leader');
		expect(await roleOf(follower)).toBe('follower');

		// An edit on another device reaches both tabs.
		await createClient(r, 'Lucia', 'Bianchi');
		for (const tab of [tab1, tab2]) {
			await gotoApp(tab, '/clients');
			await expect(tab.getByRole('link', { name: 'Lucia Bianchi', exact: true })).toBeVisible();
		}

		// Offline, a change made in the follower tab is counted in both tabs, then sent by the
		// leader once the device is back online.
		await tablet.context.setOffline(true);
		for (const tab of [tab1, tab2]) {
			await expect(syncIndicator(tab)).toHaveAttribute('data-sync-kind', 'offline');
		}
		await createClient(follower, 'Franca', 'Follower');
		for (const tab of [tab1, tab2]) {
			await expect(syncIndicator(tab).getByRole('status')).toHaveText(
				/^Offline since \d{1,2}:\d{2} — 1 change waiting$/
			);
		}
		await tablet.context.setOffline(false);
		for (const tab of [tab1, tab2]) {
			await expect(syncIndicator(tab).getByRole('status')).toHaveText('Synced');
		}
		await gotoApp(r, '/clients');
		await expect(r.getByRole('link', { name: 'Franca Follower', exact: true })).toBeVisible();

		// The leader tab closes: the other takes over the stream and still receives changes.
		await leader.close();
		await expect.poll(() => streamOf(follower)).toBe('open');
		expect(await roleOf(follower)).toBe('leader');
		await createClient(r, 'Nadia', 'Nuova');
		await gotoApp(follower, '/clients');
		await expect(follower.getByRole('link', { name: 'Nadia Nuova', exact: true })).toBeVisible();
		await expect(syncIndicator(follower).getByRole('status')).toHaveText('Synced');
	} finally {
		await reception.context.close();
		await tablet.context.close();
	}
});
