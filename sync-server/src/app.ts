// The request handler of the one process that serves the PWA and the sync API. Kept apart from
// listen() in main.ts so tests can run it on an ephemeral port with their own storage and clock.
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTicketStore } from './auth/stream-tickets.js';
import type { Config } from './config.js';
import { matchRoute, type RequestContext, type Route, type ServerDeps } from './http/context.js';
import { HttpError, sendError, sendJson } from './http/errors.js';
import { createRateLimiter } from './http/rate-limit.js';
import type { Logger } from './log.js';
import { dataKeyRoutes } from './routes/data-key.js';
import { auditRoutes } from './routes/audit.js';
import { historyRoutes } from './routes/history.js';
import { deviceLocationRoutes } from './routes/device-location.js';
import { deviceRoleRoutes } from './routes/device-role.js';
import { exportRoutes } from './routes/exports.js';
import { deviceRoutes } from './routes/devices.js';
import { eraseRoutes } from './routes/erase.js';
import { pairingRoutes } from './routes/pairing.js';
import { replicationRoutes } from './routes/replication.js';
import { salonRoutes } from './routes/salons.js';
import { streamRoutes } from './routes/stream.js';
import { createStaticServer } from './static.js';
import type { SyncStorage } from './storage/types.js';
import { createStreamHub } from './stream/hub.js';

export { sendJson };

export interface AppDeps {
	config: Config;
	log: Logger;
	storage: SyncStorage;
	/** Injected by tests to move time (code expiry, rate limits, clock drift). */
	now?: () => number;
	/** SSE keep-alive interval; tests shorten it. */
	pingIntervalMs?: number;
}

export interface App {
	handler: (req: IncomingMessage, res: ServerResponse) => void;
	/** Ends open streams; the HTTP server and the storage are closed by their owner. */
	close(): Promise<void>;
}

/** Unauthenticated endpoints get a small allowance per IP: enough to pair a few devices. */
const IP_BURST = 10;
const IP_PER_SECOND = 1 / 6;

const ROUTES: Route[] = [
	...salonRoutes,
	...pairingRoutes,
	...deviceLocationRoutes,
	...deviceRoleRoutes,
	...exportRoutes,
	...deviceRoutes,
	...streamRoutes,
	...eraseRoutes,
	...dataKeyRoutes,
	...auditRoutes,
	...historyRoutes,
	...replicationRoutes
];

function pathnameOf(rawUrl: string): string {
	return rawUrl.split(/[?#]/, 1)[0] ?? '/';
}

export function createApp({ config, log, storage, now = Date.now, pingIntervalMs }: AppDeps): App {
	mkdirSync(config.dataDir, { recursive: true });
	const statics = createStaticServer(config.staticDir, log);
	const hub = createStreamHub(storage, { pingIntervalMs });
	const deps: ServerDeps = {
		config,
		log,
		storage,
		now,
		hub,
		tickets: createTicketStore(now),
		deviceLimiter: createRateLimiter({
			perSecond: config.rateLimitPerSecond,
			burst: config.rateLimitPerSecond * 2,
			now
		}),
		ipLimiter: createRateLimiter({ perSecond: IP_PER_SECOND, burst: IP_BURST, now })
	};
	let isClosed = false;

	async function route(ctx: RequestContext, path: string): Promise<void> {
		const { req, res } = ctx;
		const isHead = req.method === 'HEAD';
		if (path === '/healthz') {
			sendJson(res, 200, { ok: true }, {}, isHead);
			return;
		}
		if (path !== '/api' && !path.startsWith('/api/')) {
			await statics.serve(req, res);
			return;
		}
		const match = matchRoute(ROUTES, req.method ?? 'GET', path);
		if (match.kind === 'none') {
			throw new HttpError(404, 'not_found', `No API endpoint at ${req.method} ${path}`);
		}
		if (match.kind === 'method') {
			throw new HttpError(405, 'method_not_allowed', `Use ${match.allow} for ${path}`, undefined, {
				Allow: match.allow
			});
		}
		ctx.params = match.params;
		await match.route.handler(ctx);
	}

	function handler(req: IncomingMessage, res: ServerResponse): void {
		const started = performance.now();
		const rawUrl = req.url ?? '/';
		const path = pathnameOf(rawUrl);
		const query = new URLSearchParams(rawUrl.slice(path.length).replace(/^\?/, '').split('#')[0]);
		const ctx: RequestContext = { req, res, params: {}, query, deps };
		// Never the query (stream tickets) nor headers or bodies (tokens, personal data).
		const logRequest = () =>
			log.info('http.request', {
				method: req.method,
				path,
				status: res.statusCode,
				ms: Math.round((performance.now() - started) * 10) / 10,
				deviceId: ctx.deviceId ?? null
			});
		res.once('finish', logRequest);
		route(ctx, path).catch((error: unknown) => {
			if (res.headersSent) {
				log.error('http.unhandled', { method: req.method, path, error });
				res.destroy();
				return;
			}
			if (error instanceof HttpError) {
				sendError(res, error, req.method === 'HEAD');
				// An oversized body is not read to its end: close once the answer is out.
				if (error.status === 413) res.once('finish', () => req.destroy());
				// Refused before its body was read (401, 403, 429…): read the rest and drop it, so
				// a client still sending a large push sees this answer, not a broken pipe. Bodies
				// over the limit were refused above by their declared size.
				else if (!req.readableEnded) req.resume();
				return;
			}
			log.error('http.unhandled', { method: req.method, path, error });
			sendJson(res, 500, { error: { code: 'internal', message: 'Internal server error' } });
		});
	}

	return {
		handler,
		async close() {
			if (isClosed) return;
			isClosed = true;
			hub.close();
			log.debug('app.closed');
		}
	};
}
