import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { emptyClientFields, type ClientFields } from '$lib/domain/client';
import { HybridClock } from '$lib/domain/hlc';
import { NO_FILTERS, DEFAULT_SORT } from '$lib/domain/query';
import { DEFAULT_SETTINGS } from '$lib/domain/settings';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import * as categories from '$lib/db/categories';
import * as clients from '$lib/db/clients';
import * as sources from '$lib/db/sources';
import { getSettings, saveSettings } from '$lib/db/settings';
import { ValidationError } from '$lib/db/errors';
import { ClientBook } from '$lib/state/clients.svelte';
import { salon } from '$lib/state/salon.svelte';

const open: SchedarioDatabase[] = [];
let counter = 0;

async function freshDatabase(): Promise<SchedarioDatabase> {
	const db = await createSchedarioDatabase({
		name: `salon-repo-${Date.now()}-${counter++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	open.push(db);
	return db;
}

const ctx: clients.WriteContext = {
	clock: new HybridClock('testdevice'),
	deviceId: 'testdevice',
	author: ''
};

const card = (overrides: Partial<ClientFields>): ClientFields => ({
	...emptyClientFields(),
	firstName: 'Sofia',
	lastName: 'Esposito',
	...overrides
});

/** Resolves once `check` holds; the change stream delivers asynchronously. */
async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
	expect(check()).toBe(true);
}

afterEach(async () => {
	salon.stop();
	await Promise.all(open.splice(0).map((db) => db.close()));
});

describe('settings repository', () => {
	it('a fresh database reads the defaults', async () => {
		const db = await freshDatabase();
		expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
	});

	it('saves a patch, keeps the other keys, and refuses invalid values', async () => {
		const db = await freshDatabase();
		await saveSettings(db, { defaultCountry: 'PT', salonName: 'Beleza & Co' });
		await saveSettings(db, { requiredFields: ['firstName', 'lastName', 'phones'] });
		expect(await getSettings(db)).toEqual({
			...DEFAULT_SETTINGS,
			defaultCountry: 'PT',
			salonName: 'Beleza & Co',
			requiredFields: ['firstName', 'lastName', 'phones']
		});

		await expect(saveSettings(db, { defaultCountry: 'italy' })).rejects.toBeInstanceOf(
			ValidationError
		);
		expect((await getSettings(db)).defaultCountry).toBe('PT');
	});

	it('a stored value that no longer parses falls back to the default', async () => {
		const db = await freshDatabase();
		await db.settings.insert({ key: 'locale', value: 'klingon', updatedAt: 1 });
		expect((await getSettings(db)).locale).toBe(DEFAULT_SETTINGS.locale);
	});
});

describe('categories and sources', () => {
	it('lists by name and refuses duplicates and bad colours', async () => {
		const db = await freshDatabase();
		await categories.add(db, { name: 'VIP', color: '#AA0000' });
		await categories.add(db, { name: 'abbonate', color: '#00aa00' });
		expect((await categories.list(db)).map((c) => [c.name, c.color])).toEqual([
			['abbonate', '#00aa00'],
			['VIP', '#aa0000']
		]);
		await expect(categories.add(db, { name: ' vip ', color: '#000000' })).rejects.toMatchObject({
			issues: [{ path: 'name', code: 'duplicate' }]
		});
		await expect(categories.add(db, { name: 'Sposa', color: 'red' })).rejects.toBeInstanceOf(
			ValidationError
		);
		expect(await categories.list(db)).toHaveLength(2);
	});

	it('removing a category strips it from every client, leaving other categories', async () => {
		const db = await freshDatabase();
		const vip = await categories.add(db, { name: 'VIP', color: '#aa0000' });
		const bride = await categories.add(db, { name: 'Sposa', color: '#ffffff' });
		const both = await clients.create(db, card({ categoryIds: [vip.id, bride.id] }), ctx);
		const onlyVip = await clients.create(
			db,
			card({ firstName: 'Lucia', categoryIds: [vip.id] }),
			ctx
		);
		const none = await clients.create(db, card({ firstName: 'Elena' }), ctx);

		await categories.remove(db, vip.id, ctx);

		expect((await categories.list(db)).map((c) => c.id)).toEqual([bride.id]);
		expect((await clients.get(db, both.id))?.categoryIds).toEqual([bride.id]);
		const stripped = await clients.get(db, onlyVip.id);
		expect(stripped?.categoryIds).toEqual([]);
		expect(stripped?.clock.categoryIds).not.toBe(onlyVip.clock.categoryIds);
		expect(await clients.get(db, none.id)).toEqual(none);
	});

	it('removing a source clears it on the clients that came from it', async () => {
		const db = await freshDatabase();
		const instagram = await sources.add(db, 'Instagram');
		const friend = await sources.add(db, 'Passaparola');
		const a = await clients.create(db, card({ sourceId: instagram.id }), ctx);
		const b = await clients.create(db, card({ sourceId: friend.id }), ctx);
		await sources.remove(db, instagram.id, ctx);
		expect((await clients.get(db, a.id))?.sourceId).toBeNull();
		expect((await clients.get(db, b.id))?.sourceId).toBe(friend.id);
		expect((await sources.rename(db, friend.id, 'Amica')).name).toBe('Amica');
	});
});

describe('state over a real database', () => {
	it('salon state follows writes made outside it', async () => {
		const db = await freshDatabase();
		await salon.start(db);
		expect(salon.ready).toBe(true);
		expect(salon.settings).toEqual(DEFAULT_SETTINGS);

		const added = await categories.add(db, { name: 'Uomo', color: '#123456' });
		await until(() => salon.categoryName(added.id) === 'Uomo');
		await saveSettings(db, { defaultCountry: 'BG' });
		await until(() => salon.settings.defaultCountry === 'BG');

		const mine = await salon.addCategory('Donna', '#654321');
		expect(salon.categories.map((c) => c.name)).toEqual(['Donna', 'Uomo']);
		expect(salon.category(mine.id)?.color).toBe('#654321');
	});

	it('clientBook loads existing clients and picks up writes from any source', async () => {
		const db = await freshDatabase();
		const before = await clients.create(db, card({ lastName: 'Conti' }), ctx);
		const book = new ClientBook();
		await book.start(db);
		expect(book.ready).toBe(true);
		expect(book.count).toBe(1);
		expect(book.get(before.id)?.lastName).toBe('Conti');

		// Written behind the book's back, as another tab or the sync would.
		const outside = await clients.create(db, card({ lastName: 'Galli' }), ctx);
		await until(() => book.get(outside.id) !== undefined);

		const revision = book.revision;
		const mine = await book.create(card({ lastName: 'Amato' }));
		expect(book.get(mine.id)?.lastName).toBe('Amato');
		expect(book.revision).toBe(revision + 1);

		await book.setArchived(before.id, true);
		const query = { text: '', filters: NO_FILTERS, sort: DEFAULT_SORT, today: '2026-01-15' };
		expect(book.query(query).map((c) => c.lastName)).toEqual(['Amato', 'Galli']);
		expect(
			book.query({ ...query, filters: { ...NO_FILTERS, archived: 'archived' } }).map((c) => c.id)
		).toEqual([before.id]);

		await book.delete(outside.id);
		expect(book.get(outside.id)).toBeUndefined();
		await clients.remove(db, mine.id);
		await until(() => book.count === 1);
		book.stop();
	});
});
