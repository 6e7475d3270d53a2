// The client book's start-up in two steps (issue 8, start-up < 1.5 s with 50,000 cards): the
// list's first screen from an indexed read — the first cards by name, plus every card of a
// merged group so group views are whole — then the rest of the book in batches, yielding to the
// page between them, into the same index. Until the rest is in, only the default list (no
// search, default filters, name A–Z) can be answered, and only up to the boundary: every card
// sorting at or before it is in memory, so those rows are exactly the full list's first rows.
import * as clients from '$lib/db/clients';
import type { SchedarioDatabase } from '$lib/db/database';
import type { Client } from '$lib/domain/client';
import type { GroupedClientIndex } from '$lib/domain/grouped-index';
import { groupsOf, type Link } from '$lib/domain/links';
import { DEFAULT_SORT, NO_FILTERS, type ClientQuery } from '$lib/domain/query';
import { sortNameOf } from '$lib/domain/normalize';

/** Rows read before the first paint: a tall screen shows ~20; the rest leaves room to scroll. */
export const FIRST_SCREEN_ROWS = 200;
/** Rows per later read: each batch's decoding is one main-thread task, kept short. */
export const BATCH_ROWS = 4_000;

/** The last card of the first screen in the default order (sortName, then id). */
export interface Boundary {
	sortName: string;
	id: string;
}

/** The key the search index sorts a card by (search-entry.ts › buildEntry). */
function sortKeyOf(client: Client): string {
	return client.sortName || sortNameOf(client);
}

/**
 * Reads the first screen into `index` (which must already hold the links). Returns the
 * boundary, or null when the book is smaller than a screen and is therefore whole already.
 */
export async function loadFirstScreen(
	db: SchedarioDatabase,
	index: GroupedClientIndex,
	links: readonly Link[],
	rows = FIRST_SCREEN_ROWS
): Promise<Boundary | null> {
	const first = await clients.firstByName(db, rows);
	if (first.length < rows) {
		index.replaceAll(first);
		return null;
	}
	const have = new Set(first.map((c) => c.id));
	const grouped = [...groupsOf(links).members.values()].flat().filter((id) => !have.has(id));
	const members = await clients.byIds(db, grouped);
	index.replaceAll([...first, ...members]);
	const last = first.at(-1) as Client;
	return { sortName: sortKeyOf(last), id: last.id };
}

/** Reads every card not in `loaded` into `index`, batch by batch; returns the batch count. */
export async function loadRest(
	db: SchedarioDatabase,
	index: GroupedClientIndex,
	loaded: ReadonlySet<string>,
	yieldToPage: () => Promise<void>,
	batchRows = BATCH_ROWS
): Promise<number> {
	let batches = 0;
	for await (const batch of clients.inBatches(db, batchRows)) {
		const fresh = batch.filter((c) => !loaded.has(c.id));
		if (fresh.length > 0) index.upsertMany(fresh);
		batches += 1;
		await yieldToPage();
	}
	return batches;
}

/** Lets the page paint and handle input before the next batch is decoded. */
export function yieldToPage(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The only question the first screen can answer: no search, default filters, name A–Z. */
export function isDefaultQuery(q: ClientQuery): boolean {
	if (q.text.trim() !== '') return false;
	if (q.sort.column !== DEFAULT_SORT.column || q.sort.direction !== DEFAULT_SORT.direction) {
		return false;
	}
	const f = q.filters as unknown as Record<string, unknown>;
	const base = NO_FILTERS as unknown as Record<string, unknown>;
	return Object.keys(base).every((key) => f[key] === base[key]);
}

/** The rows of `result` (a default query's answer, in order) that sort at or before `b`. */
export function upToBoundary(result: readonly Client[], b: Boundary): Client[] {
	let end = 0;
	for (const c of result) {
		const key = sortKeyOf(c);
		if (key > b.sortName || (key === b.sortName && c.id > b.id)) break;
		end += 1;
	}
	return result.slice(0, end);
}
