// Import batches: the all-or-nothing commit, undo, cancel and crash recovery against a real
// RxDB (Dexie over fake-indexeddb), the merge rule of `imports`, and duplicate planning.
import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { emptyClientFields, type ClientFields } from '$lib/domain/client';
import { DuplicateIndex } from '$lib/domain/duplicates';
import { HybridClock } from '$lib/domain/hlc';
import { newDeviceId, newId } from '$lib/domain/ids';
import { fillEmpty, findDuplicates, planImport, type ImportRow } from '$lib/domain/import';
import { mergeImportBatches, type ImportBatch } from '$lib/domain/imports';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import * as clients from '$lib/db/clients';
import * as imports from '$lib/db/imports';

const open: SchedarioDatabase[] = [];
let counter = 0;

async function freshDatabase(): Promise<SchedarioDatabase> {
	const db = await createSchedarioDatabase({
		name: `imports-${Date.now()}-${counter++}`,
		storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
	});
	open.push(db);
	return db;
}

afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.close()));
});

function context(): clients.WriteContext {
	const deviceId = newDeviceId();
	return { clock: new HybridClock(deviceId), deviceId, author: '' };
}

const person = (firstName: string, lastName: string, over: Partial<ClientFields> = {}) => ({
	...emptyClientFields(),
	firstName,
	lastName,
	...over
});

function people(n: number): ClientFields[] {
	return Array.from({ length: n }, (_, i) => person(`Nome${i}`, `Cognome${i}`));
}

const names = async (db: SchedarioDatabase) =>
	(await clients.all(db)).map((c) => c.lastName).sort();

describe('commit and undo', () => {
	it('writes every card in batches, records the batch, and undo takes it all back', async () => {
		const db = await freshDatabase();
		const ctx = context();
		const existing = await clients.create(db, person('Maria', 'Rossi'), ctx);
		const progress: number[] = [];
		const written: string[] = [];
		const batch = await imports.commitImport(
			db,
			{
				fileName: 'clienti.csv',
				create: people(2500),
				fill: [{ id: existing.id, patch: { emails: ['maria@example.it'], note: 'da import' } }],
				skipped: 3,
				errors: 4
			},
			ctx,
			{ onProgress: (done) => progress.push(done), onWritten: (ids) => written.push(...ids) }
		);
		expect(progress).toEqual([1000, 2000, 2500, 2501]);
		// Every created card and the filled one go to the duplicate check.
		expect(new Set(written)).toEqual(new Set((await clients.all(db)).map((c) => c.id)));
		expect(await clients.all(db)).toHaveLength(2501);
		expect((await clients.get(db, existing.id))?.emails).toEqual(['maria@example.it']);
		const parts = await imports.partsOf(db, batch.importId);
		expect(parts.map((p) => [p.part, p.status, p.createdIds.length, p.filled.length])).toEqual([
			[0, 'committed', 0, 0],
			[1, 'pending', 1000, 0],
			[2, 'pending', 1000, 0],
			[3, 'pending', 500, 0],
			[4, 'pending', 0, 2]
		]);
		expect(parts[0]?.counts).toEqual({ created: 2500, filled: 1, skipped: 3, errors: 4 });

		// Someone edits the note after the import: undo keeps that edit, restores the e-mail.
		await clients.update(db, existing.id, { note: 'scritto a mano' }, ctx);
		await imports.revert(db, batch.importId, 'undone', ctx);
		expect(await names(db)).toEqual(['Rossi']);
		const after = await clients.get(db, existing.id);
		expect([after?.emails, after?.note]).toEqual([[], 'scritto a mano']);
		expect((await imports.partsOf(db, batch.importId))[0]?.status).toBe('undone');
	});

	it('cancel stops after the current batch and rolls back what was written', async () => {
		const db = await freshDatabase();
		const ctx = context();
		await clients.create(db, person('Anna', 'Neri'), ctx);
		const abort = new AbortController();
		const attempt = imports.commitImport(
			db,
			{ fileName: 'big.csv', create: people(3000), fill: [], skipped: 0, errors: 0 },
			ctx,
			{ signal: abort.signal, onProgress: () => abort.abort() }
		);
		await expect(attempt).rejects.toBeInstanceOf(imports.ImportCancelledError);
		expect(await names(db)).toEqual(['Neri']);
		const headers = await db.imports.find({ selector: { part: 0 } }).exec();
		expect(headers.map((h) => h.status)).toEqual(['rolledBack']);
	});

	it('a crash mid-import is rolled back at the next start, only on the importing device', async () => {
		const db = await freshDatabase();
		const ctx = context();
		// The state a crash leaves: header pending, a part listing ids, some of them written.
		const importId = newId();
		const ids = [newId(), newId(), newId()];
		const base: ImportBatch = {
			id: importId,
			importId,
			part: 0,
			fileName: 'crash.csv',
			deviceId: ctx.deviceId,
			createdAt: 1,
			updatedAt: 1,
			status: 'pending',
			counts: { created: 3, filled: 0, skipped: 0, errors: 0 },
			createdIds: [],
			filled: []
		};
		await db.imports.insert(base);
		await db.imports.insert({ ...base, id: `${importId}:1`, part: 1, createdIds: ids });
		await clients.bulkCreate(db, people(2), ctx, ids.slice(0, 2));
		expect(await clients.all(db)).toHaveLength(2);

		expect(await imports.recoverPending(db, context())).toBe(0); // another device: not its own
		expect(await clients.all(db)).toHaveLength(2);
		expect(await imports.recoverPending(db, ctx)).toBe(1);
		expect(await clients.all(db)).toHaveLength(0);
		expect((await db.imports.findOne(importId).exec())?.status).toBe('rolledBack');
		expect(await imports.recoverPending(db, ctx)).toBe(0);
	});
});

