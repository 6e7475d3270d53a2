// The /birthdays view: who celebrates today, tomorrow and in the rest of the next 7 days.
import { nextBirthday, parseBirthDate } from './birthday.js';
import { dayNumber } from './visit-stats.js';

export const BIRTHDAY_GROUPS = ['today', 'tomorrow', 'next7'] as const;
export type BirthdayGroup = (typeof BIRTHDAY_GROUPS)[number];

export interface UpcomingBirthday<C> {
	client: C;
	/** 'YYYY-MM-DD' of the celebration. */
	date: string;
	inDays: number;
	/** The age she turns; null when the birth year is unknown. */
	turns: number | null;
	group: BirthdayGroup;
}

/** Clients whose next birthday is within 7 days of `today`, soonest first, then by name order
 *  as given. A 29 February birthday is celebrated on 28 February in common years. */
export function upcomingBirthdays<C extends { birthDate: string | null }>(
	clients: readonly C[],
	today: string
): UpcomingBirthday<C>[] {
	const out: UpcomingBirthday<C>[] = [];
	const todayN = dayNumber(today);
	for (const client of clients) {
		const date = nextBirthday(client.birthDate, today);
		if (date === null) continue;
		const inDays = dayNumber(date) - todayN;
		if (inDays > 7) continue;
		const year = parseBirthDate(client.birthDate ?? '')?.year ?? null;
		out.push({
			client,
			date,
			inDays,
			turns: year === null ? null : Number(date.slice(0, 4)) - year,
			group: inDays === 0 ? 'today' : inDays === 1 ? 'tomorrow' : 'next7'
		});
	}
	// Stable sort: equal days keep the caller's (name) order.
	return out.sort((a, b) => a.inDays - b.inDays);
}
