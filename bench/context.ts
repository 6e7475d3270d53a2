// The BenchContext the runner gives every module: the real server, one Chromium, and pages
// holding N generated clients, seeded once through the app's real write path and shared.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ClientFields } from '../src/lib/domain/client';
import type { Visit } from '../src/lib/domain/visit';
import { generateClientFields, mulberry32 } from '../tests/fixtures/clients';
import { generateVisits } from '../tests/fixtures/visits';
import type { BenchContext, Scale } from './types';

/** Sizes at toy scale: the nominal size divided by this, at least TOY_MIN. */
const TOY_DIVISOR = 500;
const TOY_MIN = 50;
const SEED_CHUNK = 5_000;
export const BENCH_SEED = 2026;

export function sizeFor(scale: Scale, nominal: number): number {
	return scale === 'full' ? nominal : Math.max(TOY_MIN, Math.round(nominal / TOY_DIVISOR));
}

/** tsx compiles bench files with esbuild's keepNames, so functions passed to page.evaluate call
 *  its `__name` helper, which does not exist in the page. */
export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	await context.addInitScript('globalThis.__name ??= (fn) => fn;');
	return context;
}

/** Opens /clients?bench=1 and waits for the app, its bench hook and the whole book: the list
 *  is usable from its first screen, while the rest of the clients and the visits still load in
 *  the background (src/lib/state/client-load.ts), which must not run under what a module times. */
export async function openClients(context: BrowserContext, baseUrl: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${baseUrl}/clients?lang=en&bench=1`);
	await page.waitForFunction(
		() => {
			const hook = window.__schedarioBench;
			if (document.body.dataset.ready !== 'true' || !hook) return false;
			const phases = hook.startup();
			return phases.ready && phases.visitsReady;
		},
		undefined,
		{ timeout: 120_000 }
	);
	return page;
}

/**
 * The visit histories of seeded clients: two clients in three have 1–3 visits (services,
 * products, statuses and amounts from tests/fixtures/visits.ts), so a 50,000-client book holds
 * ~67,000 visits that the app loads too. Client `index` always gets the same history.
 */
export function visitsFor(ids: readonly string[], firstIndex: number): Visit[] {
	const out: Visit[] = [];
	ids.forEach((clientId, i) => {
		const index = firstIndex + i;
		const rand = mulberry32(BENCH_SEED * 1_000_003 + index);
		if (rand() < 1 / 3) return;
		const count = 1 + Math.floor(rand() * 3);
		const visits = generateVisits(count, { seed: BENCH_SEED + index, clientId });
		visits.forEach((visit, k) => out.push({ ...visit, id: `bench-visit-${index}-${k}` }));
	});
	return out;
}

interface Seeded {
	context: BrowserContext;
	count: number;
}

export interface ContextOptions {
	scale: Scale;
	baseUrl: string;
	browser: Browser;
	basePort: number;
	tmpDir: string;
}

export function createContext(opts: ContextOptions): BenchContext & { close(): Promise<void> } {
	const seeded: Seeded[] = [];
	const owned: BrowserContext[] = [];
	let fields: ClientFields[] = [];
	const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

	// Card i is the same for every count (the generator is sequential), so a context grows.
	const fieldsUpTo = (count: number): ClientFields[] => {
		if (fields.length < count) fields = generateClientFields(count, { seed: BENCH_SEED });
		return fields;
	};

	async function grow(page: Page, entry: Seeded, count: number): Promise<void> {
		const all = fieldsUpTo(count);
		const started = performance.now();
		let visits = 0;
		for (let i = entry.count; i < count; i += SEED_CHUNK) {
			const chunk = all.slice(i, Math.min(count, i + SEED_CHUNK));
			const ids = await page.evaluate((c) => window.__schedarioBench!.seed(c), chunk);
			const history = visitsFor(ids, i);
			await page.evaluate((v) => window.__schedarioBench!.seedVisits(v), history);
			visits += history.length;
		}
		log(
			`seeded ${entry.count} → ${count} clients (${visits} visits) in ${Math.round(performance.now() - started)} ms`
		);
		entry.count = count;
	}

	return {
		scale: opts.scale,
		size: (nominal) => sizeFor(opts.scale, nominal),
		baseUrl: opts.baseUrl,
		browser: opts.browser,
		tmpDir: opts.tmpDir,
		port: (slot) => opts.basePort + 1 + slot,
		log,
		async seededPage(count) {
			// The fullest context not beyond `count` grows to it; otherwise a new one.
			let entry = seeded.filter((s) => s.count <= count).sort((a, b) => b.count - a.count)[0];
			if (!entry) {
				entry = { context: await newBenchContext(opts.browser), count: 0 };
				seeded.push(entry);
			}
			const page = await openClients(entry.context, opts.baseUrl);
			if (entry.count >= count) return page;
			await grow(page, entry, count);
			// A page that has just written thousands of cards is still digesting them (review
			// queue, aggregates, snapshot): modules time a receptionist's page, opened afresh.
			await page.close();
			return openClients(entry.context, opts.baseUrl);
		},
		async freshPage() {
			const context = await newBenchContext(opts.browser);
			owned.push(context);
			return openClients(context, opts.baseUrl);
		},
		async close() {
			for (const s of seeded) await s.context.close().catch(() => undefined);
			for (const c of owned) await c.close().catch(() => undefined);
		}
	};
}