describe('merge of import documents', () => {
	const doc = (status: ImportBatch['status'], updatedAt: number) =>
		({ id: 'i', status, updatedAt, _deleted: false }) as unknown as ImportBatch & {
			_deleted: boolean;
		};

	it('the later status wins whatever the order (undo on one device, commit echo on another)', () => {
		const pending = doc('pending', 5);
		const committed = doc('committed', 3);
		const undone = doc('undone', 4);
		for (const [a, b, c] of [
			[pending, committed, undone],
			[undone, pending, committed],
			[committed, undone, pending]
		] as const) {
			expect(mergeImportBatches(mergeImportBatches(a, b), c)).toBe(undone);
			expect(mergeImportBatches(a, mergeImportBatches(b, c))).toBe(undone);
		}
		expect(mergeImportBatches(committed, committed)).toBe(committed);
	});
});

describe('duplicates and the plan', () => {
	const row = (index: number, fields: ClientFields): ImportRow => ({
		index,
		rowNumber: index + 2,
		fields,
		categoryNames: [],
		sourceName: ''
	});

	it('finds existing clients by phone and name, then skips, fills or creates as chosen', () => {
		const maria = person('Maria', 'Rossi', {
			phones: [{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' }]
		});
		const index = new DuplicateIndex('IT');
		index.set('m1', maria);
		const rows = [
			row(
				0,
				person('Maria', 'Rossi', {
					phones: [{ e164: '+393331234567', raw: '+39 333 1234567', label: 'mobile' }],
					emails: ['maria@example.it']
				})
			),
			row(1, person('Luca', 'Bianchi'))
		];
		const duplicates = findDuplicates(rows, index);
		expect([...duplicates.keys()]).toEqual([0]);
		expect(duplicates.get(0)?.level).toBe('strong');
		const existing = (id: string) => (id === 'm1' ? maria : undefined);

		const skip = planImport(rows, duplicates, new Map(), 'skip', existing);
		expect([skip.create.map((f) => f.lastName), skip.fill, skip.skipped]).toEqual([
			['Bianchi'],
			[],
			1
		]);
		const fill = planImport(rows, duplicates, new Map(), 'fill', existing);
		expect(fill.fill).toEqual([{ id: 'm1', patch: { emails: ['maria@example.it'] } }]);
		const create = planImport(rows, duplicates, new Map([[0, 'create']]), 'skip', existing);
		expect(create.create.map((f) => f.lastName)).toEqual(['Rossi', 'Bianchi']);
	});

	it('fills only what is empty, address part by part', () => {
		const have = person('Maria', 'Rossi', {
			gender: 'female',
			address: { street: 'Via Roma 1', postalCode: '', city: '', province: '', country: 'IT' },
			note: 'già scritto'
		});
		const come = person('Marie', 'Rossi', {
			gender: 'male',
			birthDate: '1980-05-03',
			address: {
				street: 'Via Milano 2',
				postalCode: '20100',
				city: 'Milano',
				province: '',
				country: 'IT'
			},
			note: 'nuovo',
			blacklisted: true
		});
		expect(fillEmpty(have, come)).toEqual({
			birthDate: '1980-05-03',
			address: {
				street: 'Via Roma 1',
				postalCode: '20100',
				city: 'Milano',
				province: '',
				country: 'IT'
			}
		});
	});
});
