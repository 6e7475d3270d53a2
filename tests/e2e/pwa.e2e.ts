// The PWA shell: installable manifest, service worker that serves the app with the network off
// (deep links included), never caches the sync API, and an update that waits for the user.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { gotoApp, waitForAppReady, waitForServiceWorkerControl, withEnglish } from './support';

interface ManifestIcon {
	src: string;
	sizes: string;
	type: string;
	purpose?: string;
}

// Width and height live at fixed offsets of a PNG's IHDR chunk.
async function pngSize(request: APIRequestContext, src: string) {
	const res = await request.get(src);
	expect(res.status(), src).toBe(200);
	expect(res.headers()['content-type'], src).toBe('image/png');
	const bytes = await res.body();
	expect(bytes.subarray(1, 4).toString('ascii'), src).toBe('PNG');
	return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test.describe('web app manifest', () => {
	test('declares the app and icons that load at their declared sizes', async ({ request }) => {
		const res = await request.get('/manifest.webmanifest');
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain('application/manifest+json');
		const manifest = (await res.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
		expect(manifest).toMatchObject({
			name: 'Schedario',
			short_name: 'Schedario',
			start_url: '/clients',
			scope: '/',
			display: 'standalone',
			theme_color: '#7a3e65',
			lang: 'it'
		});
		expect(String(manifest.description).length).toBeGreaterThan(10);

		const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
		for (const icon of pngs) expect(await pngSize(request, icon.src)).toBe(icon.sizes);
		const any = pngs.filter((icon) => (icon.purpose ?? 'any').split(' ').includes('any'));
		expect(any.map((icon) => icon.sizes).sort()).toEqual(['192x192', '512x512']);
		expect(pngs.find((icon) => icon.purpose === 'maskable')?.sizes).toBe('512x512');

		const svg = manifest.icons.find((icon) => icon.type === 'image/svg+xml');
		expect(svg).toBeDefined();
		const svgRes = await request.get(svg!.src);
		expect(svgRes.headers()['content-type']).toBe('image/svg+xml');
		expect(await svgRes.text()).toContain('<svg');
	});

	// Playwright's usual contexts are incognito, which Chromium never offers to install: this test
	// opens a persistent profile, like a real browser window.
	test('Chromium finds no installability error', async ({ playwright, baseURL }) => {
		const profile = mkdtempSync(join(tmpdir(), 'schedario-install-'));
		const launch = test.info().project.use.launchOptions ?? {};
		const context = await playwright.chromium.launchPersistentContext(profile, {
			executablePath: launch.executablePath,
			args: launch.args,
			baseURL
		});
		try {
			const page = context.pages()[0] ?? (await context.newPage());
			await gotoApp(page, '/clients');
			await waitForServiceWorkerControl(page);
			const cdp = await context.newCDPSession(page);
			const manifest = await cdp.send('Page.getAppManifest');
			expect(manifest.errors).toEqual([]);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	});
});

test.describe('service worker', () => {
	test('after the first visit the app opens offline, deep links included', async ({
		page,
		context
	}) => {
		await gotoApp(page, '/clients');
		const scriptURL = await waitForServiceWorkerControl(page);
		expect(new URL(scriptURL).pathname).toBe('/service-worker.js');
		const apiOnline = await page.evaluate(() => fetch('/api/v1/probe').then((r) => r.status));
		expect(apiOnline).toBe(404);

		await context.setOffline(true);
		try {
			const reloaded = await page.reload();
			expect(reloaded?.fromServiceWorker()).toBe(true);
			await waitForAppReady(page);
			await expect(page.getByRole('main')).toBeVisible();

			for (const path of ['/clients/new', '/settings']) {
				const res = await page.goto(withEnglish(path));
				expect(res?.fromServiceWorker(), path).toBe(true);
				await waitForAppReady(page);
				await expect(page.getByRole('main')).toBeVisible();
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			}

			// Work goes on with no network: a client created offline is saved locally, her card
			// opens from a deep link after an offline reload, and the list finds her.
			await page.goto(withEnglish('/clients/new'));
			await waitForAppReady(page);
			await page.getByLabel('First name').fill('Lucia');
			await page.getByLabel('Last name').fill('Offline');
			await page.getByLabel('Phone', { exact: true }).fill('347 765 4321');
			await page.getByRole('button', { name: 'Save' }).click();
			const name = page.getByRole('heading', { level: 1, name: 'Lucia Offline', exact: true });
			await expect(name).toBeVisible();
			const card = page.url();
			expect(card).toMatch(/\/clients\/[0-9a-f-]{36}/);
			const again = await page.goto(card);
			expect(again?.fromServiceWorker()).toBe(true);
			await waitForAppReady(page);
			await expect(name).toBeVisible();
			await page.goto(withEnglish('/clients'));
			await waitForAppReady(page);
			await page.getByRole('searchbox', { name: 'Search clients' }).fill('4321');
			await expect(page.getByRole('link', { name: 'Lucia Offline', exact: true })).toBeVisible();

			// The sync API is never answered from a cache: offline it fails.
			const apiOffline = await page.evaluate(() =>
				fetch('/api/v1/probe').then(
					() => 'answered',
					() => 'network error'
				)
			);
			expect(apiOffline).toBe('network error');
		} finally {
			await context.setOffline(false);
		}
	});

	test('a first install broken by one failed download is tried again, without a reload', async ({
		page,
		context
	}) => {
		// The worker's first download of a build file dies as on a dropping Wi-Fi: that throws the
		// whole install away, and the browser alone would not try again before the next page load.
		const fetched: string[] = [];
		let broken = '';
		await context.route('**/_app/immutable/**', async (route) => {
			if (!route.request().serviceWorker()) return route.continue();
			const url = route.request().url();
			fetched.push(url);
			if (!broken) {
				broken = url;
				return route.abort('connectionreset');
			}
			return route.continue();
		});
		await gotoApp(page, '/clients');
		await page.evaluate(() => ((window as unknown as { firstLoad: boolean }).firstLoad = true));
		await expect
			.poll(() =>
				page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null)
			)
			.toBeNull();
		expect(broken).not.toBe('');

		// The app installs again by itself; the same page is then controlled and was not reloaded.
		await waitForServiceWorkerControl(page, 45_000);
		expect(fetched.filter((url) => url === broken)).toHaveLength(2);
		expect(await page.evaluate(() => 'firstLoad' in window)).toBe(true);
		await expect(
			page.getByRole('status').filter({ hasText: 'The app now works offline' })
		).toBeVisible();
	});

	test('a new version waits until "Reload" in the update prompt activates it', async ({ page }) => {
		await gotoApp(page, '/clients');
		await waitForServiceWorkerControl(page);

		// The same build under another script URL is, to the browser, a new version: it installs
		// and then waits, because our worker only skips waiting when asked.
		await page.evaluate(() => navigator.serviceWorker.register('/service-worker.js?v=next'));
		const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
		await expect(prompt).toBeVisible();
		const waiting = await page.evaluate(
			async () => (await navigator.serviceWorker.getRegistration())?.waiting?.scriptURL ?? null
		);
		expect(waiting).toContain('?v=next');
		await page.evaluate(() => ((window as unknown as { stale: boolean }).stale = true));

		await prompt.getByRole('button', { name: 'Reload' }).click();
		// Evaluating while the tab reloads can hit a destroyed context: count that as "not yet".
		const controller = () =>
			page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '').catch(() => '');
		await expect.poll(controller).toContain('?v=next');
		await waitForAppReady(page);
		// A fresh document: the flag set on the old one is gone, so the tab really reloaded.
		expect(await page.evaluate(() => 'stale' in window)).toBe(false);
		// No "prompt is gone" check: the reloaded app registers '/service-worker.js' again, which
		// differs from the probe URL, so the browser rightly offers that as the next update.
	});
});
