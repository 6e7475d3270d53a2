// What the card and the list show about a client's history, computed from her visits. Pure:
// "today" is an argument ('YYYY-MM-DD', the device's day) so tests are deterministic.
import type { Visit } from './visit.js';

/** Days in the "spent lately" window, today included. */
export const RECENT_DAYS = 30;
export const TOP_ITEMS = 3;

export interface TopItem {
	name: string;
	count: number;
}

export interface ClientStats {
	/** Done visits. */
	visitCount: number;
	/** Cents paid on done visits. */
	totalSpent: number;
	/** Cents paid on done visits of the last RECENT_DAYS days, today included. */
	spentRecently: number;
	/** totalSpent / visitCount, rounded to the cent; null without visits. */
	averageTicket: number | null;
	/** 'YYYY-MM-DDTHH:mm' of the first and last done visit. */
	firstVisit: string | null;
	lastVisit: string | null;
	/** Mean days between consecutive done visits; null below two visits. */
	averageIntervalDays: number | null;
	noShows: number;
	cancelled: number;
	topServices: TopItem[];
	topProducts: TopItem[];
	/** 'YYYY-MM-DD': the earlier of the card's creation and the first visit of any status. */
	clientSince: string | null;
}

/** Whole days since 1970-01-01 of a 'YYYY-MM-DD…' text (UTC arithmetic: no DST shifts). */
export function dayNumber(iso: string): number {
	return Math.round(
		Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
			86_400_000
	);
}

function topOf(counts: Map<string, TopItem>): TopItem[] {
	return [...counts.values()]
		.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
		.slice(0, TOP_ITEMS);
}

function count(map: Map<string, TopItem>, line: { itemId: string; name: string }): void {
	const key = line.itemId || `name:${line.name}`;
	const item = map.get(key) ?? { name: line.name, count: 0 };
	item.count += 1;
	map.set(key, item);
}

export function clientStats(
	visits: readonly Visit[],
	today: string,
	opts: { createdDay?: string } = {}
): ClientStats {
	const todayN = dayNumber(today);
	const services = new Map<string, TopItem>();
	const products = new Map<string, TopItem>();
	let visitCount = 0;
	let totalSpent = 0;
	let spentRecently = 0;
	let noShows = 0;
	let cancelled = 0;
	let first: string | null = null;
	let last: string | null = null;
	let earliest: string | null = opts.createdDay ?? null;
	for (const v of visits) {
		if (v.kind !== 'visit') continue;
		if (earliest === null || v.at.slice(0, 10) < earliest) earliest = v.at.slice(0, 10);
		if (v.status === 'no-show') noShows += 1;
		if (v.status === 'cancelled') cancelled += 1;
		if (v.status !== 'done') continue;
		visitCount += 1;
		totalSpent += v.amountPaid;
		const age = todayN - dayNumber(v.at);
		if (age >= 0 && age < RECENT_DAYS) spentRecently += v.amountPaid;
		if (first === null || v.at < first) first = v.at;
		if (last === null || v.at > last) last = v.at;
		for (const line of v.services) count(services, line);
		for (const line of v.products) count(products, line);
	}
	return {
		visitCount,
		totalSpent,
		spentRecently,
		averageTicket: visitCount > 0 ? Math.round(totalSpent / visitCount) : null,
		firstVisit: first,
		lastVisit: last,
		averageIntervalDays:
			visitCount >= 2 && first !== null && last !== null
				? (dayNumber(last) - dayNumber(first)) / (visitCount - 1)
				: null,
		noShows,
		cancelled,
		topServices: topOf(services),
		topProducts: topOf(products),
		clientSince: earliest
	};
}

/** What the list sorts and filters on, per client: cheap to keep for 100,000 clients. */
export interface VisitAggregate {
	visitCount: number;
	totalSpent: number;
	/** yyyymmdd of the first and last done visit; 0 without one. */
	firstVisit: number;
	lastVisit: number;
}

export const NO_VISITS: VisitAggregate = {
	visitCount: 0,
	totalSpent: 0,
	firstVisit: 0,
	lastVisit: 0
};

/** 'YYYY-MM-DD…' → yyyymmdd. */
export function dayKey(iso: string): number {
	return (
		Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10))
	);
}

export function aggregateVisits(visits: Iterable<Visit>): VisitAggregate {
	let visitCount = 0;
	let totalSpent = 0;
	let firstVisit = 0;
	let lastVisit = 0;
	for (const v of visits) {
		if (v.kind !== 'visit' || v.status !== 'done') continue;
		visitCount += 1;
		totalSpent += v.amountPaid;
		const day = dayKey(v.at);
		if (firstVisit === 0 || day < firstVisit) firstVisit = day;
		if (day > lastVisit) lastVisit = day;
	}
	return { visitCount, totalSpent, firstVisit, lastVisit };
}

export interface LoyaltyBalances {
	points: number;
	/** Cents of prepaid or gift credit. */
	prepaid: number;
	/** The movements, newest first. */
	movements: Visit[];
}

/** Balances are sums of append-only movements, so concurrent movements on two devices both
 *  count after sync (nothing to merge). */
export function loyaltyBalances(records: readonly Visit[]): LoyaltyBalances {
	let points = 0;
	let prepaid = 0;
	const movements: Visit[] = [];
	for (const r of records) {
		if (r.kind === 'points') points += r.delta;
		else if (r.kind === 'prepaid') prepaid += r.delta;
		else continue;
		movements.push(r);
	}
	movements.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
	return { points, prepaid, movements };
}
