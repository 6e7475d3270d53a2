// The shape every benchmark module has (see bench/README.md › Adding a module). A module is a
// file `bench/modules/<name>.bench.ts` whose default export is a BenchModule; the runner finds
// it by its name, runs it with a BenchContext and puts its rows in the one table.
import type { Browser, Page } from '@playwright/test';

export type Scale = 'full' | 'toy';

export interface BenchContext {
	/** `full` for `npm run bench`; `toy` (BENCH_SCALE=toy) for a quick check and the smoke test. */
	scale: Scale;
	/** The size to use for a nominal size: `size(100_000)` is 100,000 at full scale and a few
	 *  hundred at toy scale. Always name figures with the nominal size and give the real one. */
	size(nominal: number): number;
	/** Origin of the real sync server (loopback) that serves the built app and the sync API. */
	baseUrl: string;
	/** Debian's Chromium, shared by all modules; open your own contexts and close them. */
	browser: Browser;
	/** A page on /clients?bench=1 of a browser context holding `count` generated clients (seed
	 *  2026, tests/fixtures/clients.ts), seeded once and shared: read, do not change its data.
	 *  Close the page when done, not its context. */
	seededPage(count: number): Promise<Page>;
	/** A page on /clients?bench=1 in a fresh, empty browser context; close its context. */
	freshPage(): Promise<Page>;
	/** A loopback port of the bench's own range for a server a module starts (0…9). */
	port(slot: number): number;
	/** A scratch directory, removed at the end of the run. */
	tmpDir: string;
	/** Progress on stderr (the table goes to stdout). */
	log(message: string): void;
}

export interface Summary {
	n: number;
	p50: number;
	p95: number;
	max: number;
}

export interface BenchRow {
	/** What was measured, with its size: "search query, 100,000 clients". */
	name: string;
	unit: string;
	/** Schedario's figure. */
	ours: Summary;
	/** The alternative measured in the same run on the same data, if any. */
	peer?: { name: string } & Summary;
	/** true for throughputs (docs/s): the ratio is then ours / peer instead of peer / ours. */
	higherIsBetter?: boolean;
	/** The target from DESIGN.md › Performance targets, as text. */
	target?: string;
}

export interface BenchModule {
	/** Short id, also the file name: `search` for bench/modules/search.bench.ts. */
	name: string;
	/** Modules run in ascending order (default 100): the built-ins use 10–60. */
	order?: number;
	run(ctx: BenchContext): Promise<BenchRow[]>;
}
