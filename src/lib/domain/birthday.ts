// Birthdays with or without a year. Stored as 'YYYY-MM-DD' or, without a year, '--MM-DD'
// (ISO 8601). All arithmetic is on calendar dates, never on Date objects in a time zone.
import type { BirthdayWindow } from './query';

export interface BirthDateParts {
	year: number | null;
	month: number;
	day: number;
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, year: number | null): number {
	if (month === 2) return year === null || isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const BIRTH_RE = /^(?:(\d{4})-|--)(\d{2})-(\d{2})$/;

export function parseBirthDate(s: string): BirthDateParts | null {
	const m = BIRTH_RE.exec(s);
	if (!m) return null;
	const year = m[1] === undefined ? null : Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	if (year !== null && year < 1) return null;
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) return null;
	return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toStoredBirthDate(day: number, month: number, year: number | null): string {
	return year === null
		? `--${pad(month)}-${pad(day)}`
		: `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

interface Ymd {
	year: number;
	month: number;
	day: number;
}

function parseToday(today: string): Ymd {
	const parts = parseBirthDate(today);
	if (!parts || parts.year === null) throw new RangeError(`Not a date: ${today}`);
	return { year: parts.year, month: parts.month, day: parts.day };
}

function addDays(d: Ymd, n: number): Ymd {
	let { year, month, day } = d;
	day += n;
	while (day > daysInMonth(month, year)) {
		day -= daysInMonth(month, year);
		month += 1;
		if (month > 12) {
			month = 1;
			year += 1;
		}
	}
	return { year, month, day };
}

/** Index of a month-day in a birthday table. */
export const monthDayKey = (month: number, day: number) => month * 32 + day;

/**
 * The month-days whose birthdays fall in a window, as a lookup table indexed by monthDayKey.
 * Built once per query so filtering 100,000 cards is a table lookup each. A 29 February
 * birthday is celebrated on 28 February in years that lack the 29th.
 */
export function birthdayWindowTable(
	window: BirthdayWindow,
	today: string,
	from?: string | null,
	to?: string | null
): Uint8Array {
	const table = new Uint8Array(13 * 32);
	const t = parseToday(today);
	const markDate = (d: Ymd) => {
		table[monthDayKey(d.month, d.day)] = 1;
		if (d.month === 2 && d.day === 28 && !isLeapYear(d.year)) table[monthDayKey(2, 29)] = 1;
	};
	const span = (days: number) => {
		for (let i = 0; i <= days; i++) markDate(addDays(t, i));
	};
	switch (window) {
		case 'today':
			span(0);
			break;
		case 'tomorrow':
			markDate(addDays(t, 1));
			break;
		case 'next7':
			span(7);
			break;
		case 'thisMonth':
			// 29 February counts in every February: in common years it is celebrated on the 28th.
			for (let day = 1; day <= daysInMonth(t.month, null); day++) {
				table[monthDayKey(t.month, day)] = 1;
			}
			break;
		case 'range': {
			const start = parseMonthDay(from);
			const end = parseMonthDay(to);
			if (!start || !end) break;
			// Walk a leap year so 29 February can be a bound; wrap over new year when end < start.
			let d: Ymd = { year: 2000, ...start };
			for (let i = 0; i < 366; i++) {
				table[monthDayKey(d.month, d.day)] = 1;
				if (d.month === end.month && d.day === end.day) break;
				d = addDays(d, 1);
				if (d.year > 2000) d = { ...d, year: 2000 };
			}
			if (table[monthDayKey(2, 28)] && !isLeapYear(t.year)) table[monthDayKey(2, 29)] = 1;
			break;
		}
	}
	return table;
}

function parseMonthDay(s: string | null | undefined): { month: number; day: number } | null {
	if (!s) return null;
	const parts = parseBirthDate(`--${s}`);
	return parts ? { month: parts.month, day: parts.day } : null;
}

export function birthdayMatches(
	birthDate: string | null,
	window: BirthdayWindow,
	today: string,
	from?: string | null,
	to?: string | null
): boolean {
	if (!birthDate) return false;
	const parts = parseBirthDate(birthDate);
	if (!parts) return false;
	return birthdayWindowTable(window, today, from, to)[monthDayKey(parts.month, parts.day)] === 1;
}

/** Completed years on `today`; null without a year. A 29 February child turns a year older
 *  on 1 March in common years (the civil-law reading in Italy, Portugal and Bulgaria). */
export function ageOn(birthDate: string | null, today: string): number | null {
	const b = birthDate ? parseBirthDate(birthDate) : null;
	if (!b || b.year === null) return null;
	const t = parseToday(today);
	const hadBirthday = t.month > b.month || (t.month === b.month && t.day >= b.day);
	const age = t.year - b.year - (hadBirthday ? 0 : 1);
	return age >= 0 ? age : null;
}

/** The date of the next celebration on or after `today` ('YYYY-MM-DD'). */
export function nextBirthday(birthDate: string | null, today: string): string | null {
	const b = birthDate ? parseBirthDate(birthDate) : null;
	if (!b) return null;
	const t = parseToday(today);
	const occurrence = (year: number) =>
		b.month === 2 && b.day === 29 && !isLeapYear(year)
			? { month: 2, day: 28 }
			: { month: b.month, day: b.day };
	let year = t.year;
	let o = occurrence(year);
	if (o.month < t.month || (o.month === t.month && o.day < t.day)) {
		year += 1;
		o = occurrence(year);
	}
	return toStoredBirthDate(o.day, o.month, year);
}
