// Start-up (issue 8 item 5): reload with N local clients to the first usable list (a rendered
// row linking to a card), at 10,000, 50,000 and 100,000 clients; and the gzip size of the
// JavaScript the app shell loads before it can show anything.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { row } from '../stats';
import type { BenchModule, BenchRow } from '../types';

const SIZES = [10_000, 50_000, 100_000];

export async function waitForList(page: Page): Promise<void> {
	await page.waitForFunction(
		() =>
			document.body.dataset.ready === 'true' &&
			!!document.querySelector('[data-index] a[href^="/clients/"]'),
		undefined,
		{ timeout: 120_000 }
	);
}

/** The scripts index.html loads or preloads (module preloads and the inline `import(…)`s). */
export function shellScripts(html: string): string[] {
	const urls = new Set<string>();
	for (const m of html.matchAll(/<link\b[^>]*>/g)) {
		if (!/\brel="modulepreload"/.test(m[0])) continue;
		const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
		if (href) urls.add(href);
	}
	for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(m[1]!);
	for (const m of html.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) urls.add(m[1]!);
	return [...urls];
}

export function shellJsGzipBytes(staticDir: string): number {
	const html = readFileSync(join(staticDir, 'index.html'), 'utf8');
	let bytes = 0;
	for (const url of shellScripts(html)) {
		bytes += gzipSync(readFileSync(join(staticDir, url.replace(/^\//, '')))).length;
	}
	return bytes;
}

const startup: BenchModule = {
	name: 'startup',
	order: 10,
	async run(ctx) {
		const rounds = ctx.scale === 'full' ? 5 : 2;
		const rows: BenchRow[] = [];
		for (const nominal of SIZES) {
			const size = ctx.size(nominal);
			const page = await ctx.seededPage(size);
			const samples: number[] = [];
			const whole: number[] = [];
			for (let i = 0; i < rounds; i++) {
				await page.reload({ waitUntil: 'commit' });
				await waitForList(page);
				samples.push(await page.evaluate(() => performance.now()));
				// The list shows its first screen before the rest of the book is read
				// (src/lib/state/client-load.ts): search and other sorts wait for the whole book.
				await page.waitForFunction(
					() => !!document.querySelector('[data-book="whole"]'),
					undefined,
					{
						timeout: 120_000
					}
				);
				whole.push(await page.evaluate(() => performance.now()));
			}
			await page.close();
			rows.push(
				row(`reload → usable list, ${size} clients`, 'ms', samples, {
					target: nominal === 50_000 ? '< 1500' : undefined
				}),
				row(`reload → whole book in memory (search ready), ${size} clients`, 'ms', whole)
			);
		}
		const staticDir = resolve(process.env.STATIC_DIR ?? 'build');
		rows.push(row('app shell initial JS (gzip)', 'KiB', [shellJsGzipBytes(staticDir) / 1024]));
		return rows;
	}
};

export default startup;
