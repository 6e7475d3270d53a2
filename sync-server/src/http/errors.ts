// Every API failure leaves as `{ error: { code, message, path? } }` with a fitting status; a
// handler throws HttpError and the app's one boundary turns it into JSON (never a stack trace).
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import { issuePath } from '../../../src/lib/domain/sync-protocol.js';

export interface ApiErrorBody {
	error: { code: string; message: string; path?: string };
}

export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly path?: string,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
		this.name = 'HttpError';
	}

	body(): ApiErrorBody {
		return {
			error: {
				code: this.code,
				message: this.message,
				...(this.path === undefined ? {} : { path: this.path })
			}
		};
	}
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
	head = false
): void {
	sendJsonText(res, status, JSON.stringify(body), headers, head);
}

/** `text` must be JSON already (an answer assembled from stored JSON, routes/pull-answer.ts). */
export function sendJsonText(
	res: ServerResponse,
	status: number,
	text: string | Uint8Array,
	headers: Record<string, string> = {},
	head = false
): void {
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(text)),
		'Cache-Control': 'no-store',
		...headers
	});
	res.end(head ? undefined : text);
}

export function sendError(res: ServerResponse, error: HttpError, head = false): void {
	sendJson(res, error.status, error.body(), error.headers, head);
}

/** Parses with zod or throws 400 'bad_request' naming the first issue's path. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const first = result.error.issues[0];
	const path = first ? issuePath(first) : '';
	const message = first ? `${path || 'body'}: ${first.message}` : 'Invalid body';
	throw new HttpError(400, 'bad_request', message, path);
}
