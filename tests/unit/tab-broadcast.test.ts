// A bootstrap page is written without RxDB's clone of it for other tabs when the device has no
// other tab (src/lib/db/tab-broadcast.ts): held while it is written, dropped when this tab is
// alone after the commit, else posted whole. This tab's own change stream always has it; other
// collections' batches are never held. Presence: a shared Web Lock per database name.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { BROADCAST_CHANNEL_BY_TOKEN } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { otherTabsPresent, writeQuietly } from '$lib/db/tab-broadcast';

const open: SchedarioDatabase[] = [];
afterEach(async () => {
	vi.unstubAllGlobals();
	await Promise.all(open.splice(0).map((db) => db.close()));
});
let n = 0;

interface Posted {
	collectionName: string;
	eventBulk: { events: unknown[] };
}

/** A database whose posts to other tabs are recorded (the channel's post, under the holder). */
async function openDb(): Promise<{ db: SchedarioDatabase; posted: Posted[] }> {
	const db = await createSchedarioDatabase({
		name: `tabs-${Date.now()}-${n++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	open.push(db);
	const channel = BROADCAST_CHANNEL_BY_TOKEN.get(db.token)?.bc;
	if (!channel) throw new Error('no multi-instance channel');
	const posted: Posted[] = [];
	channel.postMessage = async (message: unknown) => {
		posted.push(message as Posted);
	};
	return { db, posted };
}

async function insertSources(db: SchedarioDatabase, count: number) {
	await db.sources.bulkInsert(
		Array.from({ length: count }, (_, i) => ({
			id: `src-${i}`,
			name: `Source ${i}`,
			createdAt: i
		})) as never
	);
}

describe('writeQuietly', () => {
	it('posts nothing when this is the only tab; this tab still sees the write', async () => {
		const { db, posted } = await openDb();
		const seen: number[] = [];
		const sub = db.sources.eventBulks$.subscribe((bulk) => seen.push(bulk.events.length));
		await writeQuietly(
			db,
			'sources',
			() => insertSources(db, 3),
			async () => false
		);
		sub.unsubscribe();
		expect(posted.filter((p) => p.collectionName === 'sources')).toEqual([]);
		expect(seen).toEqual([3]);
		expect(await db.sources.count().exec()).toBe(3);
	});

	it('posts the whole batch when another tab is there, asking only after the commit', async () => {
		const { db, posted } = await openDb();
		let countWhenAsked = -1;
		await writeQuietly(
			db,
			'sources',
			() => insertSources(db, 4),
			async () => {
				countWhenAsked = await db.sources.count().exec();
				return true;
			}
		);
		expect(countWhenAsked).toBe(4);
		const mine = posted.filter((p) => p.collectionName === 'sources');
		expect(mine).toHaveLength(1);
		expect(mine[0]?.eventBulk.events).toHaveLength(4);
	});

	it('never holds another collection, and posts normally again afterwards', async () => {
		const { db, posted } = await openDb();
		await writeQuietly(
			db,
			'sources',
			async () => {
				await insertSources(db, 2);
				await db.categories.insert({
					id: 'cat-1',
					name: 'Viso',
					color: '#aa3366',
					createdAt: 1
				} as never);
			},
			async () => false
		);
		expect(posted.map((p) => p.collectionName)).toEqual(['categories']);
		await db.sources.insert({ id: 'src-later', name: 'Later', createdAt: 9 } as never);
		expect(posted.map((p) => p.collectionName)).toEqual(['categories', 'sources']);
	});
});

describe('otherTabsPresent', () => {
	const held = (names: string[]) => ({
		locks: { query: async () => ({ held: names.map((name) => ({ name, mode: 'shared' })) }) }
	});

	it('is false only when this tab is the one holder of the database presence lock', async () => {
		vi.stubGlobal('navigator', held(['schedario-tab:db', 'schedario-tab:other']));
		expect(await otherTabsPresent('db')).toBe(false);
		vi.stubGlobal('navigator', held(['schedario-tab:db', 'schedario-tab:db']));
		expect(await otherTabsPresent('db')).toBe(true);
		// Not even this tab's own lock: unknown, so others are assumed.
		vi.stubGlobal('navigator', held([]));
		expect(await otherTabsPresent('db')).toBe(true);
	});

	it('assumes other tabs without Web Locks or when the query fails', async () => {
		vi.stubGlobal('navigator', {});
		expect(await otherTabsPresent('db')).toBe(true);
		vi.stubGlobal('navigator', {
			locks: {
				query: async () => {
					throw new Error('denied');
				}
			}
		});
		expect(await otherTabsPresent('db')).toBe(true);
	});
});
