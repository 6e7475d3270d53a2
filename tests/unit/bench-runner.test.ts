// The benchmark runner's contract (bench/README.md › Adding a module): every file in
// bench/modules is a well-formed module, rows summarise and compare as documented. The bench
// itself is not part of `npm test` (no browser here); this keeps its shape from rotting.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellScripts } from '../../bench/modules/startup.bench';
import { loadModules } from '../../bench/run';
import { formatTable, isWellFormed, ratio, row, summarize } from '../../bench/stats';
import { sizeFor } from '../../bench/context';
import { cpuBetween } from '../../bench/quiet';

describe('bench runner', () => {
	it('loads every bench/modules/*.bench.ts as a named module, in order', async () => {
		const files = readdirSync(join(import.meta.dirname, '../../bench/modules')).filter((f) =>
			f.endsWith('.bench.ts')
		);
		const modules = await loadModules();
		expect(modules.map((m) => m.name).sort()).toEqual(
			files.map((f) => f.replace('.bench.ts', '')).sort()
		);
		for (const m of modules) expect(typeof m.run).toBe('function');
		const orders = modules.map((m) => m.order ?? 100);
		expect(orders).toEqual([...orders].sort((a, b) => a - b));
		expect((await loadModules(['search'])).map((m) => m.name)).toEqual(['search']);
	});

	it('summarises samples into median, p95 and max', () => {
		const s = summarize([...Array(100).keys()].map((i) => i + 1).reverse());
		expect(s).toEqual({ n: 100, p50: 50.5, p95: 95, max: 100 });
		expect(summarize([3, 1, 2]).p50).toBe(2);
		// Two samples: their mean, never the faster one alone.
		expect(summarize([11, 9.5])).toEqual({ n: 2, p50: 10.25, p95: 11, max: 11 });
		expect(Number.isNaN(summarize([]).p50)).toBe(true);
	});

	it('gives the ratio to the peer so that above 1 means Schedario is ahead', () => {
		const time = row('q', 'ms', [2, 2, 2], { peer: { name: 'Fuse', samples: [10, 10] } });
		expect(ratio(time)).toBe(5);
		const rate = row('t', 'docs/s', [3000], {
			peer: { name: 'PouchDB', samples: [1000] },
			higherIsBetter: true
		});
		expect(ratio(rate)).toBe(3);
		expect(ratio(row('alone', 'ms', [1]))).toBeUndefined();
		const table = formatTable([time, rate]);
		expect(table).toContain('5.00×');
		expect(table).toContain('3.00×');
		expect(table.split('\n')).toHaveLength(4);
	});

	it('accepts finite rows and rejects empty or broken ones', () => {
		expect(isWellFormed(row('q', 'ms', [1, 2]))).toBe(true);
		expect(isWellFormed(row('q', 'ms', []))).toBe(false);
		expect(isWellFormed(row('q', 'ms', [1], { peer: { name: 'p', samples: [] } }))).toBe(false);
	});

	it('scales nominal sizes down for toy runs and keeps them at full scale', () => {
		expect(sizeFor('full', 100_000)).toBe(100_000);
		expect(sizeFor('toy', 100_000)).toBe(200);
		expect(sizeFor('toy', 10_000)).toBe(50);
	});

	it("finds the shell's scripts in index.html whatever the attribute order", () => {
		const html = `<link href="/a.js" rel="modulepreload"><link rel="modulepreload" href="/b.js">
			<link href="/c.css" rel="stylesheet"><script>import("/a.js"); import("/d.js")</script>`;
		expect(shellScripts(html).sort()).toEqual(['/a.js', '/b.js', '/d.js']);
	});

	it('counts the CPU used between two samples by the processes alive in both', () => {
		const before = new Map([
			[1, 10],
			[2, 5],
			[3, 7]
		]);
		// Process 3 exited (its time must not count as negative), 4 started (no baseline).
		const after = new Map([
			[1, 10.5],
			[2, 5.25],
			[4, 30]
		]);
		expect(cpuBetween(before, after)).toBe(0.75);
	});
});
