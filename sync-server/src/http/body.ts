// Reads a JSON request body without trusting its size: the Content-Length is checked first and
// the bytes are counted while they arrive, so an oversized body is refused (413) before it is
// buffered or parsed, whatever the client claims.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
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
	if (text.trim() === '') throw new HttpError(400, 'bad_request', 'The body must be JSON', '');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		// The parser's message may quote the body; a fixed text keeps client data out of errors.
		throw new HttpError(400, 'bad_request', 'The body is not valid JSON', '');
	}
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
