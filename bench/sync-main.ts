// Standalone run of the sync benchmarks: `node --import tsx bench/sync-main.ts`.
// Builds the app into build-sbench (skip with BENCH_SKIP_BUILD=1), starts the real sync server
// on loopback with a temporary data directory, runs bench/sync-bench.ts in Debian Chromium and
// prints the table.
//   BENCH_SIZE  clients seeded on the server (default 50000)
//   BENCH_EDITS edits timed from one browser to the other (default 100)
//   BENCH_PORT  server port (default 4497)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { printTable } from './stats';
import { runSyncBench } from './sync-bench';
import { launchChromium, startServer } from './harness';

const SIZE = Number(process.env.BENCH_SIZE ?? 50_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 4497);
const ROOT = resolve(import.meta.dirname, '..');
const BUILD_DIR = 'build-sbench';

function build(): void {
	const result = spawnSync('npx', ['vite', 'build'], {
		cwd: ROOT,
		env: { ...process.env, BUILD_DIR, KIT_OUT_DIR: '.svelte-kit-sbench' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (result.status !== 0) throw new Error(`vite build failed (${result.status})`);
}

async function main(): Promise<void> {
	if (process.env.BENCH_SKIP_BUILD !== '1') build();
	const dataDir = mkdtempSync(join(tmpdir(), 'schedario-sbench-'));
	const server = await startServer({
		port: PORT,
		dataDir,
		host: '127.0.0.1',
		staticDir: join(ROOT, BUILD_DIR),
		cwd: ROOT
	});
	const browser = await launchChromium();
	try {
		const rows = await runSyncBench({
			browser,
			baseUrl: `http://127.0.0.1:${PORT}`,
			size: SIZE,
			edits: EDITS
		});
		printTable(rows);
	} finally {
		await browser.close();
		server.kill('SIGTERM');
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
