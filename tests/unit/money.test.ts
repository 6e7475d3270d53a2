import { describe, expect, it } from 'vitest';
import { centsToInput, parseMoney } from '$lib/domain/money';

describe('parseMoney', () => {
	it.each([
		['12', 1200],
		['12,5', 1250],
		['12.50', 1250],
		['0,99', 99],
		['1.234,50', 123450],
		['1,234.50', 123450],
		['1 234,50', 123450],
		['1.234', 123400],
		[' 35 ', 3500]
	])('%s → %i cents', (input, cents) => {
		expect(parseMoney(input)).toBe(cents);
	});

	it.each(['', 'abc', '€12', '-5', '12,345,6a', ',50', '1e3'])('refuses %j', (input) => {
		expect(parseMoney(input)).toBeNull();
	});

	it('reads back what the field shows', () => {
		for (const cents of [0, 1, 99, 1250, 123456])
			expect(parseMoney(centsToInput(cents))).toBe(cents);
	});
});
