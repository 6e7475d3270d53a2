// Server load (issue 8 item 6), bounded and loopback only: N simulated devices of one salon each
// hold the SSE stream and push edits of their own clients as fast as the server answers, for a
// fixed time. This side provisions, starts the servers and samples their RSS and CPU; the devices
// run in their own process (load-generator.ts) so they do not share this event loop.
// Devices are provisioned straight in the storage before the server starts (pairing 200 devices
// through the API would meet the per-IP pairing limit, which is there on purpose).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import { newId } from '../src/lib/domain/ids';
import { hashToken, newToken } from '../sync-server/src/auth/tokens';
import { openPostgresStorage } from '../sync-server/src/storage/postgres';
import { openSqliteStorage } from '../sync-server/src/storage/sqlite';
import { SQLITE_FILE_NAME } from '../sync-server/src/storage/index';
import type { SyncStorage } from '../sync-server/src/storage/types';
import { startServer } from './harness';
import {
	checkPlan,
	GENERATOR_SETUP_MS,
	type GeneratorMessage,
	type GeneratorPlan,
	type GeneratorResult
} from './load-generator';
import { wireBatches } from './sync-bench';

export interface LoadOptions {
	/** 'sqlite': one server on `ports[0]`; 'postgres': one server per port on `databaseUrl`. */
	storage: 'sqlite' | 'postgres';
	ports: number[];
	dataDir: string;
	databaseUrl?: string;
	devices: number;
	/** Edits per push request. */
	batch: number;
	durationMs: number;
	/** Directory to run the server from (another checkout, for a before/after); this one if unset. */
	serverCwd?: string;
}

export interface LoadResult {
	accepted: number;
	conflicts: number;
	changesPerSecond: number;
	pushMs: number[];
	/** Highest RSS seen per server instance, MiB. */
	rssMiB: number[];
	/** `change` events the devices' streams received. */
	events: number;
	failures: number;
	/** CPU seconds used during the timed part by the servers together, and by this generator. */
	serverCpuSeconds: number;
	generatorCpuSeconds: number;
	/** The generator's own process (not the runner's). */
	generatorPid: number;
}

interface Device {
	id: string;
	token: string;
	docs: Record<string, unknown>[];
}

async function provision(storage: SyncStorage, count: number) {
	await storage.migrate();
	const now = Date.now();
	const salonId = newId(now);
	const devices: Device[] = [];
	for (let i = 0; i < count; i++) {
		const token = newToken();
		const record = {
			id: newId(now),
			salonId,
			name: `Load device ${i + 1}`,
			role: i === 0 ? ('owner' as const) : ('staff' as const),
			tokenHash: hashToken(token),
			createdAt: now,
			lastSeenAt: null,
			revokedAt: null,
			locationId: null
		};
		if (i === 0)
			await storage.createSalon({ id: salonId, name: 'Load salon', createdAt: now }, record);
		else await storage.createDevice(record);
		devices.push({ id: record.id, token, docs: [] });
	}
	await storage.close();
	return { salonId, devices };
}

function rssMiB(pid: number | undefined): number {
	if (!pid) return 0;
	try {
		const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb ? Number(kb) / 1024 : 0;
	} catch {
		return 0;
	}
}

/** User + system CPU seconds of a process so far (Linux /proc, clock ticks of 100 Hz). */
function cpuSeconds(pid: number | undefined): number {
	if (!pid) return 0;
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return 0;
	}
}

/** Forks the generator (bench/load-generator.ts) with `plan`; `onStarted` marks its timed part. */
function runGenerator(plan: GeneratorPlan, onStarted: () => void): Promise<GeneratorResult> {
	checkPlan(plan);
	const child = fork(join(import.meta.dirname, 'load-generator.ts'), [], {
		// BENCH_GENERATOR_NODE_ARGS (e.g. --cpu-prof) profiles the generator like the server's.
		execArgv: [
			...(process.env.BENCH_GENERATOR_NODE_ARGS ?? '').split(' ').filter(Boolean),
			'--import',
			'tsx'
		],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	return new Promise<GeneratorResult>((resolve, reject) => {
		let settled = false;
		const finish = (fn: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(limit);
			fn();
		};
		// Bounded from this side too: a generator that hangs is killed.
		const limit = setTimeout(
			() => {
				child.kill('SIGKILL');
				finish(() => reject(new Error('the load generator did not finish in time')));
			},
			plan.durationMs + GENERATOR_SETUP_MS + 30_000
		);
		child.on('message', (m: GeneratorMessage) => {
			if (m.type === 'started') onStarted();
			else if (m.type === 'result') finish(() => resolve(m.result));
			else finish(() => reject(new Error(`load generator: ${m.message}`)));
		});
		child.once('exit', (code) =>
			finish(() => reject(new Error(`the load generator exited with ${code}`)))
		);
		child.send(plan);
	});
}

export async function runServerLoad(opts: LoadOptions): Promise<LoadResult> {
	const storage =
		opts.storage === 'sqlite'
			? await openSqliteStorage({ file: join(opts.dataDir, SQLITE_FILE_NAME) })
			: await openPostgresStorage({ url: opts.databaseUrl! });
	const { salonId, devices } = await provision(storage, opts.devices);
	// Each device owns `batch` generated clients, created by its first push.
	const docs = wireBatches(opts.devices * opts.batch).flat();
	devices.forEach((d, i) => {
		d.docs = docs.slice(i * opts.batch, (i + 1) * opts.batch);
	});
	const servers: ChildProcess[] = [];
	for (const port of opts.ports) {
		servers.push(
			await startServer({
				port,
				host: '127.0.0.1',
				dataDir: opts.dataDir,
				cwd: opts.serverCwd,
				env: opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}
			})
		);
	}
	const origins = opts.ports.map((p) => `http://127.0.0.1:${p}`);
	const rss = servers.map(() => 0);
	const sampler = setInterval(() => {
		servers.forEach((s, i) => {
			rss[i] = Math.max(rss[i]!, rssMiB(s.pid));
		});
	}, 200);
	let serverCpu0 = 0;
	try {
		const plan: GeneratorPlan = {
			origins,
			salonId,
			devices: devices.map(({ id, token, docs }) => ({ id, token, docs })),
			durationMs: opts.durationMs
		};
		const g = await runGenerator(plan, () => {
			serverCpu0 = servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0);
		});
		return {
			accepted: g.accepted,
			conflicts: g.conflicts,
			changesPerSecond: g.changesPerSecond,
			pushMs: g.pushMs,
			rssMiB: rss,
			events: g.events,
			failures: g.failures,
			serverCpuSeconds: servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0) - serverCpu0,
			generatorCpuSeconds: g.cpuSeconds,
			generatorPid: g.pid
		};
	} finally {
		clearInterval(sampler);
		for (const s of servers) s.kill('SIGTERM');
		await Promise.all(
			servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r))))
		);
	}
}
