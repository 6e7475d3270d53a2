// Dates in imported columns. A column is read in one order — year-month-day, day-month-year or
// month-day-year — chosen from all its values; the year may be missing (a birthday without a
// year, "12/03"). When both day-first and month-first read every value and give different
// dates (no value with a day above 12), the column is ambiguous and the person is asked.
import { parseBirthDate, toStoredBirthDate } from '../birthday';

export const DATE_ORDERS = ['ymd', 'dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export interface DateDetection {
	/** The order to use (the first that reads every value; day-first wins a tie). */
	order: DateOrder;
	/** True when another order also reads every value with a different result. */
	ambiguous: boolean;
	/** The orders that read every value. Empty when none does (the values are then errors). */
	candidates: DateOrder[];
}

const SEP = '[\\/.\\-\\s]';
const THREE = new RegExp(`^(\\d{1,4})${SEP}+(\\d{1,2})${SEP}+(\\d{1,4})$`);
const TWO = new RegExp(`^(\\d{1,2})${SEP}+(\\d{1,2})$`);
/** What a spreadsheet's date cell or an ISO timestamp looks like: '1980-05-03T00:00:00Z'. */
const ISO_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Our own export and ISO 8601 without a year. */
const NO_YEAR = /^--(\d{2})-(\d{2})$/;

function expandYear(year: string, todayYear: number): number {
	if (year.length === 4) return Number(year);
	if (year.length !== 2) return NaN;
	const yy = Number(year);
	// Two-digit years: the most recent past year ending so ("80" → 1980, "05" → 2005).
	const century = Math.floor(todayYear / 100) * 100;
	return century + yy > todayYear ? century - 100 + yy : century + yy;
}

function stored(day: number, month: number, year: number | null): string | null {
	if (!Number.isInteger(day) || !Number.isInteger(month)) return null;
	if (year !== null && (!Number.isInteger(year) || year < 1)) return null;
	const value = toStoredBirthDate(day, month, year);
	return parseBirthDate(value) ? value : null;
}

/** The stored form ('YYYY-MM-DD' or '--MM-DD') of `text` read in `order`, or null. */
export function parseDateAs(text: string, order: DateOrder, today: string): string | null {
	const value = text.trim();
	const todayYear = Number(today.slice(0, 4));
	const iso = ISO_PREFIX.exec(value);
	if (iso) return stored(Number(iso[3]), Number(iso[2]), Number(iso[1]));
	const noYear = NO_YEAR.exec(value);
	if (noYear) return stored(Number(noYear[2]), Number(noYear[1]), null);
	const three = THREE.exec(value);
	if (three) {
		const [, a, b, c] = three as unknown as [string, string, string, string];
		if (a.length === 4) return stored(Number(c), Number(b), Number(a)); // y-m-d in any order
		if (order === 'ymd' && a.length !== 4) return null;
		const year = expandYear(c, todayYear);
		return order === 'mdy'
			? stored(Number(b), Number(a), year)
			: stored(Number(a), Number(b), year);
	}
	const two = TWO.exec(value);
	if (two) {
		const [, a, b] = two as unknown as [string, string, string];
		return order === 'mdy'
			? stored(Number(b), Number(a), null)
			: stored(Number(a), Number(b), null);
	}
	return null;
}

/**
 * Picks the order for a column from its non-empty values: the one reading the most values
 * (day-first on a tie). Ambiguous when day-first and month-first read equally many and give a
 * different date for at least one value; values no order reads become row errors.
 */
export function detectDateOrder(values: readonly string[], today: string): DateDetection {
	const present = values.map((v) => v.trim()).filter((v) => v !== '');
	const results = new Map(
		DATE_ORDERS.map((o) => [o, present.map((v) => parseDateAs(v, o, today))] as const)
	);
	const readCount = (o: DateOrder) => results.get(o)!.filter((r) => r !== null).length;
	const best = Math.max(...DATE_ORDERS.map(readCount));
	const candidates = DATE_ORDERS.filter((o) => readCount(o) === present.length);
	const dmy = results.get('dmy')!;
	const mdy = results.get('mdy')!;
	const tie = readCount('dmy') === best && readCount('mdy') === best;
	const differ = dmy.some((r, i) => r !== null && mdy[i] !== null && r !== mdy[i]);
	const order: DateOrder =
		readCount('dmy') === best ? 'dmy' : readCount('mdy') === best ? 'mdy' : 'ymd';
	return { order, ambiguous: tie && differ, candidates };
}
