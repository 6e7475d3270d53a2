// Identifiers made on the device, with no coordination: UUIDv7 for documents (time-ordered, so
// RxDB's primary index stays append-mostly and the smallest id of a duplicate group is the
// oldest card) and short random device ids for the HLC.

let lastMs = -1;
let sequence = 0;

function hex(bytes: Uint8Array, from: number, to: number): string {
	let out = '';
	for (let i = from; i < to; i++) out += (bytes[i] as number).toString(16).padStart(2, '0');
	return out;
}

/**
 * A UUIDv7 (RFC 9562 §5.7). Within one millisecond the 12 `rand_a` bits are a counter seeded
 * at random (§6.2, method 1), so ids made on one device are strictly increasing even when the
 * wall clock stalls or steps back.
 */
export function newId(now: number = Date.now()): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	let ms = Math.max(0, Math.floor(now));
	if (ms <= lastMs) {
		ms = lastMs;
		sequence += 1;
		if (sequence > 0xfff) {
			ms += 1;
			sequence = 0;
		}
	} else {
		// Random start in the lower half leaves room to count up within the millisecond.
		sequence = (((bytes[6] as number) << 8) | (bytes[7] as number)) & 0x7ff;
	}
	lastMs = ms;
	// 48-bit big-endian milliseconds; split because bitwise operators are 32-bit.
	const high = Math.floor(ms / 2 ** 32);
	const low = ms >>> 0;
	bytes[0] = (high >>> 8) & 0xff;
	bytes[1] = high & 0xff;
	bytes[2] = (low >>> 24) & 0xff;
	bytes[3] = (low >>> 16) & 0xff;
	bytes[4] = (low >>> 8) & 0xff;
	bytes[5] = low & 0xff;
	bytes[6] = 0x70 | ((sequence >>> 8) & 0x0f); // version 7
	bytes[7] = sequence & 0xff;
	bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f); // variant 10
	return `${hex(bytes, 0, 4)}-${hex(bytes, 4, 6)}-${hex(bytes, 6, 8)}-${hex(bytes, 8, 10)}-${hex(bytes, 10, 16)}`;
}

/** Milliseconds since the epoch encoded in a UUIDv7. */
export function idTimestamp(id: string): number {
	return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 12 characters of [a-z0-9] (~62 bits), a valid HLC node id. */
export function newDeviceId(): string {
	let out = '';
	const bytes = new Uint8Array(32);
	while (out.length < 12) {
		crypto.getRandomValues(bytes);
		for (const b of bytes) {
			// 252 = 7 × 36: rejecting larger bytes keeps every character equally likely.
			if (b < 252 && out.length < 12) out += ALPHABET[b % 36];
		}
	}
	return out;
}
