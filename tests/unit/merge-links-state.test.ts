// The merge state over a real (fake-indexeddb) database: a duplicate check merges obvious pairs
// and queues the rest, the book shows a merged group as one card, edits land on the survivor,
// an undo restores both cards, "different person" leaves the queue, and the permission gate
// really refuses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { emptyClientFields, type ClientFields } from '$lib/domain/client';
import { PermissionError, roleCan } from '$lib/domain/permissions';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { clientBook } from '$lib/state/clients.svelte';
import { mergeLinks } from '$lib/state/links.svelte';
import { setActorSource } from '$lib/state/permissions';
import { salon } from '$lib/state/salon.svelte';

let db: SchedarioDatabase;
let counter = 0;

const card = (first: string, phone: string, extra: Partial<ClientFields> = {}): ClientFields => ({
	...emptyClientFields(),
	firstName: first,
	lastName: 'Rossi',
	phones: [{ e164: '', raw: phone, label: 'mobile' }],
	...extra
});

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
	expect(check()).toBe(true);
}

beforeEach(async () => {
	db = await createSchedarioDatabase({
		name: `merge-links-${Date.now()}-${counter++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	await clientBook.start(db);
	await mergeLinks.start(db);
	setActorSource(() => ({ deviceRole: 'owner', staffRole: null, customRoles: [] }));
});

afterEach(async () => {
	mergeLinks.stop();
	clientBook.stop();
	salon.stop();
	await db.close();
});

describe('merge links state', () => {
	it('merges an obvious pair, shows one card, writes through it, and undoes exactly', async () => {
		const a = await clientBook.create(card('Maria', '333 123 4567', { emails: ['m@r.it'] }));
		const b = await clientBook.create(card('Maria', '+39 333 1234567', { note: 'likes tea' }));
		const bBefore = clientBook.raw(b.id);
		const result = await mergeLinks.checkDuplicates([b.id]);
		expect(result).toEqual({ merged: 1, review: 0 });
		await until(() => clientBook.count === 1);
		const [first, second] = [a.id, b.id].sort() as [string, string];
		expect(mergeLinks.survivorOf(second)).toBe(first);
		expect(mergeLinks.groupOf(second)).toEqual([first, second]);
		const shown = clientBook.get(first);
		expect(shown?.note).toBe('likes tea');
		expect(shown?.emails).toEqual(['m@r.it']);
		expect(clientBook.get(second)).toBeUndefined();

		await clientBook.update(second, { note: 'coffee now' });
		await until(() => clientBook.get(first)?.note === 'coffee now');
		expect(clientBook.raw(first)?.note).toBe('coffee now');
		expect(clientBook.raw(second)).toEqual(bBefore);

		await mergeLinks.unmerge(second);
		await until(() => clientBook.count === 2);
		expect(clientBook.get(second)).toEqual(bBefore);
		expect(clientBook.get(first)?.note).toBe('coffee now');
		// an undone pair is never merged again by itself
		expect(await mergeLinks.checkDuplicates([a.id, b.id])).toEqual({ merged: 0, review: 1 });
		expect(clientBook.count).toBe(2);
	});

	it('a shared phone with another first name goes to the queue; "different person" removes it for good', async () => {
		const mother = await clientBook.create(card('Anna', '347 000 1111'));
		const daughter = await clientBook.create(card('Giulia', '3470001111'));
		expect(await mergeLinks.checkDuplicates([daughter.id])).toEqual({ merged: 0, review: 1 });
		expect(clientBook.count).toBe(2);
		const queued = mergeLinks.queue();
		expect(queued).toHaveLength(1);
		expect(queued[0]).toMatchObject({ level: 'review', reasons: ['phone'] });
		await mergeLinks.markDistinct(mother.id, daughter.id);
		await until(() => mergeLinks.queue().length === 0);
		expect(await mergeLinks.checkDuplicates([mother.id])).toEqual({ merged: 0, review: 0 });
	});

	it('with automatic merges off, an obvious pair waits for review', async () => {
		await salon.saveSettings({ autoMergeDuplicates: false });
		await clientBook.create(card('Maria', '333 123 4567'));
		const b = await clientBook.create(card('Maria', '333 123 4567'));
		expect(await mergeLinks.checkDuplicates([b.id])).toEqual({ merged: 0, review: 1 });
		expect(mergeLinks.queue()[0]?.level).toBe('strong');
	});

	it('merging and unmerging go through the permission gate', async () => {
		for (const role of ['owner', 'reception', 'therapist'])
			expect(roleCan(role, 'merge')).toBe(true);
		const a = await clientBook.create(card('Maria', '333 123 4567'));
		const b = await clientBook.create(card('Maria', '333 123 4567'));
		try {
			// A custom role without `merge`, signed in on an owner's device.
			setActorSource(() => ({
				deviceRole: 'owner',
				staffRole: 'trainee',
				customRoles: [{ id: 'trainee', name: 'Trainee', permissions: ['seeHealth'] }]
			}));
			await expect(mergeLinks.merge(a.id, b.id)).rejects.toBeInstanceOf(PermissionError);
			expect(await mergeLinks.checkDuplicates([b.id])).toEqual({ merged: 0, review: 1 });
			expect(mergeLinks.links).toHaveLength(0);
		} finally {
			setActorSource(() => ({ deviceRole: 'owner', staffRole: null, customRoles: [] }));
		}
	});
});
