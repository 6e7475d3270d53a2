// formatPhoneForDisplay parses the number with libphonenumber on every call (~20–40 µs). The
// client list formats the phone cell of every rendered row on every search keystroke, the same
// few hundred numbers again and again: a CPU profile of the 76 benchmark keystrokes over 100,000
// clients put ~3% of all keystroke time in that parse. The text depends only on the E.164 number
// and the salon's default country, so it is remembered per pair.
import { formatPhoneForDisplay } from './normalize.js';

/** Enough for many screens of rows; cleared whole when full (a list, not a long-lived index). */
export const PHONE_MEMO_SIZE = 2048;

const memo = new Map<string, string>();

export function formatPhoneForDisplayMemo(e164: string, defaultCountry: string): string {
	// NUL cannot occur in either part, so the key is unambiguous.
	const key = `${defaultCountry}\u0000${e164}`;
	let text = memo.get(key);
	if (text === undefined) {
		if (memo.size >= PHONE_MEMO_SIZE) memo.clear();
		text = formatPhoneForDisplay(e164, defaultCountry);
		memo.set(key, text);
	}
	return text;
}

/** How many formatted numbers are remembered (tests). */
export function phoneMemoSize(): number {
	return memo.size;
}
