// `npm run bench`: runs every module in bench/modules/*.bench.ts against the built app, the
// real sync server on loopback and Debian's Chromium; prints ONE table and writes
// bench/results.json. See bench/README.md.
//   BENCH_SCALE  full (default) or toy (a few hundred clients: checks that it works)
//   BENCH_ONLY   comma-separated module names to run (default: all)
//   BENCH_PORT   first port of the bench's range (default 4470; modules use the next ten)
//   STATIC_DIR   the built app the server serves (default build)
//   BENCH_RESULTS where to write the results (default bench/results.json)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext } from './context';
import { launchChromium, startServer } from './harness';
import { formatTable, ratio } from './stats';
import type { BenchModule, BenchRow, Scale } from './types';

const SCALE: Scale = process.env.BENCH_SCALE === 'toy' ? 'toy' : 'full';
const PORT = Number(process.env.BENCH_PORT ?? 4470);
const ONLY = (process.env.BENCH_ONLY ?? '')
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);
const MODULES_DIR = join(import.meta.dirname, 'modules');
const RESULTS = process.env.BENCH_RESULTS ?? join(import.meta.dirname, 'results.json');

export async function loadModules(only: readonly string[] = []): Promise<BenchModule[]> {
	const files = readdirSync(MODULES_DIR).filter((f) => f.endsWith('.bench.ts'));
	const modules: BenchModule[] = [];
	for (const file of files) {
		const name = file.slice(0, -'.bench.ts'.length);
		if (only.length > 0 && !only.includes(name)) continue;
		const mod = (await import(pathToFileURL(join(MODULES_DIR, file)).href)) as {
			default?: BenchModule;
		};
		if (!mod.default || typeof mod.default.run !== 'function') {
			throw new Error(`${file}: the default export is not a BenchModule`);
		}
		modules.push(mod.default);
	}
	return modules.sort(
		(a, b) => (a.order ?? 100) - (b.order ?? 100) || a.name.localeCompare(b.name)
	);
}

function chromiumVersion(): string {
	try {
		return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		return 'unknown';
	}
}

function writeResults(r: {
	rows: BenchRow[];
	durations: Record<string, number>;
	failed: string[];
	complete: boolean;
	started: number;
}): void {
	mkdirSync(dirname(RESULTS), { recursive: true });
	writeFileSync(
		RESULTS,
		JSON.stringify(
			{
				date: new Date().toISOString(),
				scale: SCALE,
				complete: r.complete,
				seconds: Math.round((performance.now() - r.started) / 1000),
				machine: {
					cpus: cpus().length,
					cpu: cpus()[0]?.model,
					memGiB: Math.round(totalmem() / 2 ** 30),
					node: process.version,
					chromium: chromiumVersion()
				},
				durations: r.durations,
				failed: r.failed,
				rows: r.rows.map((row) => ({ ...row, ratio: ratio(row) }))
			},
			null,
			2
		) + '\n'
	);
}

async function main(): Promise<void> {
	const started = performance.now();
	const modules = await loadModules(ONLY);
	const tmpDir = mkdtempSync(join(tmpdir(), 'schedario-bench-'));
	const server = await startServer({
		port: PORT,
		host: '127.0.0.1',
		dataDir: join(tmpDir, 'server'),
		staticDir: process.env.STATIC_DIR
	});
	const browser = await launchChromium();
	const ctx = createContext({
		scale: SCALE,
		baseUrl: `http://localhost:${PORT}`,
		browser,
		basePort: PORT,
		tmpDir
	});
	const rows: BenchRow[] = [];
	const failed: string[] = [];
	const durations: Record<string, number> = {};
	try {
		for (const mod of modules) {
			const t0 = performance.now();
			ctx.log(`${mod.name}…`);
			try {
				rows.push(...(await mod.run(ctx)));
			} catch (error) {
				failed.push(mod.name);
				ctx.log(`${mod.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
			}
			durations[mod.name] = Math.round((performance.now() - t0) / 1000);
			ctx.log(`${mod.name} done in ${durations[mod.name]} s`);
			// After every module, so a long run that is stopped keeps what it measured.
			writeResults({ rows, durations, failed, complete: false, started });
		}
	} finally {
		await ctx.close();
		await browser.close();
		server.kill('SIGTERM');
		rmSync(tmpDir, { recursive: true, force: true });
	}
	console.log(formatTable(rows));
	const seconds = Math.round((performance.now() - started) / 1000);
	console.log(
		`\n${SCALE} scale, ${seconds} s${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}`
	);
	writeResults({ rows, durations, failed, complete: true, started });
	// The smoke run in `npm test` relies on this: a module that threw, or a figure that is not a
	// number (no samples, a NaN from a broken measurement), fails the run.
	const empty = rows.filter((r) => !Number.isFinite(r.ours.p50)).map((r) => r.name);
	if (empty.length > 0) console.error(`no figure for: ${empty.join('; ')}`);
	if (failed.length > 0 || empty.length > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
