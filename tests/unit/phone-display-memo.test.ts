import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhoneForDisplay } from '$lib/domain/normalize';
import {
	PHONE_MEMO_SIZE,
	formatPhoneForDisplayMemo,
	phoneMemoSize
} from '$lib/domain/phone-display-memo';

const COUNTRIES = ['IT', 'PT', 'BG', 'GB', 'US', 'DE', 'FR', '', 'ZZ'];
const CALLING_CODES = ['39', '351', '359', '44', '1', '49', '33', '7', '999'];

// E.164-like numbers from the calling codes above, plus arbitrary strings (a stored value that is
// not a number must come back exactly as the direct call gives it).
const numbers = fc.oneof(
	fc
		.tuple(fc.constantFrom(...CALLING_CODES), fc.stringMatching(/^[0-9]{4,12}$/))
		.map(([cc, rest]) => `+${cc}${rest}`),
	fc.string({ maxLength: 16 })
);

describe('formatPhoneForDisplayMemo', () => {
	it('gives the same text as formatPhoneForDisplay for any number and country, first and later calls', () => {
		fc.assert(
			fc.property(numbers, fc.constantFrom(...COUNTRIES), (e164, country) => {
				const direct = formatPhoneForDisplay(e164, country);
				expect(formatPhoneForDisplayMemo(e164, country)).toBe(direct);
				expect(formatPhoneForDisplayMemo(e164, country)).toBe(direct);
			}),
			{ numRuns: 2000 }
		);
	});

	it('keys by country too: one number shows nationally at home and internationally abroad', () => {
		expect(formatPhoneForDisplayMemo('+393331234567', 'IT')).toBe('333 123 4567');
		expect(formatPhoneForDisplayMemo('+393331234567', 'PT')).toBe('+39 333 123 4567');
		expect(formatPhoneForDisplayMemo('+393331234567', 'IT')).toBe('333 123 4567');
	});

	it('stays bounded and still answers correctly after it is cleared', () => {
		for (let i = 0; i < PHONE_MEMO_SIZE + 10; i++) {
			const e164 = `+39333${String(i).padStart(7, '0')}`;
			expect(formatPhoneForDisplayMemo(e164, 'IT')).toBe(formatPhoneForDisplay(e164, 'IT'));
			expect(phoneMemoSize()).toBeLessThanOrEqual(PHONE_MEMO_SIZE);
		}
		expect(formatPhoneForDisplayMemo('+393330000001', 'IT')).toBe(
			formatPhoneForDisplay('+393330000001', 'IT')
		);
	});
});
