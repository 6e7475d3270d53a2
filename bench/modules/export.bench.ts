// Export of 100,000 clients (issue 5): in Chromium through the real path — the list's Export
// menu, rows built in chunks on the page, the file written in the worker, until the download
// starts — with the longest frame gap on the page meanwhile (the page must not freeze); and the
// pure domain functions in Node (toCsv, toXlsx) on the same generated cards.
import type { Page } from '@playwright/test';
import { toCsv, toXlsx, NO_LOOKUPS } from '../../src/lib/domain/export';
import type { Client } from '../../src/lib/domain/client';
import { exportTranslator } from '../../src/lib/i18n/export-translator';
import { generateClientFields } from '../../tests/fixtures/clients';
import { row } from '../stats';
import type { BenchModule, BenchRow } from '../types';

interface BrowserRun {
	ms: number;
	maxFrameGapMs: number;
	bytes: number;
}

/** Clicks Export → CSV or Excel and times it until the download starts. */
async function exportInPage(page: Page, item: 0 | 1): Promise<BrowserRun> {
	// Frame gaps from requestAnimationFrame while the export runs: a frozen page shows one long gap.
	await page.evaluate(() => {
		const w = window as unknown as { __gap: number; __gapStop: boolean };
		w.__gap = 0;
		w.__gapStop = false;
		let last = performance.now();
		const tick = (now: number) => {
			w.__gap = Math.max(w.__gap, now - last);
			last = now;
			if (!w.__gapStop) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	await page.locator('button[aria-controls="list-export-menu"]').click();
	const t0 = Date.now();
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 600_000 }),
		page.locator('#list-export-menu button').nth(item).click()
	]);
	const ms = Date.now() - t0;
	const maxFrameGapMs = await page.evaluate(() => {
		const w = window as unknown as { __gap: number; __gapStop: boolean };
		w.__gapStop = true;
		return w.__gap;
	});
	const stream = await download.createReadStream();
	let bytes = 0;
	for await (const chunk of stream) bytes += (chunk as Buffer).length;
	return { ms, maxFrameGapMs, bytes };
}

function asClients(size: number): Client[] {
	return generateClientFields(size, { seed: 2026 }).map((fields, i) => ({
		...fields,
		id: `bench-${i}`,
		sortName: '',
		createdAt: 1_763_942_400_000 + i,
		createdBy: '',
		updatedAt: 1_763_942_400_000 + i,
		clock: {}
	}));
}

const exportBench: BenchModule = {
	name: 'export',
	order: 70,
	async run(ctx) {
		const size = ctx.size(100_000);
		const rows: BenchRow[] = [];

		const page = await ctx.seededPage(size);
		for (const [item, format] of [
			[0, 'CSV'],
			[1, 'XLSX']
		] as const) {
			ctx.log(`export: ${format} in Chromium…`);
			const run = await exportInPage(page, item);
			ctx.log(`export: ${format} ${run.bytes} bytes`);
			rows.push(
				row(`export ${size} clients to ${format} in Chromium (click → download)`, 'ms', [run.ms]),
				row(`longest frame gap during the ${format} export, ${size} clients`, 'ms', [
					run.maxFrameGapMs
				])
			);
		}
		await page.close();

		ctx.log('export: domain functions in Node…');
		const clients = asClients(size);
		const opts = { locale: 'it' as const, t: exportTranslator('it'), lookups: NO_LOOKUPS };
		let t0 = performance.now();
		const csv = toCsv(clients, opts);
		const csvMs = performance.now() - t0;
		t0 = performance.now();
		const xlsx = await toXlsx(clients, opts);
		const xlsxMs = performance.now() - t0;
		ctx.log(`export: Node CSV ${csv.length} chars, XLSX ${xlsx.size} bytes`);
		rows.push(
			row(`toCsv ${size} clients in Node`, 'ms', [csvMs]),
			row(`toXlsx ${size} clients in Node`, 'ms', [xlsxMs])
		);
		return rows;
	}
};

export default exportBench;
