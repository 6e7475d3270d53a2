// Server load (issue 8 item 6): 200 simulated devices holding the SSE stream and pushing edits,
// on SQLite (one server) and on PostgreSQL (two server instances sharing one database, the
// devices split between them). bench/server-load.ts is the generator.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres } from '../../tests/server/support/postgres';
import { runServerLoad, type LoadResult } from '../server-load';
import { row } from '../stats';
import type { BenchContext, BenchModule, BenchRow } from '../types';

const BATCH = 10;
const SQLITE_ROUNDS = 3;

function rowsOf(label: string, devices: number, rounds: LoadResult[], sqlite: boolean): BenchRow[] {
	return [
		row(
			`server ${label}: accepted changes/s, ${devices} devices streaming`,
			'changes/s',
			rounds.map((r) => r.changesPerSecond),
			{
				target: sqlite ? '≥ 5000' : undefined
			}
		),
		row(
			`server ${label}: push of ${BATCH} edits → answer`,
			'ms',
			rounds.flatMap((r) => r.pushMs)
		),
		row(
			`server ${label}: RSS (highest, per instance)`,
			'MiB',
			rounds.flatMap((r) => r.rssMiB),
			{
				target: sqlite ? '< 300' : undefined
			}
		)
	];
}

async function load(
	ctx: BenchContext,
	storage: 'sqlite' | 'postgres',
	ports: number[],
	databaseUrl?: string,
	round = 0
) {
	const devices = ctx.scale === 'full' ? 200 : 10;
	const dataDir = join(ctx.tmpDir, `load-${storage}-${round}`);
	mkdirSync(dataDir, { recursive: true });
	const result = await runServerLoad({
		storage,
		ports,
		dataDir,
		databaseUrl,
		devices,
		batch: BATCH,
		durationMs: ctx.scale === 'full' ? 15_000 : 2_000,
		// A/B against another checkout's server (e.g. main's) with the same generator.
		serverCwd: process.env.BENCH_SERVER_CWD || undefined
	});
	ctx.log(
		`server ${storage}: ${result.accepted} accepted, ${result.conflicts} conflicts, ${result.failures} failed pushes, ${result.events} stream events; CPU s: server ${result.serverCpuSeconds.toFixed(1)}, generator ${result.generatorCpuSeconds.toFixed(1)}`
	);
	return { devices, result };
}

const serverLoad: BenchModule = {
	name: 'server-load',
	order: 60,
	async run(ctx) {
		const rows: BenchRow[] = [];
		// One 15-second run varied by ~15% between quiet runs of the whole bench (4,336–5,262
		// changes/s on the same build): the target is judged on the median of three, each on a
		// fresh database.
		const sqlite: LoadResult[] = [];
		let devices = 0;
		for (let round = 0; round < (ctx.scale === 'full' ? SQLITE_ROUNDS : 1); round++) {
			const r = await load(ctx, 'sqlite', [ctx.port(3)], undefined, round);
			devices = r.devices;
			sqlite.push(r.result);
		}
		rows.push(...rowsOf('SQLite', devices, sqlite, true));
		const pg = await startPostgres();
		try {
			const url = await pg.createDatabase('schedario_load');
			const two = await load(ctx, 'postgres', [ctx.port(4), ctx.port(5)], url);
			rows.push(...rowsOf('PostgreSQL ×2 instances', two.devices, [two.result], false));
		} finally {
			await pg.stop();
		}
		return rows;
	}
};

export default serverLoad;
