// The load generator's own process (issue 8 item 6). bench/server-load.ts forks it with a plan
// (devices, tokens, documents, loopback origins, duration) over IPC, so its 200 fetch loops and
// 200 streams do not share the bench runner's event loop and neither starves nor distorts the
// other. It stays bounded: loopback origins only, a capped device count and duration, and a hard
// exit if the parent never hears back. Messages: `started` when the timed part begins, then
// `result` (or `error`).
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import { HybridClock } from '../src/lib/domain/hlc';
import { newDeviceId } from '../src/lib/domain/ids';
import { pushResponseSchemaFor } from '../src/lib/domain/sync-protocol';

export const MAX_GENERATOR_DEVICES = 1000;
export const MAX_GENERATOR_MS = 120_000;
/** Time allowed on top of the run for setting up (streams, first pushes) on a loaded machine. */
export const GENERATOR_SETUP_MS = 300_000;

export interface GeneratorPlan {
	origins: string[];
	salonId: string;
	devices: Array<{ id: string; token: string; docs: Record<string, unknown>[] }>;
	durationMs: number;
}

export interface GeneratorResult {
	accepted: number;
	conflicts: number;
	changesPerSecond: number;
	pushMs: number[];
	events: number;
	failures: number;
	/** CPU seconds this process used during the timed part. */
	cpuSeconds: number;
	pid: number;
}

export type GeneratorMessage =
	| { type: 'started' }
	| { type: 'result'; result: GeneratorResult }
	| { type: 'error'; message: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Throws unless the plan only targets loopback and stays within the bounds. */
export function checkPlan(plan: GeneratorPlan): GeneratorPlan {
	for (const origin of plan.origins) {
		const url = new URL(origin);
		if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
			throw new Error(`The load generator only targets loopback, not ${origin}`);
		}
	}
	if (plan.origins.length === 0) throw new Error('The load generator needs a server');
	if (plan.devices.length < 1 || plan.devices.length > MAX_GENERATOR_DEVICES) {
		throw new Error(`The load generator runs 1–${MAX_GENERATOR_DEVICES} devices`);
	}
	if (!(plan.durationMs > 0 && plan.durationMs <= MAX_GENERATOR_MS)) {
		throw new Error(`The load generator runs for at most ${MAX_GENERATOR_MS} ms`);
	}
	return plan;
}

interface Device {
	id: string;
	token: string;
	clock: HybridClock;
	docs: Record<string, unknown>[];
}

interface Answer {
	status: number;
	text: string;
	retryAfter: string | undefined;
}

// node:http with one keep-alive agent rather than fetch: undici's web streams, body cloning and
// per-request controllers were a third of this process's CPU (profiled with
// BENCH_GENERATOR_NODE_ARGS=--cpu-prof), CPU the server then did not get on a 2-core machine.
// On the wire it is the same: the same JSON bodies, headers and keep-alive connections.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function post(url: string, token: string, body: unknown): Promise<Answer> {
	const payload = Buffer.from(JSON.stringify(body));
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				method: 'POST',
				agent,
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': payload.length,
					Authorization: `Bearer ${token}`
				}
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						text: Buffer.concat(chunks).toString('utf8'),
						retryAfter: res.headers['retry-after'] as string | undefined
					})
				);
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/** Counts the complete `change` events in `buffer`; returns what is left of an unfinished one. */
export function countChangeEvents(buffer: string, onEvent: () => void): string {
	let start = 0;
	for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
		if (buffer.startsWith('event: change\n', start)) onEvent();
		start = end + 2;
	}
	return buffer.slice(start);
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
	if (res.status !== 201 && res.status !== 200) throw new Error(`stream ticket → ${res.status}`);
	const { ticket } = JSON.parse(res.text) as { ticket: string };
	const url = `${origin}/api/v1/salons/${salonId}/stream?ticket=${encodeURIComponent(ticket)}`;
	await new Promise<void>((resolve, reject) => {
		// Its own connection (no agent): a stream holds its socket for the whole run.
		const req = http.get(url, { signal }, (stream) => {
			if (stream.statusCode !== 200) {
				stream.resume();
				return reject(new Error(`stream → ${stream.statusCode}`));
			}
			stream.setEncoding('utf8');
			// Every event is read off the socket; only its first line is looked at.
			let rest = '';
			stream.on('data', (chunk: string) => {
				rest = countChangeEvents(rest + chunk, onEvent);
			});
			stream.on('error', () => {
				// aborted at the end of the run
			});
			resolve();
		});
		req.on('error', (error) => (signal.aborted ? resolve() : reject(error)));
	});
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

export async function generate(
	plan: GeneratorPlan,
	onStarted: () => void = () => {}
): Promise<GeneratorResult> {
	const { origins, salonId, durationMs } = checkPlan(plan);
	const devices: Device[] = plan.devices.map((d) => ({
		...d,
		clock: new HybridClock(newDeviceId())
	}));
	const originOf = (i: number) => origins[i % origins.length]!;
	const abort = new AbortController();
	// Every stream listens on it.
	setMaxListeners(devices.length + 10, abort.signal);
	const result: GeneratorResult = {
		accepted: 0,
		conflicts: 0,
		changesPerSecond: 0,
		pushMs: [],
		events: 0,
		failures: 0,
		cpuSeconds: 0,
		pid: process.pid
	};
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
				if (res.status !== 200) throw new Error(`first push → ${res.status} ${res.text}`);
			})
		);
		onStarted();
		const started = performance.now();
		const until = started + durationMs;
		const cpu0 = process.cpuUsage();
		await Promise.all(
			devices.map(async (d, i) => {
				const url = `${originOf(i)}/api/v1/salons/${salonId}/clients/push`;
				for (let round = 1; performance.now() < until; round++) {
					const rows = nextRows(d, round);
					const t0 = performance.now();
					let res: Answer;
					try {
						res = await post(url, d.token, { rows });
					} catch {
						// A connection dropped under load (a keep-alive socket closed as it was reused):
						// counted, and the device goes on from the state it last knew (a conflict, if it landed).
						result.failures++;
						continue;
					}
					if (res.status === 429) {
						const wait = Number(res.retryAfter ?? '1') * 1000;
						await new Promise((r) => setTimeout(r, wait));
						continue;
					}
					if (res.status !== 200) {
						result.failures++;
						continue;
					}
					result.pushMs.push(performance.now() - t0);
					const answer = schema.parse(JSON.parse(res.text));
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
		result.changesPerSecond = result.accepted / ((performance.now() - started) / 1000);
		const own = process.cpuUsage(cpu0);
		result.cpuSeconds = (own.user + own.system) / 1e6;
	} finally {
		abort.abort();
		agent.destroy();
	}
	return result;
}

// Run as a forked child: one plan in, `started` and one `result` out, then exit.
if (process.send && process.argv[1]?.endsWith('load-generator.ts')) {
	const send = (m: GeneratorMessage) =>
		new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()));
	process.once('message', (plan: GeneratorPlan) => {
		// Whatever happens, this process does not outlive its plan by long.
		setTimeout(
			() => process.exit(2),
			Math.min(Number(plan.durationMs) || 0, MAX_GENERATOR_MS) + GENERATOR_SETUP_MS
		).unref();
		generate(plan, () => void send({ type: 'started' })).then(
			async (result) => {
				await send({ type: 'result', result });
				process.exit(0);
			},
			async (error: unknown) => {
				await send({ type: 'error', message: String((error as Error)?.message ?? error) });
				process.exit(1);
			}
		);
	});
}
