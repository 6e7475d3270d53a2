// Money typed by a person → cents. Accepts the decimal comma and point ("12,50", "12.5",
// "1.234,50", "1 234.50"); a currency sign or letters are refused rather than guessed.

/** Cents of an amount as typed, or null when it is not a non-negative amount. */
export function parseMoney(input: string): number | null {
	const s = input.trim().replace(/[\s\u00a0\u202f']/g, '');
	if (s === '' || !/^\d[\d.,]*$/.test(s)) return null;
	// The last separator followed by one or two digits is the decimal one; others group.
	const m = /^(.*?)(?:[.,](\d{1,2}))?$/.exec(s);
	if (!m) return null;
	const whole = (m[1] ?? '').replace(/[.,]/g, '');
	if (whole === '' || !/^\d+$/.test(whole)) return null;
	const fraction = (m[2] ?? '').padEnd(2, '0');
	const cents = Number(whole) * 100 + Number(fraction || '0');
	return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents → the plain decimal text a form field shows ("12.50"); the field accepts it back. */
export function centsToInput(cents: number): string {
	return (cents / 100).toFixed(2);
}
