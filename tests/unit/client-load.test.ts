// Start-up in two steps (src/lib/state/client-load.ts): the first screen from the sortName index,
// then the rest in batches. Over a real (fake-indexeddb) database, the progressive load must end
// in exactly the index the one-shot load builds — archived, blacklisted and deleted cards, merged
// groups (one whose chosen name sorts first while its cards sort last), and writes made while
// the batches are read — and the first rows must be exactly the full list's first rows.
import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import * as clients from '$lib/db/clients';
import * as linksRepo from '$lib/db/links';
import type { Client } from '$lib/domain/client';
import { GroupedClientIndex } from '$lib/domain/grouped-index';
import { HybridClock } from '$lib/domain/hlc';
import { newDeviceId } from '$lib/domain/ids';
import { writeLink, type Link } from '$lib/domain/links';
import { NO_FILTERS } from '$lib/domain/query';
import {
	isDefaultQuery,
	loadFirstScreen,
	loadRest,
	upToBoundary,
	yieldToPage
} from '$lib/state/client-load';
import { ClientBook } from '$lib/state/clients.svelte';
import { linksKey, SnapshotKeeper, validCount } from '$lib/state/list-snapshot';
import { salon } from '$lib/state/salon.svelte';
import { generateClientFields } from '../fixtures/clients';
import { ids, listQuery, listQuestions } from '../fixtures/search-books';

const open: SchedarioDatabase[] = [];
const books: ClientBook[] = [];
let counter = 0;

afterEach(async () => {
	for (const book of books.splice(0)) book.stop();
	salon.stop();
	await Promise.all(open.splice(0).map((db) => db.close()));
});

const deviceId = newDeviceId();
const clock = new HybridClock(deviceId);
const ctx = { clock, deviceId, author: '' };

const q = listQuery;
const questions = listQuestions;

/** A book of `count` generated cards with archived, blacklisted and deleted ones and two merged
 *  groups, one of whose view takes a first name that sorts before everyone else. */
