// The client book during a first sync (src/lib/state/quiet-arrivals.ts): over a real RxDB on
// fake-indexeddb, a bootstrap (src/lib/db/bootstrap.ts) writes page after page while the book
// follows the change stream. The first page is announced at once, the following bulk pages go
// into the index quietly (the stored count stays exact), a small page is announced at once, and
// the end of the bootstrap announces the rest. The book then answers every question (sorts,
// filters, search texts, counts, each card) exactly as a book freshly loaded from the same
// database does.
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapCollection, type BootstrapPage } from '$lib/db/bootstrap';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { clientSchema } from '$lib/domain/client';
import { isWireClient } from '$lib/domain/client-wire-check';
import { HybridClock } from '$lib/domain/hlc';
import { newDeviceId } from '$lib/domain/ids';
import { stampWrite } from '$lib/domain/stamp';
import { ClientBook } from '$lib/state/clients.svelte';
import { QUIET_MIN_BATCH } from '$lib/state/quiet-arrivals';
import { salon } from '$lib/state/salon.svelte';
import { generateClientFields } from '../fixtures/clients';
import { ids, listQuery, listQuestions } from '../fixtures/search-books';
import { storage } from './bootstrap-support';

const open: SchedarioDatabase[] = [];
const books: ClientBook[] = [];
afterEach(async () => {
	for (const book of books.splice(0)) book.stop();
	salon.stop();
	await Promise.all(open.splice(0).map((db) => db.close()));
});

const PAGE = QUIET_MIN_BATCH;
const CARDS = 3 * PAGE + 20; // three bulk pages, then a small one

/** Valid wire cards written on another device: some archived, some blacklisted. */
function wireCards(count: number): Record<string, unknown>[] {
	const hlc = new HybridClock(newDeviceId());
	const at = 1_763_942_400_000;
	return generateClientFields(count, { seed: 23 }).map((raw, i) => {
		const fields = { ...raw, archived: i % 17 === 0, blacklisted: i % 29 === 0 };
		const stamped = stampWrite(null, fields, hlc.tick());
		const client = clientSchema.parse({
			...stamped.fields,
			id: `c-${String(i).padStart(4, '0')}`,
			sortName: `${stamped.fields.lastName} ${stamped.fields.firstName}`.toLowerCase(),
			createdAt: at + i,
			createdBy: '',
			updatedAt: at + i,
			clock: stamped.clock,
			sets: stamped.sets
		});
		return { ...client, _deleted: false };
	});
}

const q = listQuery;
const questions = listQuestions;

describe('the client book during a first sync', () => {
	it('announces the first page, holds the next bulk pages back, and ends like a fresh load', async () => {
		const docs = wireCards(CARDS);
		expect(docs.every(isWireClient)).toBe(true);
		const db = await createSchedarioDatabase({
			name: `boot-book-${Date.now()}`,
			storage: storage()
		});
		open.push(db);
		const book = new ClientBook();
		books.push(book);
		await book.start(db);
		expect(book.storedCount).toBe(0);

		// Subscribed after the book: each page's batch has been applied when this runs.
		const seen: { stored: number; revision: number }[] = [];
		const sub = db.clients.eventBulks$.subscribe(() => {
			seen.push({ stored: book.storedCount, revision: book.revision });
		});
		const start = book.revision;
		book.setBootstrapping(true);
		const result = await bootstrapCollection({
			collection: db.clients as never,
			replicationIdentifier: 'test-clients',
			pull: async (checkpoint, limit): Promise<BootstrapPage> => {
				const from = checkpoint?.seq ?? 0;
				const documents = docs.slice(from, from + limit);
				return { documents, checkpoint: { seq: from + documents.length } };
			},
			limit: PAGE,
			isValid: isWireClient,
			isStopped: () => false
		});
		sub.unsubscribe();
		expect(result?.written).toBe(CARDS);

		expect(seen.map((s) => s.stored)).toEqual([PAGE, 2 * PAGE, 3 * PAGE, CARDS]);
		const [first, second, third, small] = seen as [
			(typeof seen)[0],
			(typeof seen)[0],
			(typeof seen)[0],
			(typeof seen)[0]
		];
		expect(first.revision).toBeGreaterThan(start); // the first page, into an empty book
		expect(second.revision).toBe(first.revision); // held back
		expect(third.revision).toBe(first.revision); // held back
		expect(small.revision).toBeGreaterThan(third.revision); // under the bulk size: at once
		const beforeEnd = book.revision;
		book.setBootstrapping(false);
		expect(book.revision).toBeGreaterThan(beforeEnd);

		const fresh = new ClientBook();
		books.push(fresh);
		await fresh.start(db);
		expect(book.count).toBe(fresh.count);
		expect(book.storedCount).toBe(CARDS);
		expect(fresh.storedCount).toBe(CARDS);
		for (const question of questions()) {
			expect(ids(book.query(question))).toEqual(ids(fresh.query(question)));
		}
		for (const doc of docs) expect(book.raw(String(doc.id))).toEqual(fresh.raw(String(doc.id)));
		expect(ids(book.query(q({ text: 'ma' }))).length).toBeGreaterThan(0);
	});

	it('without a bootstrap, every bulk batch is announced at once', async () => {
		const docs = wireCards(2 * PAGE);
		const db = await createSchedarioDatabase({
			name: `boot-book-plain-${Date.now()}`,
			storage: storage()
		});
		open.push(db);
		const book = new ClientBook();
		books.push(book);
		await book.start(db);
		const revisions: number[] = [];
		const sub = db.clients.eventBulks$.subscribe(() => revisions.push(book.revision));
		const start = book.revision;
		await bootstrapCollection({
			collection: db.clients as never,
			replicationIdentifier: 'test-clients',
			pull: async (checkpoint, limit): Promise<BootstrapPage> => {
				const from = checkpoint?.seq ?? 0;
				const documents = docs.slice(from, from + limit);
				return { documents, checkpoint: { seq: from + documents.length } };
			},
			limit: PAGE,
			isValid: isWireClient,
			isStopped: () => false
		});
		sub.unsubscribe();
		expect(revisions.length).toBe(2);
		expect(revisions[0]).toBeGreaterThan(start);
		expect(revisions[1]).toBeGreaterThan(revisions[0]!);
	});
});
