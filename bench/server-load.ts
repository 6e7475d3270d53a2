// Server load generator (issue 8 item 6), bounded and loopback only: N simulated devices of one
// salon each hold the SSE stream and push edits of their own clients as fast as the server
// answers, for a fixed time. Reports accepted changes/s, push latency and the server's RSS.
// Devices are provisioned straight in the storage before the server starts (pairing 200 devices
// through the API would meet the per-IP pairing limit, which is there on purpose).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { HybridClock } from '../src/lib/domain/hlc';
import { newDeviceId, newId } from '../src/lib/domain/ids';
import { pushResponseSchemaFor } from '../src/lib/domain/sync-protocol';
import { hashToken, newToken } from '../sync-server/src/auth/tokens';
import { openPostgresStorage } from '../sync-server/src/storage/postgres';
import { openSqliteStorage } from '../sync-server/src/storage/sqlite';
import { SQLITE_FILE_NAME } from '../sync-server/src/storage/index';
import type { SyncStorage } from '../sync-server/src/storage/types';
import { startServer } from './harness';
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
}

interface Device {
	id: string;
	token: string;
	clock: HybridClock;
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
		devices.push({ id: record.id, token, clock: new HybridClock(newDeviceId()), docs: [] });
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

async function post(url: string, token: string, body: unknown): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
		body: JSON.stringify(body)
	});
}

/** Holds the device's stream open and counts `change` events until `signal` aborts. */
async function holdStream(
	origin: string,
	salonId: string,
	device: Device,
	signal: AbortSignal,
	onEvent: () => void
): Promise<void> {
	const res = await post(`${origin}/api/v1/salons/${salonId}/stream-ticket`, device.token, {});
	if (!res.ok) throw new Error(`stream ticket → ${res.status}`);
	const { ticket } = (await res.json()) as { ticket: string };
	const stream = await fetch(
		`${origin}/api/v1/salons/${salonId}/stream?ticket=${encodeURIComponent(ticket)}`,
		{ signal }
	);
	if (!stream.ok || !stream.body) throw new Error(`stream → ${stream.status}`);
	const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
	(async () => {
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				for (const m of value.matchAll(/event: change/g)) if (m) onEvent();
			}
		} catch {
			// aborted at the end of the run
		}
	})();
}

/** The device's next edit of each of its clients, assuming what it pushed last. */
function nextRows(device: Device, round: number) {
	return device.docs.map((doc) => {
		const next: Record<string, unknown> = {
			...doc,
			profession: `Load ${round}`,
			updatedAt: Date.now(),
			clock: { ...(doc.clock as Record<string, string>), profession: device.clock.tick() }
		};
		return { assumedMasterState: doc, newDocumentState: next };
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
	const originOf = (i: number) => origins[i % origins.length]!;
	const abort = new AbortController();
	const result: LoadResult = {
		accepted: 0,
		conflicts: 0,
		changesPerSecond: 0,
		pushMs: [],
		rssMiB: servers.map(() => 0),
		events: 0,
		failures: 0,
		serverCpuSeconds: 0,
		generatorCpuSeconds: 0
	};
	const sampler = setInterval(() => {
		servers.forEach((s, i) => {
			result.rssMiB[i] = Math.max(result.rssMiB[i]!, rssMiB(s.pid));
		});
	}, 200);
	const schema = pushResponseSchemaFor('clients');
	try {
		await Promise.all(
			devices.map((d, i) =>
				holdStream(originOf(i), salonId, d, abort.signal, () => result.events++)
			)
		);
		// First push: every device creates its clients (not timed).
		await Promise.all(
			devices.map(async (d, i) => {
				const rows = d.docs.map((doc) => ({ assumedMasterState: null, newDocumentState: doc }));
				const res = await post(`${originOf(i)}/api/v1/salons/${salonId}/clients/push`, d.token, {
					rows
				});
				if (!res.ok) throw new Error(`first push → ${res.status} ${await res.text()}`);
			})
		);
		const started = performance.now();
		const until = started + opts.durationMs;
		const serverCpu0 = servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0);
		const ownCpu0 = process.cpuUsage();
		await Promise.all(
			devices.map(async (d, i) => {
				const url = `${originOf(i)}/api/v1/salons/${salonId}/clients/push`;
				for (let round = 1; performance.now() < until; round++) {
					const rows = nextRows(d, round);
					const t0 = performance.now();
					const res = await post(url, d.token, { rows });
					const text = await res.text();
					if (res.status === 429) {
						const wait = Number(res.headers.get('Retry-After') ?? '1') * 1000;
						await new Promise((r) => setTimeout(r, wait));
						continue;
					}
					if (!res.ok) {
						result.failures++;
						continue;
					}
					result.pushMs.push(performance.now() - t0);
					const answer = schema.parse(JSON.parse(text));
					const conflicts = answer.conflicts.length;
					result.conflicts += conflicts;
					result.accepted += rows.length - conflicts;
					// A conflict (none expected: each device edits only its own clients) answers with
					// the server's master, which the next edit then assumes.
					const masters = new Map(
						answer.conflicts.map((c) => [(c as { id: string }).id, c as Record<string, unknown>])
					);
					d.docs = rows.map(
						(r) => masters.get(r.newDocumentState.id as string) ?? r.newDocumentState
					);
				}
			})
		);
		const seconds = (performance.now() - started) / 1000;
		result.changesPerSecond = result.accepted / seconds;
		result.serverCpuSeconds = servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0) - serverCpu0;
		const own = process.cpuUsage(ownCpu0);
		result.generatorCpuSeconds = (own.user + own.system) / 1e6;
	} finally {
		clearInterval(sampler);
		abort.abort();
		for (const s of servers) s.kill('SIGTERM');
		await Promise.all(
			servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r))))
		);
	}
	return result;
}
