import { describe, expect, it } from 'vitest';
import { upcomingBirthdays } from '$lib/domain/upcoming-birthdays';

describe('upcomingBirthdays', () => {
	const people = [
		{ name: 'Ana', birthDate: '1990-03-01' },
		{ name: 'Bea', birthDate: '--02-28' },
		{ name: 'Cleo', birthDate: '2000-02-29' },
		{ name: 'Dora', birthDate: '1985-03-06' },
		{ name: 'Eva', birthDate: '1985-03-07' },
		{ name: 'Flor', birthDate: null }
	];

	it('groups today, tomorrow and the rest of the week, soonest first, across a month end', () => {
		const result = upcomingBirthdays(people, '2026-02-28');
		expect(result.map((r) => [r.client.name, r.group, r.inDays, r.turns])).toEqual([
			['Bea', 'today', 0, null],
			// 2026 has no 29 February: Cleo celebrates on the 28th, turning 26.
			['Cleo', 'today', 0, 26],
			['Ana', 'tomorrow', 1, 36],
			['Dora', 'next7', 6, 41],
			['Eva', 'next7', 7, 41]
		]);
	});

	it('wraps over new year and leaves out whoever is further than 7 days away', () => {
		const result = upcomingBirthdays(
			[{ birthDate: '1970-01-02' }, { birthDate: '1970-12-31' }, { birthDate: '1970-01-10' }],
			'2026-12-31'
		);
		expect(result.map((r) => [r.date, r.group])).toEqual([
			['2026-12-31', 'today'],
			['2027-01-02', 'next7']
		]);
	});
});
