// Staff PINs (issue 7): a convenience lock on a shared device, not a password. The PIN is never
// stored or logged in clear: each staff document holds a PBKDF2-SHA256 hash with its own random
// salt and iteration count, made with WebCrypto (the same API in browsers and in Node ≥ 20). The
// hash syncs to every device of the salon so a locked tablet can check a PIN offline — which is
// why a 4–8 digit PIN only slows a thief down (README › Privacy): the server never trusts it,
// it enforces the role the device was paired with.
import { z } from 'zod';

export const PIN_MIN = 4;
export const PIN_MAX = 8;
/** Enough to make each guess cost ~0.1 s on a tablet; stored per document so it can grow. */
export const PIN_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export const pinSchema = z
	.string()
	.regex(new RegExp(`^\\d{${PIN_MIN},${PIN_MAX}}$`), { message: 'pinFormat' });

/** What a staff document stores about its PIN; all empty / 0 when no PIN was set. */
export interface PinHash {
	pinHash: string;
	pinSalt: string;
	pinIterations: number;
}

export const NO_PIN: PinHash = { pinHash: '', pinSalt: '', pinIterations: 0 };

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
	const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		key,
		HASH_BITS
	);
	return new Uint8Array(bits);
}

/** A fresh salted hash of `pin`. Throws on a PIN that is not 4–8 digits (validate first). */
export async function hashPin(pin: string, iterations: number = PIN_ITERATIONS): Promise<PinHash> {
	pinSchema.parse(pin);
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const hash = await derive(pin, salt, iterations);
	return { pinHash: toBase64(hash), pinSalt: toBase64(salt), pinIterations: iterations };
}

/** True when `pin` matches the stored hash. A document without a PIN matches nothing. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
	if (stored.pinHash === '' || stored.pinIterations < 1 || !pinSchema.safeParse(pin).success) {
		return false;
	}
	let salt: Uint8Array<ArrayBuffer>;
	let expected: Uint8Array;
	try {
		salt = fromBase64(stored.pinSalt);
		expected = fromBase64(stored.pinHash);
	} catch {
		// A corrupted hash (not base64) cannot match any PIN: refusing is the safe answer.
		return false;
	}
	const actual = await derive(pin, salt, stored.pinIterations);
	if (actual.length !== expected.length) return false;
	// Compare every byte, so the time taken says nothing about where the first difference is.
	let diff = 0;
	for (let i = 0; i < actual.length; i++) diff |= (actual[i] as number) ^ (expected[i] as number);
	return diff === 0;
}