async function seededBook(count: number): Promise<{ db: SchedarioDatabase; links: Link[] }> {
	const db = await createSchedarioDatabase({
		name: `client-load-${Date.now()}-${counter++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	open.push(db);
	const created = await clients.bulkCreate(db, generateClientFields(count, { seed: 11 }), ctx);
	const byName = [...created].sort((a, b) =>
		a.sortName === b.sortName ? (a.id < b.id ? -1 : 1) : a.sortName < b.sortName ? -1 : 1
	);
	for (const c of created.slice(0, 40)) await clients.update(db, c.id, { archived: true }, ctx);
	for (const c of created.slice(40, 50)) {
		await clients.update(db, c.id, { blacklisted: true, blacklistReason: 'x' }, ctx);
	}
	for (const c of created.slice(50, 60)) await clients.remove(db, c.id, ctx);
	const last = byName.at(-1) as Client;
	const beforeLast = byName.at(-2) as Client;
	const first = byName[0] as Client;
	const middle = byName[Math.floor(count / 2)] as Client;
	const stamp = () => ({ hlc: clock.tick(), deviceId, staff: '', now: Date.now() });
	const links = [
		// Both cards sort last; the view's chosen name sorts first of all.
		writeLink(
			last.id,
			beforeLast.id,
			{ kind: 'merge', undone: false, choices: { lastName: 'Aaaaa' } },
			stamp()
		),
		// One card on the first screen, one far beyond it.
		writeLink(first.id, middle.id, { kind: 'merge', undone: false }, stamp())
	];
	await linksRepo.save(db, links);
	return { db, links };
}

async function oneShot(db: SchedarioDatabase, links: readonly Link[]): Promise<GroupedClientIndex> {
	const index = new GroupedClientIndex({ defaultCountry: 'IT' });
	index.setLinks(links);
	index.replaceAll(await clients.all(db));
	return index;
}

describe('progressive start-up load', () => {
	it('ends in exactly the index the one-shot load builds', async () => {
		const { db, links } = await seededBook(700);
		const reference = await oneShot(db, links);
		const index = new GroupedClientIndex({ defaultCountry: 'IT' });
		index.setLinks(links);
		const boundary = await loadFirstScreen(db, index, links, 50);
		expect(boundary).not.toBeNull();
		const loaded = new Set(index.rawAll().map((c) => c.id));
		const batches = await loadRest(db, index, loaded, yieldToPage, 64);
		expect(batches).toBeGreaterThan(5);

		expect(index.size).toBe(reference.size);
		expect(index.storedSize).toBe(reference.storedSize);
		for (const question of questions()) {
			expect(ids(index.query(question))).toEqual(ids(reference.query(question)));
		}
		for (const c of reference.rawAll()) expect(index.raw(c.id)).toEqual(c);
		for (const c of reference.query(q({ filters: { ...NO_FILTERS, archived: 'all' } }))) {
			expect(index.get(c.id)).toEqual(c);
		}
	});

	it('shows exactly the full list’s first rows, merged groups included, before the rest', async () => {
		const { db, links } = await seededBook(700);
		const full = (await oneShot(db, links)).query(q());
		const index = new GroupedClientIndex({ defaultCountry: 'IT' });
		index.setLinks(links);
		const boundary = await loadFirstScreen(db, index, links, 50);
		const rows = upToBoundary(index.query(q()), boundary!);
		// 50 read, minus archived and merged-away ones, plus the group view named "Aaaaa".
		expect(rows.length).toBeGreaterThan(30);
		expect(index.storedSize).toBeLessThan(60);
		expect(ids(rows)).toEqual(ids(full.slice(0, rows.length)));
		expect(rows[0]?.lastName).toBe('Aaaaa');
		// Only the default question is answered early.
		expect(isDefaultQuery(q())).toBe(true);
		expect(isDefaultQuery(q({ text: 'ma' }))).toBe(false);
		expect(isDefaultQuery(q({ sort: { column: 'name', direction: 'desc' } }))).toBe(false);
		expect(isDefaultQuery(q({ filters: { ...NO_FILTERS, archived: 'all' } }))).toBe(false);
	});

	it('a book smaller than a screen loads in one read', async () => {
		const { db, links } = await seededBook(120);
		const index = new GroupedClientIndex({ defaultCountry: 'IT' });
		index.setLinks(links);
		expect(await loadFirstScreen(db, index, links, 200)).toBeNull();
		const reference = await oneShot(db, links);
		for (const question of questions()) {
			expect(ids(index.query(question))).toEqual(ids(reference.query(question)));
		}
	});

	it('the client book takes writes made during the load and ends like a fresh load', async () => {
		const { db, links } = await seededBook(900);
		const everyone = await clients.all(db);
		const [edited, deleted] = everyone.slice(100, 102) as [Client, Client];
		let added: Client | null = null;
		let writes = 0;
		const book = new ClientBook({
			between: async () => {
				// Between the first screen and the first batch, and between batches: write.
				writes += 1;
				if (writes === 1) {
					expect(book.firstScreen).toBe(true);
					expect(book.ready).toBe(false);
					const rows = book.firstRows(q());
					expect(rows?.length).toBeGreaterThan(20);
					expect(book.firstRows(q({ text: 'ma' }))).toBeNull();
					await clients.update(db, edited.id, { note: 'edited while loading' }, ctx);
				}
				if (writes === 2) {
					await clients.remove(db, deleted.id, ctx);
					added = await clients.create(
						db,
						{ ...generateClientFields(1, { seed: 99 })[0]!, firstName: 'Added' },
						ctx
					);
				}
				await yieldToPage();
			}
		});
		books.push(book);
		await book.start(db);
		expect(book.ready).toBe(true);
		expect(book.loadBatches).toBeGreaterThan(0);
		expect(writes).toBeGreaterThanOrEqual(2);
		expect(book.raw(edited.id)?.note).toBe('edited while loading');
		expect(book.raw(deleted.id)).toBeUndefined();
		expect(book.raw(added!.id)?.firstName).toBe('Added');
		expect(book.firstRows(q())).toBeNull();

		const reference = await oneShot(db, links);
		expect(book.storedCount).toBe(reference.storedSize);
		expect(book.count).toBe(reference.size);
		for (const question of questions()) {
			expect(ids(book.query(question))).toEqual(ids(reference.query(question)));
		}
	});
});

describe('list snapshot', () => {
	const links = [
		writeLink(
			'a',
			'b',
			{ kind: 'merge', undone: false },
			{ hlc: clock.tick(), deviceId, staff: '', now: 1 }
		)
	];
	it('gives last session’s count only while the stored book is the same', () => {
		const snapshot = { live: 10, newestWrite: 5, links: linksKey(links), shown: 8 };
		expect(validCount(snapshot, { live: 10, newestWrite: 5 }, linksKey(links))).toBe(8);
		expect(validCount(snapshot, { live: 11, newestWrite: 5 }, linksKey(links))).toBeNull();
		expect(validCount(snapshot, { live: 10, newestWrite: 6 }, linksKey(links))).toBeNull();
		expect(validCount(snapshot, { live: 10, newestWrite: 5 }, linksKey([]))).toBeNull();
		const undone = [{ ...links[0]!, undone: true }];
		expect(linksKey(undone)).not.toBe(linksKey(links));
		expect(validCount(null, { live: 10, newestWrite: 5 }, linksKey(links))).toBeNull();
		expect(validCount(snapshot, null, linksKey(links))).toBeNull();
	});

	it('follows the newest write of the changes it sees', () => {
		const keeper = new SnapshotKeeper(() => null);
		keeper.newestWrite = 5;
		keeper.saw([{ lwt: 3 }, { lwt: 9 }, { lwt: 7 }]);
		expect(keeper.newestWrite).toBe(9);
	});
});
