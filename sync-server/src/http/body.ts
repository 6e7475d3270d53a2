// Reads a JSON request body without trusting its size: the Content-Length is checked first and
// the bytes are counted while they arrive, so an oversized body is refused (413) before it is
// buffered or parsed, whatever the client claims.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

/** `emptyAs`: the value of an empty body, for endpoints whose body is optional. */
export async function readJsonBody(
	req: IncomingMessage,
	maxBytes: number,
	opts: { emptyAs?: unknown } = {}
): Promise<unknown> {
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		total += chunk.length;
		if (total > maxBytes) throw tooLarge(maxBytes);
		chunks.push(chunk);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '' && opts.emptyAs !== undefined) return opts.emptyAs;
	if (text.trim() === '') throw new HttpError(400, 'bad_request', 'The body must be JSON', '');
	let body: unknown;
	try {
		body = JSON.parse(text) as unknown;
	} catch {
		// The parser's message may quote the body; a fixed text keeps client data out of errors.
		throw new HttpError(400, 'bad_request', 'The body is not valid JSON', '');
	}
	// JSON can only carry U+0000 as the escape \u0000 (a raw control character is invalid): a body
	// without that text needs no walk.
	const nul = text.includes('\\u0000') ? findNul(body, '') : null;
	if (nul !== null) {
		throw new HttpError(400, 'bad_request', 'Text must not contain NUL characters', nul);
	}
	return body;
}

/**
 * The dotted path of the first string (value or key) holding U+0000, or null. PostgreSQL's
 * jsonb and text refuse that character: without this check the same push would be stored by
 * SQLite and fail with a 500 on PostgreSQL. Iterative, so a deeply nested body cannot overflow
 * the stack before zod gets to refuse it.
 */
function findNul(root: unknown, rootPath: string): string | null {
	const stack: Array<[unknown, string]> = [[root, rootPath]];
	while (stack.length > 0) {
		const [value, path] = stack.pop() as [unknown, string];
		if (typeof value === 'string') {
			if (value.includes('\0')) return path;
		} else if (Array.isArray(value)) {
			value.forEach((item, i) => stack.push([item, path ? `${path}.${i}` : String(i)]));
		} else if (value !== null && typeof value === 'object') {
			for (const [key, item] of Object.entries(value)) {
				const child = path ? `${path}.${key}` : key;
				if (key.includes('\0')) return child;
				stack.push([item, child]);
			}
		}
	}
	return null;
}

function tooLarge(maxBytes: number): HttpError {
	return new HttpError(
		413,
		'body_too_large',
		`The body is larger than ${maxBytes} bytes`,
		undefined,
		{ Connection: 'close' }
	);
}
