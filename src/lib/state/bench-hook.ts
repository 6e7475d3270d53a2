// Installed only when the app is opened with `?bench=1` (bench/modules/*.bench.ts): lets the
// benchmark load generated clients through the real write path, time the search index against
// its peers (RxDB `$regex`, Fuse.js) and watch what sync brings in, all in the page. Loaded
// with a dynamic import, so neither it nor the peers are part of the app's start-up bundle.
import type Fuse from 'fuse.js';
import { regexSearchCount } from '$lib/db/bench-peers';
import { getDatabase } from '$lib/db/database';
import type { Client, ClientFields } from '$lib/domain/client';
import { NO_FILTERS, DEFAULT_SORT } from '$lib/domain/query';
import { clientBook } from './clients.svelte';

let fuse: Fuse<Client> | null = null;

function allClients(): Client[] {
	return clientBook.query({
		text: '',
		filters: NO_FILTERS,
		sort: DEFAULT_SORT,
		today: '2026-01-01'
	});
}

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
		async timeRegex(text: string): Promise<number> {
			const db = await getDatabase();
			const started = performance.now();
			await regexSearchCount(db, text);
			return performance.now() - started;
		},
		async buildFuse(): Promise<number> {
			const { default: FuseClass } = await import('fuse.js');
			const records = allClients();
			const started = performance.now();
			// A typical search-as-you-type set-up: the fields our search covers, fuzzy but not loose.
			fuse = new FuseClass(records, {
				keys: [
					'firstName',
					'lastName',
					'phones.raw',
					'phones.e164',
					'emails',
					'fidelityCardNumber'
				],
				threshold: 0.3,
				ignoreLocation: true
			});
			return performance.now() - started;
		},
		timeFuse(text: string): number {
			if (!fuse) throw new Error('buildFuse() first');
			const started = performance.now();
			fuse.search(text);
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
