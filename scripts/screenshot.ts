// Takes docs/screenshot.png for the README: the built app with a few sample clients, typed in
// through the real new-client form (no shortcut into the database).
//   npm run build && node --import tsx scripts/screenshot.ts
//   BUILD_DIR (default build), SCREENSHOT_PORT (default 4498)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { generateClientFields } from '../tests/fixtures/clients';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4498);
const BASE = `http://localhost:${PORT}`;
const SAMPLES = 9;

async function startServer(dataDir: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
		env: {
			...process.env,
			PORT: String(PORT),
			DATA_DIR: dataDir,
			STATIC_DIR: process.env.BUILD_DIR ?? 'build',
			LOG_LEVEL: 'warn'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const isUp = await fetch(`${BASE}/healthz`).then(
			(res) => res.ok,
			() => false // not listening yet
		);
		if (isUp) return child;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill();
	throw new Error('the server did not start');
}

const dataDir = mkdtempSync(join(tmpdir(), 'schedario-shot-'));
const server = await startServer(dataDir);
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-background-networking'
	]
});
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
	const ready = () => page.waitForFunction(() => document.body.dataset.ready === 'true');
	const samples = generateClientFields(SAMPLES, { seed: 7 });
	const last = samples.at(-1)?.lastName ?? '';
	for (const client of samples) {
		await page.goto(`${BASE}/clients/new?lang=en`);
		await ready();
		await page.locator('#cf-firstName').fill(client.firstName);
		await page.locator('#cf-lastName').fill(client.lastName);
		// The generator makes some numbers no carrier uses; the form would rightly refuse them.
		const phone = client.phones[0]?.e164;
		if (phone && isValidPhoneNumber(phone)) await page.locator('#cf-phone-0').fill(phone);
		const email = client.emails[0];
		if (email) await page.locator('#cf-email-0').fill(email);
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await page.waitForURL((url) => url.pathname !== '/clients/new');
	}
	await page.goto(`${BASE}/clients?lang=en`);
	await ready();
	await page.getByText(last, { exact: false }).first().waitFor();
	mkdirSync('docs', { recursive: true });
	await page.screenshot({ path: 'docs/screenshot.png' });
	console.log('[screenshot] docs/screenshot.png');
} finally {
	await browser.close();
	server.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
}
