// The sync server's HTTP API as the app calls it: one JSON request with the device token, and
// the server's refusals turned into SyncHttpError with their protocol code.
import { errorBodySchema } from '$lib/domain/sync-protocol';

export interface SyncCredentials {
	/** Origin of the sync server; '' means the page's own origin (the server serves the app). */
	serverUrl: string;
	salonId: string;
	deviceId: string;
	token: string;
}

/** A refusal by the sync server, with its protocol error code (or 'network' when unreachable). */
export class SyncHttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly path?: string
	) {
		super(`sync ${status} ${code}${path ? ` at ${path}` : ''}`);
		this.name = 'SyncHttpError';
	}

	get isNetwork(): boolean {
		return this.status === 0;
	}
}

export function apiUrl(serverUrl: string, path: string): string {
	return `${serverUrl.replace(/\/+$/, '')}/api/v1${path}`;
}

/** One JSON call to the sync API. Network failures become SyncHttpError(0, 'network'). */
export async function callSyncApi(
	serverUrl: string,
	path: string,
	opts: { token?: string; body?: unknown; method?: 'GET' | 'POST' } = {}
): Promise<unknown> {
	const headers: Record<string, string> = {};
	if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
	if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
	let response: Response;
	try {
		response = await fetch(apiUrl(serverUrl, path), {
			method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
			headers,
			body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
			cache: 'no-store'
		});
	} catch {
		// fetch rejects only when no answer arrived at all: offline, DNS, refused connection.
		throw new SyncHttpError(0, 'network');
	}
	const text = await response.text();
	let json: unknown = null;
	try {
		json = text ? JSON.parse(text) : null;
	} catch {
		// A proxy's HTML error page or a cut-off body: judged by the status below.
	}
	if (response.ok) return json;
	const error = errorBodySchema.safeParse(json);
	throw error.success
		? new SyncHttpError(response.status, error.data.error.code, error.data.error.path)
		: new SyncHttpError(response.status, response.status >= 500 ? 'internal' : 'bad_request');
}
