// `npm run bench`: loads generated clients into a real Chromium through the built app and
// measures what a receptionist feels. Prints a table and writes bench/results.json.
//   BENCH_SIZE   number of clients (default 100000)
//   BENCH_ROUNDS reloads measured for start-up (default 5)
//   BENCH_SYNC_SIZE clients in the first-sync measure (default 50000)
//   BENCH_EDITS  edits timed between two paired browsers (default 100)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateClientFields } from '../tests/fixtures/clients';
import { summarize, printTable, type Row } from './stats';
import { runSyncBench } from './sync-bench';
import { launchChromium, startServer } from './harness';

const SIZE = Number(process.env.BENCH_SIZE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4499);
const SYNC_SIZE = Number(process.env.BENCH_SYNC_SIZE ?? 50_000);
const SYNC_EDITS = Number(process.env.BENCH_EDITS ?? 100);
const CHUNK = 5_000;
const QUERIES = [
	'rossi',
	'maria rossi',
	'nicolo',
	'dangelo',
	'4567',
	'333 12',
	'giulia.bianchi',
	'FC1001',
	'иванова',
	'ferr',
	'sara m'
];

async function waitForList(page: Page): Promise<void> {
	await page.waitForFunction(
		() =>
			document.body.dataset.ready === 'true' &&
			!!document.querySelector('[data-index] a[href^="/clients/"]'),
		undefined,
		{ timeout: 120_000 }
	);
}

async function seed(page: Page): Promise<number> {
	const fields = generateClientFields(SIZE, { seed: 2026 });
	const started = Date.now();
	for (let i = 0; i < fields.length; i += CHUNK) {
		await page.evaluate(
			(chunk) => window.__schedarioBench!.seed(chunk),
			fields.slice(i, i + CHUNK)
		);
	}
	return Date.now() - started;
}

async function measureStartup(page: Page): Promise<number[]> {
	const samples: number[] = [];
	for (let i = 0; i < ROUNDS; i++) {
		await page.reload({ waitUntil: 'commit' });
		await waitForList(page);
		samples.push(await page.evaluate(() => performance.now()));
	}
	return samples;
}

/** Types each query one character at a time into the real search box; per keystroke: input
 * event → Svelte flush → style and layout of the updated list. */
async function measureKeystrokes(page: Page): Promise<{ keystroke: number[]; query: number[] }> {
	return page.evaluate(async (queries) => {
		const input = document.querySelector<HTMLInputElement>('input[type="search"]');
		if (!input) throw new Error('no search box');
		const keystroke: number[] = [];
		const query: number[] = [];
		for (const q of queries) {
			for (let i = 1; i <= q.length; i++) {
				const t0 = performance.now();
				input.value = q.slice(0, i);
				input.dispatchEvent(new Event('input', { bubbles: true }));
				await new Promise((r) => setTimeout(r, 0));
				void document.body.offsetHeight;
				keystroke.push(performance.now() - t0);
			}
			input.value = '';
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await new Promise((r) => setTimeout(r, 0));
		}
		// The query alone, in a pass of its own: interleaved with typing it would replace the
		// index's last result and stop the keystrokes from narrowing it, as real typing does.
		for (const q of queries) {
			for (let i = 1; i <= q.length; i++) {
				query.push(window.__schedarioBench!.timeQuery(q.slice(0, i)));
			}
		}
		return { keystroke, query };
	}, QUERIES);
}

async function main(): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), 'schedario-bench-'));
	const server = await startServer({ port: PORT, dataDir });
	const browser = await launchChromium();
	const rows: Row[] = [];
	try {
		const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
		await page.goto(`http://localhost:${PORT}/clients?lang=en&bench=1`);
		await page.waitForFunction(
			() => document.body.dataset.ready === 'true' && !!window.__schedarioBench
		);
		const seedMs = await seed(page);
		rows.push({
			name: `seed ${SIZE} clients (bulk insert)`,
			unit: 's',
			...summarize([seedMs / 1000])
		});
		await page.goto(`http://localhost:${PORT}/clients?bench=1`);
		const startup = await measureStartup(page);
		rows.push({
			name: `reload → usable list, ${SIZE} clients`,
			unit: 'ms',
			...summarize(startup),
			target: '< 1500 (p50, at 50k)'
		});
		const { keystroke, query } = await measureKeystrokes(page);
		rows.push({
			name: `search keystroke → list updated, ${SIZE} clients`,
			unit: 'ms',
			...summarize(keystroke),
			target: 'p95 < 16'
		});
		rows.push({ name: `search query alone, ${SIZE} clients`, unit: 'ms', ...summarize(query) });
		await page.close();
		rows.push(
			...(await runSyncBench({
				browser,
				baseUrl: `http://localhost:${PORT}`,
				size: SYNC_SIZE,
				edits: SYNC_EDITS
			}))
		);
	} finally {
		await browser.close();
		server.kill('SIGTERM');
		rmSync(dataDir, { recursive: true, force: true });
	}
	printTable(rows);
	writeFileSync(
		join(import.meta.dirname, 'results.json'),
		JSON.stringify({ date: new Date().toISOString(), size: SIZE, rows }, null, 2)
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
