// Installed only when the app is opened with `?bench=1` (bench/run.ts, bench/sync-bench.ts):
// lets the benchmark load generated clients through the real write path, time the search index
// and watch what sync brings in, all in the page. Loaded with a dynamic import, so it is not
// part of the app's normal start-up bundle.
import type { Client, ClientFields } from '$lib/domain/client';
import { NO_FILTERS, DEFAULT_SORT } from '$lib/domain/query';
import { clientBook } from './clients.svelte';

export function installBenchHook(): void {
	window.__schedarioBench = {
		async seed(fields: ClientFields[]): Promise<number> {
			const created = await clientBook.createMany(fields);
			return created.length;
		},
		timeQuery(text: string): number {
			const started = performance.now();
			clientBook.query({ text, filters: NO_FILTERS, sort: DEFAULT_SORT, today: '2026-01-01' });
			return performance.now() - started;
		},
		count(): number {
			return clientBook.count;
		},
		get(id: string): Client | undefined {
			return clientBook.get(id);
		}
	};
}
