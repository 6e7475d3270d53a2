// clientStats and the list's aggregates: hand-checked cases (30-day window at a month boundary,
// no visits) and properties over generated histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	aggregateVisits,
	clientStats,
	dayKey,
	dayNumber,
	loyaltyBalances,
	RECENT_DAYS
} from '$lib/domain/visit-stats';
import { compareVisitsNewestFirst, lastDoneVisit, repeatVisit } from '$lib/domain/visit';
import { atOfDay, generateVisits, makeVisit } from '../fixtures/visits';

describe('clientStats', () => {
	it('a client with no visits: zeros, nulls and the card creation as "client since"', () => {
		const stats = clientStats([], '2026-03-01', { createdDay: '2025-06-10' });
		expect(stats).toEqual({
			visitCount: 0,
			totalSpent: 0,
			spentRecently: 0,
			averageTicket: null,
			firstVisit: null,
			lastVisit: null,
			averageIntervalDays: null,
			noShows: 0,
			cancelled: 0,
			topServices: [],
			topProducts: [],
			clientSince: '2025-06-10'
		});
		expect(clientStats([], '2026-03-01').clientSince).toBeNull();
	});

	it('the 30-day window crosses a month boundary (1 March back into January of a common year)', () => {
		// 2026 is not a leap year: the 30 days ending 1 March start on 31 January.
		const visits = [
			makeVisit({ at: '2026-01-30T18:00', amountPaid: 1000 }),
			makeVisit({ at: '2026-01-31T09:00', amountPaid: 2000 }),
			makeVisit({ at: '2026-02-28T12:00', amountPaid: 4000 }),
			makeVisit({ at: '2026-03-01T08:30', amountPaid: 8000 }),
			// After today (a visit booked ahead by mistake) is not "lately".
			makeVisit({ at: '2026-03-02T08:30', amountPaid: 16000 })
		];
		const stats = clientStats(visits, '2026-03-01');
		expect(stats.spentRecently).toBe(2000 + 4000 + 8000);
		expect(stats.totalSpent).toBe(31000);
		// In a leap year the same window starts on 1 February: 31 January falls out.
		const leap = visits.map((v) => ({ ...v, at: v.at.replace('2026-', '2028-') }));
		const leapFeb29 = [...leap, makeVisit({ at: '2028-02-29T10:00', amountPaid: 32 })];
		expect(clientStats(leapFeb29, '2028-03-01').spentRecently).toBe(4000 + 8000 + 32);
	});

	it('counts done visits only; no-shows and cancellations separately; tops by count', () => {
		const cut = { itemId: 'cut', name: 'Taglio', price: 3500 };
		const colour = { itemId: 'col', name: 'Colore', price: 5500 };
		const shampoo = { itemId: 'sh', name: 'Shampoo', price: 1800 };
		const visits = [
			makeVisit({ at: '2026-01-01T10:00', services: [cut], amountPaid: 3500 }),
			makeVisit({
				at: '2026-01-11T10:00',
				services: [cut, colour],
				products: [shampoo],
				amountPaid: 10800
			}),
			makeVisit({ at: '2026-01-31T10:00', services: [cut], amountPaid: 3000 }),
			makeVisit({ at: '2026-02-05T10:00', services: [colour], status: 'no-show' }),
			makeVisit({ at: '2025-12-01T10:00', services: [colour], status: 'cancelled' }),
			makeVisit({ kind: 'points', at: '2025-11-01T10:00', delta: 10 })
		];
		const stats = clientStats(visits, '2026-02-10', { createdDay: '2025-12-20' });
		expect(stats.visitCount).toBe(3);
		expect(stats.totalSpent).toBe(17300);
		expect(stats.averageTicket).toBe(Math.round(17300 / 3));
		expect(stats.firstVisit).toBe('2026-01-01T10:00');
		expect(stats.lastVisit).toBe('2026-01-31T10:00');
		expect(stats.averageIntervalDays).toBe(15);
		expect(stats.noShows).toBe(1);
		expect(stats.cancelled).toBe(1);
		expect(stats.topServices).toEqual([
			{ name: 'Taglio', count: 3 },
			{ name: 'Colore', count: 1 }
		]);
		expect(stats.topProducts).toEqual([{ name: 'Shampoo', count: 1 }]);
		// The cancelled visit of 1 December predates the card: the client was known before.
		expect(stats.clientSince).toBe('2025-12-01');
	});

	it('generated histories: totals, counts, window and order agree with a direct computation', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 60 }),
				fc.integer({ min: 1, max: 1_000_000 }),
				fc.integer({ min: 19_000, max: 20_600 }),
				(count, seed, todayN) => {
					const visits = generateVisits(count, { seed, fromDay: 18_900, toDay: 20_600 });
					const today = atOfDay(todayN).slice(0, 10);
					const stats = clientStats(visits, today);
					const done = visits.filter((v) => v.status === 'done');
					expect(stats.visitCount).toBe(done.length);
					expect(stats.totalSpent).toBe(done.reduce((s, v) => s + v.amountPaid, 0));
					const recent = done.filter((v) => {
						const age = todayN - dayNumber(v.at);
						return age >= 0 && age < RECENT_DAYS;
					});
					expect(stats.spentRecently).toBe(recent.reduce((s, v) => s + v.amountPaid, 0));
					expect(stats.noShows).toBe(visits.filter((v) => v.status === 'no-show').length);
					const days = done.map((v) => v.at).sort();
					expect(stats.firstVisit).toBe(days[0] ?? null);
					expect(stats.lastVisit).toBe(days[days.length - 1] ?? null);
					if (done.length >= 2) {
						expect(stats.averageIntervalDays).toBeCloseTo(
							(dayNumber(days[days.length - 1]!) - dayNumber(days[0]!)) / (done.length - 1)
						);
					}
					// The aggregate the list sorts on says the same.
					const agg = aggregateVisits(visits);
					expect(agg.visitCount).toBe(stats.visitCount);
					expect(agg.totalSpent).toBe(stats.totalSpent);
					expect(agg.lastVisit).toBe(stats.lastVisit ? dayKey(stats.lastVisit) : 0);
					expect(agg.firstVisit).toBe(stats.firstVisit ? dayKey(stats.firstVisit) : 0);
					// Shuffling the history changes nothing.
					expect(clientStats([...visits].reverse(), today)).toEqual(stats);
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('visits helpers', () => {
	it('repeat last treatment copies the last done visit, not a later no-show', () => {
		const colour = { itemId: 'col', name: 'Colore', price: 5500 };
		const last = makeVisit({
			at: '2026-02-01T10:00',
			services: [colour],
			note: '7.4 + 20 vol',
			staffName: 'Giulia',
			amountPaid: 5500
		});
		const history = [
			makeVisit({ at: '2026-01-01T10:00' }),
			last,
			makeVisit({ at: '2026-02-10T10:00', status: 'no-show' })
		];
		expect(lastDoneVisit(history)).toBe(last);
		expect(repeatVisit(last, '2026-03-01T11:00')).toMatchObject({
			at: '2026-03-01T11:00',
			status: 'done',
			services: [colour],
			note: '7.4 + 20 vol',
			staffName: 'Giulia',
			amountPaid: 5500
		});
		expect(lastDoneVisit([])).toBeNull();
		expect(
			history
				.slice()
				.sort(compareVisitsNewestFirst)
				.map((v) => v.at)
		).toEqual(['2026-02-10T10:00', '2026-02-01T10:00', '2026-01-01T10:00']);
	});

	it('loyalty balances are the sum of movements, so movements from two devices both count', () => {
		const tablet = [
			makeVisit({ kind: 'points', delta: 50 }),
			makeVisit({ kind: 'prepaid', delta: 10000 })
		];
		const reception = [
			makeVisit({ kind: 'points', delta: -20 }),
			makeVisit({ kind: 'prepaid', delta: -2500 })
		];
		const visit = makeVisit({ amountPaid: 3000 });
		const balances = loyaltyBalances([...tablet, visit, ...reception]);
		expect(balances.points).toBe(30);
		expect(balances.prepaid).toBe(7500);
		expect(balances.movements).toHaveLength(4);
		expect(loyaltyBalances([])).toEqual({ points: 0, prepaid: 0, movements: [] });
	});
});
