// Visits on the list and the card (issue 6), in Node on the domain code the app runs: sorting
// 100,000 clients by total spent (the list's kept-sorted aggregate order: the first sort, a
// re-sort after one client's visit changes, and a query on the warm order), and the card's
// statistics over a history of 500 visits; and, in Chromium, opening a card with 500 visits and
// 50 photos: navigation to the card painted with its treatments and photo thumbnails.
import type { Client } from '../../src/lib/domain/client';
import { DEFAULT_SORT, NO_FILTERS, type ClientQuery } from '../../src/lib/domain/query';
import { ClientSearchIndex } from '../../src/lib/domain/search';
import {
	aggregateVisits,
	clientStats,
	type VisitAggregate
} from '../../src/lib/domain/visit-stats';
import { generateClientFields, mulberry32 } from '../../tests/fixtures/clients';
import { generateVisits } from '../../tests/fixtures/visits';
import { row } from '../stats';
import type { BenchContext, BenchModule } from '../types';

const ROUNDS = 20;

const bySpent: ClientQuery = {
	text: '',
	filters: NO_FILTERS,
	sort: { column: 'totalSpent', direction: 'desc' },
	today: '2026-11-24'
};

const visitsBench: BenchModule = {
	name: 'visits',
	order: 80,
	async run(ctx) {
		const size = ctx.size(100_000);
		const rand = mulberry32(2026);
		const clients: Client[] = generateClientFields(size, { seed: 2026 }).map((fields, i) => ({
			...fields,
			id: `c${String(i).padStart(6, '0')}`,
			sortName: `${fields.lastName} ${fields.firstName}`.toLowerCase(),
			createdAt: 1_700_000_000_000 + i,
			createdBy: 'bench',
			updatedAt: 1_700_000_000_000 + i,
			clock: {}
		}));
		// Two clients in three have visits; amounts in cents up to 2,000 €.
		const aggregates = new Map<string, VisitAggregate>();
		for (const c of clients) {
			if (rand() < 0.33) continue;
			aggregates.set(c.id, {
				visitCount: 1 + Math.floor(rand() * 40),
				totalSpent: Math.floor(rand() * 200_000),
				firstVisit: 20200101,
				lastVisit: 20261101
			});
		}
		const index = new ClientSearchIndex({ defaultCountry: 'IT', aggregates });
		index.replaceAll(clients);
		index.query({ ...bySpent, sort: DEFAULT_SORT });

		let t0 = performance.now();
		const first = index.query(bySpent);
		const firstMs = performance.now() - t0;
		if (first.length !== size) throw new Error(`sorted ${first.length} of ${size}`);

		const resort: number[] = [];
		const warm: number[] = [];
		for (let i = 0; i < ROUNDS; i++) {
			const id = clients[(i * 7919) % size]!.id;
			aggregates.set(id, { visitCount: 1, totalSpent: 300_000 + i, firstVisit: 0, lastVisit: 0 });
			t0 = performance.now();
			index.refreshAggregates([id]);
			const top = index.query(bySpent)[0];
			resort.push(performance.now() - t0);
			if (top?.id !== id) throw new Error('the changed client is not first');
			t0 = performance.now();
			index.query(bySpent);
			warm.push(performance.now() - t0);
		}

		const history = generateVisits(ctx.size(500), { seed: 5, clientId: 'card' });
		const stats: number[] = [];
		for (let i = 0; i < ROUNDS; i++) {
			t0 = performance.now();
			clientStats(history, '2026-11-24');
			aggregateVisits(history);
			stats.push(performance.now() - t0);
		}

		const cardMs = await openCardWithStory(ctx, ctx.size(500), ctx.size(50));

		return [
			row(
				`open a card with ${ctx.size(500)} visits and ${ctx.size(50)} photos, to first paint (Chromium)`,
				'ms',
				cardMs
			),
			row(`sort ${size} clients by total spent, first sort (Node)`, 'ms', [firstMs]),
			row(`re-sort by total spent after one client's visit, ${size} clients (Node)`, 'ms', resort),
			row(`query sorted by total spent, warm, ${size} clients (Node)`, 'ms', warm),
			row(`card statistics over ${history.length} visits (Node)`, 'ms', stats)
		];
	}
};

async function openCardWithStory(
	ctx: BenchContext,
	visits: number,
	photos: number
): Promise<number[]> {
	const page = await ctx.freshPage();
	try {
		const [fields] = generateClientFields(1, { seed: 9 });
		const history = generateVisits(visits, { seed: 5 });
		const id = await page.evaluate(([f, v, p]) => window.__schedarioBench!.seedStory(f, v, p), [
			fields!,
			history,
			photos
		] as const);
		const samples: number[] = [];
		for (let i = 0; i < ROUNDS / 4; i++) {
			await page.goto(`${ctx.baseUrl}/clients/${id}?bench=1&lang=en`);
			// From the navigation's start to the frame that shows every treatment and thumbnail.
			const painted = await page.waitForFunction(
				([v, p]): number | Promise<number> =>
					document.querySelectorAll('li.visit').length >= v &&
					document.querySelectorAll('img[src^="data:image/jpeg"]').length >= p
						? new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())))
						: 0,
				[visits, photos] as const,
				{ timeout: 120_000 }
			);
			samples.push(Number(await painted.jsonValue()));
		}
		return samples;
	} finally {
		await page.context().close();
	}
}

export default visitsBench;
