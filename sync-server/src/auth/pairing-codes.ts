// Pairing codes 'XXXX-XXXXXX' in Crockford base32 (no I, L, O, U: nothing to misread when a
// code is typed from another screen). The first 4 characters identify the code and are stored
// as they are; the last 6 (30 bits) are the secret and only their hash is stored. With 5
// attempts per code, guessing one succeeds with probability 5 / 2^30.
import { createHash, randomInt } from 'node:crypto';
import {
	normalizePairingCode,
	PAIRING_CODE_ALPHABET as CROCKFORD,
	PAIRING_CODE_RE
} from '../../../src/lib/domain/sync-protocol.js';

export const PAIRING_CODE_TTL_MS = 10 * 60_000;
export const PAIRING_MAX_ATTEMPTS = 5;

function randomChars(n: number): string {
	let out = '';
	for (let i = 0; i < n; i++) out += CROCKFORD[randomInt(CROCKFORD.length)];
	return out;
}

export function newPairingCode(): { code: string; codeId: string; secret: string } {
	const codeId = randomChars(4);
	const secret = randomChars(6);
	return { code: `${codeId}-${secret}`, codeId, secret };
}

/** Splits a typed code (read the forgiving Crockford way) into id and secret; null if malformed. */
export function parsePairingCode(input: string): { codeId: string; secret: string } | null {
	const code = normalizePairingCode(input);
	if (!PAIRING_CODE_RE.test(code)) return null;
	return { codeId: code.slice(0, 4), secret: code.slice(5) };
}

export function hashPairingSecret(codeId: string, secret: string): string {
	return createHash('sha256').update(`${codeId}:${secret}`, 'utf8').digest('hex');
}
