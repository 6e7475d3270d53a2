// The server that ships the PWA: content types, cache headers, SPA fallback, traversal,
// health check, the reserved /api namespace and configuration errors.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../sync-server/src/config.js';
import { createLogger } from '../../sync-server/src/log.js';
import { listen, type Running } from '../../sync-server/src/main.js';

interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

let tmp: string;
let running: Running;
let port: number;
const logLines: string[] = [];

// fetch() normalises `/../` away before sending, so traversal attempts need a raw request.
function raw(path: string, method = 'GET', headers: Record<string, string> = {}) {
	return new Promise<RawResponse>((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: Buffer.concat(chunks).toString('utf8')
				})
			);
		});
		req.on('error', reject);
		req.end();
	});
}

const SHELL = '<!doctype html><title>Schedario shell</title>';

beforeAll(async () => {
	tmp = mkdtempSync(join(tmpdir(), 'schedario-static-'));
	const site = join(tmp, 'build');
	mkdirSync(join(site, '_app/immutable/entry'), { recursive: true });
	mkdirSync(join(site, 'icons'), { recursive: true });
	writeFileSync(join(site, 'index.html'), SHELL);
	writeFileSync(join(site, '_app/immutable/entry/start.abc123.js'), 'export const x = 1;');
	writeFileSync(join(site, '_app/immutable/entry/app.abc123.css'), 'body{}');
	writeFileSync(join(site, '_app/version.json'), '{"version":"1"}');
	writeFileSync(join(site, 'service-worker.js'), 'self.addEventListener("fetch", () => {});');
	writeFileSync(join(site, 'manifest.webmanifest'), '{"name":"Schedario"}');
	writeFileSync(join(site, 'icons/icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
	writeFileSync(join(site, 'icons/icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
	writeFileSync(join(site, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
	writeFileSync(join(site, 'font.woff2'), Buffer.from('wOF2'));
	writeFileSync(join(site, 'robots.txt'), 'User-agent: *\n');
	writeFileSync(join(tmp, 'secret.txt'), 'outside the static dir');

	const parsed = parseConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug' }, tmp);
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	const config: Config = { ...parsed.config, staticDir: site, dataDir: join(tmp, 'data') };
	running = await listen(
		config,
		createLogger('debug', (_level, line) => logLines.push(line))
	);
	port = Number(new URL(running.url).port);
});

afterAll(async () => {
	await running?.stop();
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('static files', () => {
	it.each([
		['/index.html', 'text/html; charset=utf-8'],
		['/_app/immutable/entry/start.abc123.js', 'text/javascript; charset=utf-8'],
		['/_app/immutable/entry/app.abc123.css', 'text/css; charset=utf-8'],
		['/_app/version.json', 'application/json; charset=utf-8'],
		['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
		['/icons/icon.svg', 'image/svg+xml'],
		['/icons/icon-192.png', 'image/png'],
		['/font.woff2', 'font/woff2'],
		['/favicon.ico', 'image/x-icon'],
		['/robots.txt', 'text/plain; charset=utf-8']
	])('%s is served as %s', async (path, type) => {
		const res = await raw(path);
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe(type);
	});

	it('caches hashed build output forever and revalidates the rest', async () => {
		const immutable = await raw('/_app/immutable/entry/start.abc123.js');
		expect(immutable.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		for (const path of ['/service-worker.js', '/index.html', '/manifest.webmanifest', '/']) {
			const res = await raw(path);
			expect(res.headers['cache-control'], path).toBe('no-cache');
		}
	});

	it('answers a revalidation with 304 when the file did not change', async () => {
		const first = await raw('/service-worker.js');
		const etag = String(first.headers.etag);
		const second = await raw('/service-worker.js', 'GET', { 'If-None-Match': etag });
		expect(second.status).toBe(304);
		expect(second.body).toBe('');
	});

	it('supports HEAD with the same headers and no body', async () => {
		const res = await raw('/manifest.webmanifest', 'HEAD');
		expect(res.status).toBe(200);
		expect(res.headers['content-length']).toBe(String('{"name":"Schedario"}'.length));
		expect(res.body).toBe('');
	});

	it('refuses methods other than GET and HEAD', async () => {
		const res = await raw('/index.html', 'POST');
		expect(res.status).toBe(405);
		expect(res.headers.allow).toBe('GET, HEAD');
	});
});

describe('SPA fallback', () => {
	it.each(['/', '/clients', '/clients/0193a1b2-abcd', '/settings?lang=en'])(
		'%s gets the shell with 200',
		async (path) => {
			const res = await raw(path);
			expect(res.status).toBe(200);
			expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
			expect(res.body).toBe(SHELL);
		}
	);

	it('answers 404 for a missing file that has an extension', async () => {
		for (const path of ['/_app/immutable/missing.js', '/icons/nope.png', '/x.css']) {
			const res = await raw(path);
			expect(res.status, path).toBe(404);
			expect(res.body, path).not.toContain('Schedario shell');
		}
	});
});

describe('path traversal', () => {
	it.each([
		'/../secret.txt',
		'/icons/../../secret.txt',
		'/%2e%2e/secret.txt',
		'/%2E%2E%2Fsecret.txt',
		'/icons/..%2f..%2fsecret.txt',
		'/..%5csecret.txt',
		'/%252e%252e/secret.txt',
		'/icons%00.svg',
		'/%E0%A4%A'
	])('%s never reaches files outside the static dir', async (path) => {
		const res = await raw(path);
		expect([400, 404]).toContain(res.status);
		expect(res.body).not.toContain('outside the static dir');
	});
});

describe('health and API', () => {
	it('GET /healthz answers {"ok":true}', async () => {
		const res = await raw('/healthz');
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(JSON.parse(res.body)).toEqual({ ok: true });
	});

	it('reserves /api/* with a JSON 404 error', async () => {
		const res = await raw('/api/v1/clients/pull', 'POST');
		expect(res.status).toBe(404);
		const body = JSON.parse(res.body) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('not_found');
		expect(body.error.message).toContain('/api/v1/clients/pull');
	});

	it('creates DATA_DIR and logs each request as one JSON line', async () => {
		expect(existsSync(join(tmp, 'data'))).toBe(true);
		await raw('/healthz?probe=log');
		const entry = logLines
			.map((line) => JSON.parse(line) as Record<string, unknown>)
			.find((e) => e.event === 'http.request' && e.path === '/healthz');
		expect(entry).toMatchObject({ level: 'info', method: 'GET', status: 200 });
		// The query may carry a stream ticket: it is never logged.
		expect(logLines.join('\n')).not.toContain('probe=log');
	});
});

describe('configuration', () => {
	it('applies the documented defaults', () => {
		const parsed = parseConfig({}, '/srv/schedario');
		expect(parsed).toEqual({
			ok: true,
			config: {
				port: 4321,
				host: '0.0.0.0',
				dataDir: '/srv/schedario/data',
				staticDir: '/srv/schedario/build',
				logLevel: 'info',
				tls: null,
				databaseUrl: null,
				allowNewSalons: true,
				rateLimitPerSecond: 50
			}
		});
	});

	it('treats empty variables as unset', () => {
		const parsed = parseConfig({ PORT: '', LOG_LEVEL: '' }, '/x');
		expect(parsed.ok && parsed.config.port).toBe(4321);
	});

	it('names every bad variable and its value', () => {
		const parsed = parseConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', TLS_CERT_FILE: 'c.pem' });
		expect(parsed.ok).toBe(false);
		const errors = parsed.ok ? [] : parsed.errors;
		expect(errors).toHaveLength(3);
		expect(errors[0]).toMatch(/^PORT: .*"eighty"/);
		expect(errors[1]).toMatch(/^LOG_LEVEL: must be one of debug, info, warn, error/);
		expect(errors[2]).toMatch(/^TLS_KEY_FILE: HTTPS needs both/);
	});

	it('rejects a port out of range', () => {
		expect(parseConfig({ PORT: '65536' }).ok).toBe(false);
		expect(parseConfig({ PORT: '-1' }).ok).toBe(false);
	});

	it('resolves TLS files when both are given', () => {
		const parsed = parseConfig({ TLS_CERT_FILE: 'c.pem', TLS_KEY_FILE: '/k.pem' }, '/etc/s');
		expect(parsed.ok && parsed.config.tls).toEqual({
			certFile: '/etc/s/c.pem',
			keyFile: '/k.pem'
		});
	});

	it('the server exits 1 with a clear message on a bad value', () => {
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
			env: { ...process.env, PORT: 'abc' },
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('bad configuration');
		expect(result.stderr).toContain('PORT: must be a whole number between 0 and 65535 (got "abc")');
	});
});

// The salon-LAN setup: a certificate made with openssl (as the README shows) switches to HTTPS.
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
describe.skipIf(!hasOpenssl)('HTTPS', () => {
	it('serves over TLS when TLS_CERT_FILE and TLS_KEY_FILE are set', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'schedario-tls-'));
		try {
			const made = spawnSync('openssl', [
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'1',
				'-subj',
				'/CN=localhost',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem')
			]);
			expect(made.status).toBe(0);
			const parsed = parseConfig(
				{ PORT: '0', HOST: '127.0.0.1', TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: 'key.pem' },
				dir
			);
			if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
			const secure = await listen(
				parsed.config,
				createLogger('error', () => {})
			);
			try {
				expect(secure.url).toMatch(/^https:\/\/localhost:\d+$/);
				const body = await new Promise<string>((resolve, reject) => {
					httpsGet(`${secure.url}/healthz`, { rejectUnauthorized: false }, (res) => {
						let text = '';
						res.on('data', (chunk: Buffer) => (text += chunk.toString()));
						res.on('end', () => resolve(text));
					}).on('error', reject);
				});
				expect(JSON.parse(body)).toEqual({ ok: true });
			} finally {
				await secure.stop();
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
