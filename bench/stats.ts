// Percentiles and the printed table for `npm run bench`.
export interface Summary {
	n: number;
	p50: number;
	p95: number;
	max: number;
}

export interface Row extends Summary {
	name: string;
	unit: string;
	target?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank] as number;
}

export function summarize(samples: readonly number[]): Summary {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		n: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		max: sorted[sorted.length - 1] ?? Number.NaN
	};
}

export function printTable(rows: readonly Row[]): void {
	const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
	const header = ['measure', 'n', 'p50', 'p95', 'max', 'unit', 'target'];
	const body = rows.map((r) => [
		r.name,
		String(r.n),
		fmt(r.p50),
		fmt(r.p95),
		fmt(r.max),
		r.unit,
		r.target ?? ''
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
	const line = (cells: string[]) =>
		'| ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
	console.log(line(header));
	console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
	for (const b of body) console.log(line(b));
}
