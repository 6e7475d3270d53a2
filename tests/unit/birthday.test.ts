import { describe, expect, it } from 'vitest';
import {
	ageOn,
	birthdayMatches,
	nextBirthday,
	parseBirthDate,
	toStoredBirthDate
} from '../../src/lib/domain/birthday';

describe('parseBirthDate', () => {
	it('reads both stored forms', () => {
		expect(parseBirthDate('1985-12-10')).toEqual({ year: 1985, month: 12, day: 10 });
		expect(parseBirthDate('--03-07')).toEqual({ year: null, month: 3, day: 7 });
	});

	it('accepts 29 February only in leap years, and always without a year', () => {
		expect(parseBirthDate('2000-02-29')).not.toBeNull();
		expect(parseBirthDate('2024-02-29')).not.toBeNull();
		expect(parseBirthDate('1900-02-29')).toBeNull();
		expect(parseBirthDate('2023-02-29')).toBeNull();
		expect(parseBirthDate('--02-29')).toEqual({ year: null, month: 2, day: 29 });
		expect(parseBirthDate('--02-30')).toBeNull();
	});

	it.each([
		'',
		'1985-13-01',
		'1985-00-10',
		'1985-04-31',
		'--04-31',
		'85-12-10',
		'1985/12/10',
		'---12-10'
	])('rejects %j', (s) => {
		expect(parseBirthDate(s)).toBeNull();
	});
});

describe('toStoredBirthDate', () => {
	it('pads and omits the year when unknown', () => {
		expect(toStoredBirthDate(7, 3, 1990)).toBe('1990-03-07');
		expect(toStoredBirthDate(7, 3, null)).toBe('--03-07');
		expect(parseBirthDate(toStoredBirthDate(29, 2, null))).toEqual({
			year: null,
			month: 2,
			day: 29
		});
	});
});

describe('birthdayMatches', () => {
	it('today and tomorrow, with or without a year', () => {
		expect(birthdayMatches('1990-11-24', 'today', '2026-11-24')).toBe(true);
		expect(birthdayMatches('--11-24', 'today', '2026-11-24')).toBe(true);
		expect(birthdayMatches('1990-11-25', 'today', '2026-11-24')).toBe(false);
		expect(birthdayMatches('1990-11-25', 'tomorrow', '2026-11-24')).toBe(true);
		expect(birthdayMatches('1990-11-24', 'tomorrow', '2026-11-24')).toBe(false);
		expect(birthdayMatches(null, 'today', '2026-11-24')).toBe(false);
	});

	it('tomorrow crosses the year end', () => {
		expect(birthdayMatches('--01-01', 'tomorrow', '2026-12-31')).toBe(true);
	});

	it('next7 is today .. today+7 inclusive, across the year end', () => {
		const today = '2026-12-28';
		expect(birthdayMatches('--12-28', 'next7', today)).toBe(true);
		expect(birthdayMatches('--12-31', 'next7', today)).toBe(true);
		expect(birthdayMatches('2001-01-04', 'next7', today)).toBe(true);
		expect(birthdayMatches('2001-01-05', 'next7', today)).toBe(false);
		expect(birthdayMatches('--12-27', 'next7', today)).toBe(false);
	});

	it('a 29 February birthday is celebrated on 28 February in common years', () => {
		expect(birthdayMatches('2000-02-29', 'today', '2027-02-28')).toBe(true);
		expect(birthdayMatches('--02-29', 'today', '2027-02-28')).toBe(true);
		expect(birthdayMatches('2000-02-29', 'today', '2028-02-28')).toBe(false);
		expect(birthdayMatches('2000-02-29', 'today', '2028-02-29')).toBe(true);
		expect(birthdayMatches('2000-02-29', 'tomorrow', '2027-02-27')).toBe(true);
		expect(birthdayMatches('2000-02-29', 'next7', '2027-02-22')).toBe(true);
		expect(birthdayMatches('2000-02-29', 'next7', '2027-03-01')).toBe(false);
	});

	it('thisMonth', () => {
		expect(birthdayMatches('1990-11-01', 'thisMonth', '2026-11-24')).toBe(true);
		expect(birthdayMatches('1990-11-30', 'thisMonth', '2026-11-24')).toBe(true);
		expect(birthdayMatches('1990-12-01', 'thisMonth', '2026-11-24')).toBe(false);
		expect(birthdayMatches('2000-02-29', 'thisMonth', '2027-02-10')).toBe(true);
	});

	it('range, inclusive, possibly wrapping over new year', () => {
		const today = '2026-11-24';
		expect(birthdayMatches('--03-10', 'range', today, '03-01', '03-31')).toBe(true);
		expect(birthdayMatches('--03-01', 'range', today, '03-01', '03-31')).toBe(true);
		expect(birthdayMatches('--03-31', 'range', today, '03-01', '03-31')).toBe(true);
		expect(birthdayMatches('--04-01', 'range', today, '03-01', '03-31')).toBe(false);
		expect(birthdayMatches('--12-30', 'range', today, '12-20', '01-10')).toBe(true);
		expect(birthdayMatches('--01-05', 'range', today, '12-20', '01-10')).toBe(true);
		expect(birthdayMatches('--06-15', 'range', today, '12-20', '01-10')).toBe(false);
		// 2026 is a common year: a range ending on 28 February includes 29 February birthdays.
		expect(birthdayMatches('2000-02-29', 'range', today, '02-20', '02-28')).toBe(true);
		expect(birthdayMatches('2000-02-29', 'range', '2028-01-10', '02-20', '02-28')).toBe(false);
	});

	it('range without bounds matches nothing', () => {
		expect(birthdayMatches('--03-10', 'range', '2026-11-24', null, '03-31')).toBe(false);
	});
});

describe('ageOn and nextBirthday', () => {
	it('counts completed years', () => {
		expect(ageOn('1990-11-24', '2026-11-24')).toBe(36);
		expect(ageOn('1990-11-25', '2026-11-24')).toBe(35);
		expect(ageOn('--11-25', '2026-11-24')).toBeNull();
		expect(ageOn(null, '2026-11-24')).toBeNull();
		expect(ageOn('2030-01-01', '2026-11-24')).toBeNull();
		expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
		expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
	});

	it('finds the next celebration on or after today', () => {
		expect(nextBirthday('1990-11-24', '2026-11-24')).toBe('2026-11-24');
		expect(nextBirthday('1990-11-23', '2026-11-24')).toBe('2027-11-23');
		expect(nextBirthday('--01-02', '2026-12-31')).toBe('2027-01-02');
		expect(nextBirthday('2000-02-29', '2026-11-24')).toBe('2027-02-28');
		expect(nextBirthday('2000-02-29', '2027-03-01')).toBe('2028-02-29');
		expect(nextBirthday(null, '2026-11-24')).toBeNull();
	});
});
