// Serves the built PWA (adapter-static output) with the headers a service-worker app needs:
// hashed files cached forever, everything else revalidated, and the SPA shell for deep links.
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { Logger } from './log.js';

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.wasm': 'application/wasm'
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
// no-cache = "store, but ask first": with the ETag below a revalidation costs one 304.
export const REVALIDATE = 'no-cache';

export function contentTypeFor(path: string): string {
	return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Only content-hashed build output may be cached without asking again. */
export function cacheControlFor(urlPath: string): string {
	return urlPath.startsWith('/_app/immutable/') ? IMMUTABLE : REVALIDATE;
}

export type ResolvedPath =
	{ ok: true; urlPath: string; filePath: string } | { ok: false; status: 400 | 404 };

/**
 * Maps the raw request path to a file under `root`. The raw path is used on purpose: `new URL()`
 * would already have collapsed `/../`, hiding an attempt we want to refuse, and `%2e%2e` or
 * `%2f` only become dangerous after decoding, which happens here exactly once.
 */
export function resolveRequestPath(root: string, rawUrl: string): ResolvedPath {
	const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
	let decoded: string;
	try {
		decoded = decodeURIComponent(rawPath);
	} catch {
		return { ok: false, status: 400 };
	}
	if (!decoded.startsWith('/') || decoded.includes('\0')) return { ok: false, status: 400 };
	const segments = decoded.split(/[/\\]/);
	if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 400 };
	const base = resolve(root);
	const filePath = resolve(join(base, decoded));
	if (filePath !== base && !filePath.startsWith(base + sep)) return { ok: false, status: 404 };
	return { ok: true, urlPath: decoded, filePath };
}

async function fileStats(path: string): Promise<Stats | null> {
	try {
		const stats = await stat(path);
		return stats.isFile() ? stats : null;
	} catch {
		// Missing or unreadable: both mean "no such file" to a browser.
		return null;
	}
}

function sendText(res: ServerResponse, status: number, text: string, head: boolean): void {
	res.writeHead(status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		'Cache-Control': 'no-store'
	});
	res.end(head ? undefined : text);
}

function sendFile(
	req: IncomingMessage,
	res: ServerResponse,
	filePath: string,
	stats: Stats,
	cacheControl: string,
	log: Logger
): void {
	const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
	const headers = {
		'Content-Type': contentTypeFor(filePath),
		'Cache-Control': cacheControl,
		ETag: etag,
		'Last-Modified': stats.mtime.toUTCString()
	};
	if (req.headers['if-none-match'] === etag) {
		res.writeHead(304, headers);
		res.end();
		return;
	}
	res.writeHead(200, { ...headers, 'Content-Length': stats.size });
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	const stream = createReadStream(filePath);
	stream.on('error', (error) => {
		log.error('static.read_failed', { path: filePath, error });
		res.destroy(error);
	});
	stream.pipe(res);
}

export interface StaticServer {
	serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function createStaticServer(root: string, log: Logger): StaticServer {
	const shell = join(resolve(root), 'index.html');

	async function serveShell(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const stats = await fileStats(shell);
		if (!stats) {
			log.error('static.not_built', { staticDir: root });
			sendText(res, 503, 'Schedario is not built yet: run `npm run build`.', req.method === 'HEAD');
			return;
		}
		sendFile(req, res, shell, stats, REVALIDATE, log);
	}

	return {
		async serve(req, res) {
			const isHead = req.method === 'HEAD';
			if (req.method !== 'GET' && !isHead) {
				res.setHeader('Allow', 'GET, HEAD');
				sendText(res, 405, 'Method not allowed', false);
				return;
			}
			const resolved = resolveRequestPath(root, req.url ?? '/');
			if (!resolved.ok) {
				sendText(
					res,
					resolved.status,
					resolved.status === 400 ? 'Bad request' : 'Not found',
					isHead
				);
				return;
			}
			const stats = await fileStats(resolved.filePath);
			if (stats) {
				sendFile(req, res, resolved.filePath, stats, cacheControlFor(resolved.urlPath), log);
				return;
			}
			// A path with an extension names an asset: answering it with the shell would hand the
			// browser HTML where it expects a script or image, so it is a real 404.
			const last = resolved.urlPath.split('/').pop() ?? '';
			if (extname(last) !== '') {
				sendText(res, 404, 'Not found', isHead);
				return;
			}
			await serveShell(req, res);
		}
	};
}
