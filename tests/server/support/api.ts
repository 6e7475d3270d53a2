// Harness for the HTTP API tests: a real createApp on an ephemeral port over a real storage
// (SQLite in a temp dir, or PostgreSQL from the throwaway cluster), a clock the test can move,
// and small helpers to create salons, pair devices and build wire documents.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyClientFields } from '../../../src/lib/domain/client.js';
import { formatHlc } from '../../../src/lib/domain/hlc.js';
import { createApp, type App } from '../../../sync-server/src/app.js';
import { parseConfig, type Config } from '../../../sync-server/src/config.js';
import { createLogger } from '../../../sync-server/src/log.js';
import { openPostgresStorage } from '../../../sync-server/src/storage/postgres.js';
import { openSqliteStorage } from '../../../sync-server/src/storage/sqlite.js';
import type { SyncStorage } from '../../../sync-server/src/storage/types.js';
import { startPostgres } from './postgres.js';

export interface Backend {
	/** A fresh, migrated storage with its own data. */
	open(): Promise<SyncStorage>;
	/** Removes everything the backend made (temp dirs, the database cluster). */
	dispose(): Promise<void>;
	/** PostgreSQL only: a fresh database that several storages (server instances) can share. */
	newDatabaseUrl?: () => Promise<string>;
}

export type BackendName = 'sqlite' | 'postgres';
/** Every storage the API tests run against. */
export const BACKENDS: BackendName[] = ['sqlite', 'postgres'];

export async function makeBackend(name: BackendName): Promise<Backend> {
	return name === 'sqlite' ? sqliteBackend() : postgresBackend();
}

async function migrated(storage: SyncStorage): Promise<SyncStorage> {
	await storage.migrate();
	return storage;
}

/** One throwaway cluster per test file, one database per storage opened. */
export async function postgresBackend(): Promise<Backend> {
	const cluster = await startPostgres();
	let n = 0;
	const newDatabaseUrl = () => cluster.createDatabase(`api_${process.pid}_${++n}`);
	return {
		newDatabaseUrl,
		open: async () => migrated(await openPostgresStorage({ url: await newDatabaseUrl() })),
		dispose: () => cluster.stop()
	};
}

export function sqliteBackend(): Backend {
	const dir = mkdtempSync(join(tmpdir(), 'schedario-api-'));
	let n = 0;
	return {
		open: async () => migrated(await openSqliteStorage({ file: join(dir, `db-${++n}.sqlite`) })),
		dispose: async () => rmSync(dir, { recursive: true, force: true })
	};
}

export interface TestServer {
	url: string;
	app: App;
	storage: SyncStorage;
	/** Moves the server's clock forward (pairing expiry, rate-limit refill, clock drift). */
	advance(ms: number): void;
	now(): number;
	logs: Array<Record<string, unknown>>;
	stop(): Promise<void>;
}

export async function startServer(
	storage: SyncStorage,
	env: Record<string, string> = {},
	opts: { pingIntervalMs?: number; ownsStorage?: boolean; frozenClock?: boolean } = {}
): Promise<TestServer> {
	const parsed = parseConfig({ PORT: '0', HOST: '127.0.0.1', ...env }, tmpdir());
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	const dataDir = mkdtempSync(join(tmpdir(), 'schedario-api-data-'));
	const config: Config = { ...parsed.config, dataDir, staticDir: join(dataDir, 'no-build') };
	let offset = 0;
	// A frozen clock moves only by advance(): a test counting tokens of a rate limit must not
	// see a slow machine refill the bucket between two requests.
	const start = Date.now();
	const now = opts.frozenClock ? () => start + offset : () => Date.now() + offset;
	const logs: Array<Record<string, unknown>> = [];
	const log = createLogger('info', (_level, line) => logs.push(JSON.parse(line)));
	const app = createApp({ config, log, storage, now, pingIntervalMs: opts.pingIntervalMs });
	const server: Server = createServer(app.handler);
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		app,
		storage,
		advance: (ms) => (offset += ms),
		now,
		logs,
		async stop() {
			await app.close();
			server.closeAllConnections();
			await new Promise<void>((done) => server.close(() => done()));
			if (opts.ownsStorage !== false) await storage.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

export interface ApiResponse<T = Record<string, unknown>> {
	status: number;
	headers: Headers;
	body: T;
}

export async function api<T = Record<string, unknown>>(
	base: string,
	method: string,
	path: string,
	opts: { token?: string; body?: unknown; raw?: string | Buffer } = {}
): Promise<ApiResponse<T>> {
	const headers: Record<string, string> = {};
	if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
	let payload: string | Uint8Array<ArrayBuffer> | undefined;
	// fetch's BodyInit wants a plain ArrayBuffer-backed view, not a Node Buffer.
	if (typeof opts.raw === 'string') payload = opts.raw;
	else if (opts.raw !== undefined) payload = new Uint8Array(opts.raw);
	else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
	if (payload !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(base + path, { method, headers, body: payload });
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as T };
}

export interface Session {
	salonId: string;
	deviceId: string;
	token: string;
	role: 'owner' | 'staff';
}

export async function createSalon(s: TestServer, salonName = 'Salone Aurora'): Promise<Session> {
	const res = await api<Session>(s.url, 'POST', '/api/v1/salons', {
		body: { salonName, deviceName: 'Reception PC' }
	});
	if (res.status !== 201) throw new Error(`createSalon: ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
}

export async function pairDevice(
	s: TestServer,
	owner: Session,
	deviceName = 'Tablet',
	/** The role the device is paired with (issue 7); the server's default when absent. */
	role?: string
): Promise<Session> {
	const code = await api<{ code: string }>(
		s.url,
		'POST',
		`/api/v1/salons/${owner.salonId}/pairing-codes`,
		{ token: owner.token, ...(role === undefined ? {} : { body: { role } }) }
	);
	const res = await api<Session>(s.url, 'POST', '/api/v1/pair', {
		body: { code: code.body.code, deviceName }
	});
	if (res.status !== 201) throw new Error(`pair: ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
}

let counter = 0;

export function stamp(wallMs: number, node = 'dev1'): string {
	return formatHlc({ wallMs, counter: counter++ % 1000, nodeId: node });
}

/** A live client document as the app pushes it. */
export function clientDoc(
	id: string,
	at: number,
	fields: Partial<ReturnType<typeof emptyClientFields>> = {}
): Record<string, unknown> {
	const f = { ...emptyClientFields(), firstName: 'Maria', lastName: 'Rossi', ...fields };
	return {
		...f,
		id,
		sortName: `${f.lastName} ${f.firstName}`.toLowerCase(),
		createdAt: at,
		createdBy: 'Reception PC',
		updatedAt: at,
		clock: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp(at)])),
		_deleted: false
	};
}

/** The tombstone of a client: no personal data left. */
export function clientTombstone(
	id: string,
	createdAt: number,
	at: number
): Record<string, unknown> {
	return {
		...emptyClientFields(),
		id,
		sortName: '',
		createdAt,
		createdBy: '',
		updatedAt: at,
		clock: { firstName: stamp(at) },
		_deleted: true
	};
}

export function salonPath(salonId: string, rest: string): string {
	return `/api/v1/salons/${salonId}/${rest}`;
}
