// The request handler of the one process that serves the PWA and (next issue) the sync API.
// Kept apart from listen() in main.ts so tests can run it on an ephemeral port.
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { createStaticServer } from './static.js';

export interface AppDeps {
	config: Config;
	log: Logger;
}

export interface App {
	handler: (req: IncomingMessage, res: ServerResponse) => void;
	/** Releases what the app holds; the HTTP server itself is closed by its owner. */
	close(): Promise<void>;
}

export interface ApiError {
	error: { code: string; message: string; path?: (string | number)[] };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, head = false): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		'Cache-Control': 'no-store'
	});
	res.end(head ? undefined : text);
}

function pathnameOf(rawUrl: string): string {
	return rawUrl.split(/[?#]/, 1)[0] ?? '/';
}

export function createApp({ config, log }: AppDeps): App {
	// The sync database will be opened here; create its directory now so a first start on a fresh
	// clone fails early (permissions, read-only disk) rather than on the first sync.
	mkdirSync(config.dataDir, { recursive: true });
	const statics = createStaticServer(config.staticDir, log);
	let isClosed = false;

	async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = pathnameOf(req.url ?? '/');
		const isHead = req.method === 'HEAD';
		if (path === '/healthz') {
			sendJson(res, 200, { ok: true }, isHead);
			return;
		}
		if (path === '/api' || path.startsWith('/api/')) {
			const body: ApiError = {
				error: { code: 'not_found', message: `No API endpoint at ${req.method} ${path}` }
			};
			sendJson(res, 404, body, isHead);
			return;
		}
		await statics.serve(req, res);
	}

	function handler(req: IncomingMessage, res: ServerResponse): void {
		const started = performance.now();
		res.on('finish', () => {
			log.debug('http.request', {
				method: req.method,
				url: req.url,
				status: res.statusCode,
				ms: Math.round((performance.now() - started) * 10) / 10
			});
		});
		route(req, res).catch((error: unknown) => {
			log.error('http.unhandled', { method: req.method, url: req.url, error });
			if (res.headersSent) {
				res.destroy();
				return;
			}
			const body: ApiError = { error: { code: 'internal', message: 'Internal server error' } };
			sendJson(res, 500, body);
		});
	}

	return {
		handler,
		async close() {
			if (isClosed) return;
			isClosed = true;
			log.debug('app.closed');
		}
	};
}
