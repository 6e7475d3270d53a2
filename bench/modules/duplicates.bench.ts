// Duplicate detection (issue 4), in Node on the domain code the app runs: candidate lookup for
// one card among 100,000 (the form's warning, no pairwise scan), and checking an import of
// 5,000 rows against them (index the new rows, find every pair at "review" or better).
import type { ClientFields } from '../../src/lib/domain/client';
import { DuplicateIndex } from '../../src/lib/domain/duplicates';
import { generateClientFields } from '../../tests/fixtures/clients';
import { row } from '../stats';
import type { BenchModule } from '../types';

const LOOKUPS = 1000;

const duplicatesBench: BenchModule = {
	name: 'duplicates',
	order: 70,
	async run(ctx) {
		const size = ctx.size(100_000);
		const importSize = ctx.size(5_000);
		const book = generateClientFields(size, { seed: 2026 });
		// The import: re-typed copies of existing clients (phones as people type them) and new ones.
		const fresh = generateClientFields(importSize, { seed: 77 });
		const rows: ClientFields[] = fresh.map((f, i) => {
			if (i % 2 === 1) return f;
			const known = book[(i * 7919) % size] as ClientFields;
			return {
				...known,
				phones: known.phones.map((p) => ({
					...p,
					e164: '',
					raw: p.raw.replace(/(\d{3})(\d{3})/, '$1 $2 ')
				}))
			};
		});

		let t0 = performance.now();
		const index = new DuplicateIndex('IT');
		book.forEach((f, i) => index.set(`c${i}`, f));
		const buildMs = performance.now() - t0;
		ctx.log(`duplicates: index of ${size} built in ${Math.round(buildMs)} ms`);

		const lookups: number[] = [];
		for (let i = 0; i < LOOKUPS; i++) {
			const probe = book[(i * 104_729) % size] as ClientFields;
			t0 = performance.now();
			index.candidatesFor(probe, { excludeId: `c${(i * 104_729) % size}`, limit: 5 });
			lookups.push(performance.now() - t0);
		}

		t0 = performance.now();
		const ids = rows.map((f, i) => {
			index.set(`import${i}`, f);
			return `import${i}`;
		});
		const pairs = index.pairsFor(ids, 'review');
		const importMs = performance.now() - t0;
		ctx.log(`duplicates: import of ${importSize} rows → ${pairs.length} pairs at review or better`);

		return [
			row(`duplicate index build, ${size} clients (Node)`, 'ms', [buildMs]),
			row(`duplicate candidate lookup, one card among ${size} clients (Node)`, 'ms', lookups, {
				target: '< 1 ms'
			}),
			row(`check an import of ${importSize} rows against ${size} clients (Node)`, 'ms', [importMs])
		];
	}
};

export default duplicatesBench;
