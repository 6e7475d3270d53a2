// Percentiles, rows and the printed table for `npm run bench`.
import type { BenchRow, Summary } from './types';

export type { Summary } from './types';

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank] as number;
}

/** The median: the middle sample, or the mean of the two middle ones. (The nearest-rank p50 of
 *  two samples would be the faster one — flattering the few-sample rows such as first sync.) */
export function median(sorted: readonly number[]): number {
	const n = sorted.length;
	if (n === 0) return Number.NaN;
	const mid = n >> 1;
	return n % 2 === 1
		? (sorted[mid] as number)
		: ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarize(samples: readonly number[]): Summary {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		n: sorted.length,
		p50: median(sorted),
		p95: percentile(sorted, 95),
		max: sorted[sorted.length - 1] ?? Number.NaN
	};
}

/** A row from raw samples; `peer` samples (same unit) were taken in the same run. */
export function row(
	name: string,
	unit: string,
	samples: readonly number[],
	extra: {
		peer?: { name: string; samples: readonly number[] };
		higherIsBetter?: boolean;
		target?: string;
	} = {}
): BenchRow {
	return {
		name,
		unit,
		ours: summarize(samples),
		...(extra.peer ? { peer: { name: extra.peer.name, ...summarize(extra.peer.samples) } } : {}),
		...(extra.higherIsBetter ? { higherIsBetter: true } : {}),
		...(extra.target ? { target: extra.target } : {})
	};
}

/** How many times better Schedario's median is than the peer's (> 1: Schedario is ahead). */
export function ratio(r: BenchRow): number | undefined {
	if (!r.peer || !(r.ours.p50 > 0) || !(r.peer.p50 > 0)) return undefined;
	return r.higherIsBetter ? r.ours.p50 / r.peer.p50 : r.peer.p50 / r.ours.p50;
}

const fmt = (v: number | undefined): string =>
	v === undefined || Number.isNaN(v) ? '' : v >= 100 ? v.toFixed(0) : v.toFixed(2);

export function formatTable(rows: readonly BenchRow[]): string {
	const header = [
		'measure',
		'n',
		'p50',
		'p95',
		'unit',
		'peer',
		'peer p50',
		'peer p95',
		'ratio',
		'target'
	];
	const body = rows.map((r) => {
		const x = ratio(r);
		return [
			r.name,
			String(r.ours.n),
			fmt(r.ours.p50),
			r.ours.n > 1 ? fmt(r.ours.p95) : '',
			r.unit,
			r.peer?.name ?? '',
			fmt(r.peer?.p50),
			r.peer && r.peer.n > 1 ? fmt(r.peer.p95) : '',
			x === undefined ? '' : `${x.toFixed(2)}×`,
			r.target ?? ''
		];
	});
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
	const line = (cells: string[]) =>
		'| ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
	return [
		line(header),
		'|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
		...body.map(line)
	].join('\n');
}

/** A row is well-formed when its figures are finite numbers (used by the smoke test). */
export function isWellFormed(r: BenchRow): boolean {
	const ok = (s: Summary) =>
		Number.isInteger(s.n) && s.n > 0 && [s.p50, s.p95, s.max].every(Number.isFinite);
	return r.name.length > 0 && r.unit.length > 0 && ok(r.ours) && (!r.peer || ok(r.peer));
}
