// Import of 50,000 rows (issue 5) in Chromium through the real page: a generated CSV chosen in
// /import, time until the preview shows its counts (read + parse in the worker, duplicates
// against the salon), then time until the commit is done (batches written, all or nothing),
// with the longest frame gap on the page meanwhile (the page must stay responsive).
import type { Page } from '@playwright/test';
import { generateClientFields } from '../../tests/fixtures/clients';
import { row } from '../stats';
import type { BenchModule } from '../types';

function csvOf(size: number): Buffer {
	const lines = ['Nome;Cognome;Cellulare;Email;Sesso;Data di nascita;Città'];
	for (const [i, f] of generateClientFields(size, { seed: 5050 }).entries()) {
		const birth = f.birthDate?.startsWith('--')
			? `${f.birthDate.slice(5)}/${f.birthDate.slice(2, 4)}`
			: f.birthDate
				? `${f.birthDate.slice(8)}/${f.birthDate.slice(5, 7)}/${f.birthDate.slice(0, 4)}`
				: '';
		lines.push(
			[
				f.firstName,
				`${f.lastName}${i}`,
				f.phones[0]?.raw ?? '',
				f.emails[0] ?? '',
				f.gender === 'male' ? 'M' : 'F',
				birth,
				f.address.city
			].join(';')
		);
	}
	return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

async function watchFrames(page: Page): Promise<void> {
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
}

const stopFrames = (page: Page) =>
	page.evaluate(() => {
		const w = window as unknown as { __gap: number; __gapStop: boolean };
		w.__gapStop = true;
		return w.__gap;
	});

const importBench: BenchModule = {
	name: 'import',
	order: 75,
	async run(ctx) {
		const size = ctx.size(50_000);
		const file = csvOf(size);
		const page = await ctx.freshPage();
		await page.goto(`${ctx.baseUrl}/import?lang=en`);
		await page.locator('body[data-ready="true"]').waitFor();
		await watchFrames(page);
		ctx.log(`import: ${size} rows, ${file.length} bytes…`);
		let t0 = Date.now();
		await page.getByLabel('CSV or Excel file').setInputFiles({
			name: 'bench.csv',
			mimeType: 'text/csv',
			buffer: file
		});
		// Generated birthdays are day-first; with every day ≤ 12 the page asks.
		const dayFirst = page.getByRole('radio', { name: /^Day\/month\/year/ });
		const check = page.getByRole('button', { name: 'Check the rows' });
		await check.waitFor({ timeout: 600_000 });
		if (await dayFirst.count()) await dayFirst.check();
		await check.click();
		await page.locator('dt', { hasText: 'New clients' }).waitFor({ timeout: 600_000 });
		const previewMs = Date.now() - t0;
		const previewGap = await stopFrames(page);

		await watchFrames(page);
		t0 = Date.now();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByText(/^Import complete:/).waitFor({ timeout: 900_000 });
		const commitMs = Date.now() - t0;
		const commitGap = await stopFrames(page);
		await page.context().close();
		return [
			row(`import ${size} rows: file chosen → preview`, 'ms', [previewMs]),
			row(`longest frame gap until the preview, ${size} rows`, 'ms', [previewGap]),
			row(`import ${size} rows: commit (batches, undoable)`, 'ms', [commitMs]),
			row(`longest frame gap during the commit, ${size} rows`, 'ms', [commitGap])
		];
	}
};

export default importBench;
