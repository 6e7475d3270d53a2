import { describe, expect, it } from 'vitest';
import { birthdayFacts, fidelityState } from '$lib/ui/client-card/facts';
import { primaryPhone } from '$lib/ui/common/contact';
import { daysBetween, todayIso } from '$lib/ui/common/dates';

describe('fidelity card state', () => {
	const today = '2026-03-01';
	it('is absent without an expiry', () => {
		expect(fidelityState(null, today)).toBeNull();
	});
	it('is valid beyond 30 days, expiring soon within them, expired after', () => {
		expect(fidelityState('2026-04-15', today)).toBe('valid');
		expect(fidelityState('2026-03-31', today)).toBe('expiresSoon');
		expect(fidelityState('2026-03-01', today)).toBe('expiresSoon');
		expect(fidelityState('2026-02-28', today)).toBe('expired');
	});
});

describe('birthday facts', () => {
	it('gives age and the age she turns next', () => {
		expect(birthdayFacts('1990-06-02', '2026-03-01')).toEqual({
			age: 35,
			next: '2026-06-02',
			turns: 36,
			isToday: false
		});
	});
	it('knows a birthday today and a birthday without a year', () => {
		expect(birthdayFacts('1990-03-01', '2026-03-01')).toMatchObject({ isToday: true, turns: 36 });
		expect(birthdayFacts('--01-15', '2026-03-01')).toEqual({
			age: null,
			next: '2027-01-15',
			turns: null,
			isToday: false
		});
	});
	it('counts 29 February in a common year', () => {
		expect(birthdayFacts('2000-02-29', '2026-02-01')).toMatchObject({
			next: '2026-02-28',
			turns: 26
		});
	});
	it('ignores missing and broken dates', () => {
		expect(birthdayFacts(null, '2026-03-01')).toBeNull();
		expect(birthdayFacts('1990-02-31', '2026-03-01')).toBeNull();
	});
});

describe('contact helpers', () => {
	it('prefers a parsed mobile number', () => {
		const phone = primaryPhone([
			{ e164: '', raw: '12', label: 'mobile' },
			{ e164: '+390212345678', raw: '02 12345678', label: 'work' },
			{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' }
		]);
		expect(phone?.e164).toBe('+393331234567');
		expect(primaryPhone([])).toBeNull();
	});
	it('formats dates in the local calendar and counts days across months', () => {
		expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
		expect(daysBetween('2026-01-30', '2026-03-01')).toBe(30);
		expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
	});
});
