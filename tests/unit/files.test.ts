// Photos and files: the resize parameters (the pure part of resizing on the device), the checks
// every stored file passes (size, base64, type by content), the RxDB schema agreeing with zod on
// real verdicts, the before/after pairs, and the repositories writing nothing for a bad file.
import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getAjv } from 'rxdb/plugins/validate-ajv';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { ValidationError } from '$lib/db/errors';
import * as filesDb from '$lib/db/files';
import * as notesDb from '$lib/db/notes';
import { fileSchemaLiteral } from '$lib/db/schemas/files.schema';
import { noteSchemaLiteral } from '$lib/db/schemas/notes.schema';
import {
	base64ByteLength,
	checkFileData,
	checkPickedFile,
	fileSchema,
	fitWithin,
	MAX_FILE_BYTES,
	MAX_IMAGE_SIDE,
	pairsByVisit,
	resizePlan,
	THUMB_SIDE
} from '$lib/domain/files';
import { HybridClock } from '$lib/domain/hlc';
import { noteSchema } from '$lib/domain/notes';
import { emptyClientFields } from '$lib/domain/client';
import { ClientBook } from '$lib/state/clients.svelte';
import { fakeFileBase64, makeFile, makeNote } from '../fixtures/notes-files';

describe('resize parameters', () => {
	it('fits the longer side within the limit, keeps proportions, never enlarges', () => {
		expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
		expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
		expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
		expect(fitWithin(1600, 1600, 1600)).toEqual({ width: 1600, height: 1600 });
		expect(fitWithin(10_000, 10, 1600)).toEqual({ width: 1600, height: 2 });
		expect(fitWithin(100_000, 1, 1600)).toEqual({ width: 1600, height: 1 });
		expect(fitWithin(0, 600, 1600)).toEqual({ width: 0, height: 0 });
	});

	it('plans a JPEG of at most MAX_IMAGE_SIDE and a thumbnail of THUMB_SIDE', () => {
		const plan = resizePlan(4000, 3000);
		expect(plan.full).toEqual({
			width: MAX_IMAGE_SIDE,
			height: 1200,
			type: 'image/jpeg',
			quality: 0.85
		});
		expect(plan.thumb).toEqual({
			width: THUMB_SIDE,
			height: 240,
			type: 'image/jpeg',
			quality: 0.7
		});
	});
});

describe('file checks', () => {
	it('counts base64 bytes and refuses what is not base64', () => {
		expect(base64ByteLength('')).toBe(0);
		expect(base64ByteLength('QQ==')).toBe(1);
		expect(base64ByteLength('QUI=')).toBe(2);
		expect(base64ByteLength('QUJD')).toBe(3);
		expect(base64ByteLength('QUJ')).toBe(-1);
		expect(base64ByteLength('QU J')).toBe(-1);
	});

	it('accepts PNG, JPEG and PDF by their content and refuses a renamed executable', () => {
		const ok = (
			kind: 'png' | 'jpeg' | 'pdf',
			mimeType: 'image/png' | 'image/jpeg' | 'application/pdf'
		) => {
			const data = fakeFileBase64(kind, 120);
			return checkFileData({ data, size: 120, mimeType });
		};
		expect(ok('png', 'image/png')).toBeNull();
		expect(ok('jpeg', 'image/jpeg')).toBeNull();
		expect(ok('pdf', 'application/pdf')).toBeNull();
		expect(
			checkFileData({ data: fakeFileBase64('exe', 120), size: 120, mimeType: 'image/png' })
		).toBe('fileType');
		expect(
			checkFileData({ data: fakeFileBase64('pdf', 120), size: 120, mimeType: 'image/png' })
		).toBe('fileType');
	});

	it('refuses empty, oversized, mis-sized and non-base64 data', () => {
		expect(checkFileData({ data: '', size: 0, mimeType: 'image/png' })).toBe('fileEmpty');
		expect(
			checkFileData({ data: fakeFileBase64('png', 90), size: 91, mimeType: 'image/png' })
		).toBe('fileCorrupt');
		expect(checkFileData({ data: '%%%%', size: 3, mimeType: 'image/png' })).toBe('fileCorrupt');
		const big = fakeFileBase64('png', MAX_FILE_BYTES + 3);
		expect(checkFileData({ data: big, size: MAX_FILE_BYTES + 3, mimeType: 'image/png' })).toBe(
			'fileTooLarge'
		);
	});

	it('judges a picked file before reading it: images are resized, anything else must fit', () => {
		expect(checkPickedFile({ type: 'image/jpeg', size: 8_000_000 })).toBeNull();
		expect(checkPickedFile({ type: 'application/pdf', size: MAX_FILE_BYTES })).toBeNull();
		expect(checkPickedFile({ type: 'application/pdf', size: MAX_FILE_BYTES + 1 })).toBe(
			'fileTooLarge'
		);
		expect(checkPickedFile({ type: 'application/x-msdownload', size: 10 })).toBe('fileType');
		expect(checkPickedFile({ type: 'image/png', size: 0 })).toBe('fileEmpty');
	});

	it('groups before/after photos per visit, newest visit first, others left out', () => {
		const pairs = pairsByVisit([
			makeFile({ id: '1', visitId: 'v1', kind: 'before', createdAt: 1 }),
			makeFile({ id: '2', visitId: 'v1', kind: 'after', createdAt: 2 }),
			makeFile({ id: '3', visitId: 'v2', kind: 'before', createdAt: 5 }),
			makeFile({ id: '4', visitId: null, kind: 'photo', createdAt: 9 })
		]);
		expect(
			pairs.map((p) => [p.visitId, p.before.map((f) => f.id), p.after.map((f) => f.id)])
		).toEqual([
			['v2', ['3'], []],
			['v1', ['1'], ['2']]
		]);
	});
});

describe('ajv (RxDB) and zod give the same verdicts on notes and files', () => {
	const cases: Array<
		[string, object, Record<string, unknown>, (d: Record<string, unknown>) => void]
	> = [
		['file ok', fileSchemaLiteral, makeFile(), () => undefined],
		['file kind unknown', fileSchemaLiteral, makeFile(), (d) => (d.kind = 'xray')],
		[
			'file type exe',
			fileSchemaLiteral,
			makeFile(),
			(d) => (d.mimeType = 'application/x-msdownload')
		],
		['file visit null', fileSchemaLiteral, makeFile(), (d) => (d.visitId = null)],
		['file size over', fileSchemaLiteral, makeFile(), (d) => (d.size = MAX_FILE_BYTES + 1)],
		['file size fractional', fileSchemaLiteral, makeFile(), (d) => (d.size = 1.5)],
		['file extra key', fileSchemaLiteral, makeFile(), (d) => (d.url = 'x')],
		['file name long', fileSchemaLiteral, makeFile(), (d) => (d.name = 'x'.repeat(201))],
		['note ok', noteSchemaLiteral, makeNote(), () => undefined],
		['note text at limit', noteSchemaLiteral, makeNote(), (d) => (d.text = 'x'.repeat(5000))],
		['note text over', noteSchemaLiteral, makeNote(), (d) => (d.text = 'x'.repeat(5001))],
		['note pinned string', noteSchemaLiteral, makeNote(), (d) => (d.pinned = 'yes')],
		['note clock missing pin', noteSchemaLiteral, makeNote(), (d) => (d.clock = { created: 'x' })],
		['note no client', noteSchemaLiteral, makeNote(), (d) => delete d.clientId]
	];
	it.each(cases)('%s', (_, json, base, mutate) => {
		const doc = structuredClone(base);
		mutate(doc);
		const zod = json === fileSchemaLiteral ? fileSchema : noteSchema;
		const validate = getAjv().compile(json as Record<string, unknown>);
		const zodResult = zod.safeParse(doc);
		const zodAccepts = zodResult.success && JSON.stringify(zodResult.data) === JSON.stringify(doc);
		expect(validate(doc) === true).toBe(zodAccepts);
	});
});

describe('repositories', () => {
	const open: SchedarioDatabase[] = [];
	let n = 0;
	afterEach(async () => {
		await Promise.all(open.splice(0).map((db) => db.close()));
	});
	async function fresh() {
		const db = await createSchedarioDatabase({
			name: `notes-files-${Date.now()}-${n++}`,
			storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
		});
		open.push(db);
		return db;
	}
	const ctx = (deviceId = 'tablet') => ({
		clock: new HybridClock(deviceId),
		deviceId,
		author: '',
		deviceName: 'Tablet'
	});

	it('a bad file writes nothing; a good one is stored; delete leaves no bytes', async () => {
		const db = await fresh();
		const input = { ...makeFile(), thumb: '' };
		await expect(
			filesDb.add(db, { ...input, data: fakeFileBase64('exe', 300) }, ctx())
		).rejects.toBeInstanceOf(ValidationError);
		await expect(filesDb.add(db, { ...input, size: 1 }, ctx())).rejects.toBeInstanceOf(
			ValidationError
		);
		expect(await db.files.count().exec()).toBe(0);
		const saved = await filesDb.add(db, input, ctx());
		expect((await db.files.findOne(saved.id).exec())?.data).toBe(input.data);
		await filesDb.remove(db, saved.id);
		expect(await db.files.findOne(saved.id).exec()).toBeNull();
		const stored = await db.files.storageInstance.findDocumentsById([saved.id], true);
		expect(stored[0]).toMatchObject({ _deleted: true, data: '', name: '', thumb: '' });
	});

	it('notes: an empty note writes nothing; pin moves the alert; only the author deletes', async () => {
		const db = await fresh();
		await expect(notesDb.add(db, 'c1', { text: '   ', author: '' }, ctx())).rejects.toBeInstanceOf(
			ValidationError
		);
		expect(await db.notes.count().exec()).toBe(0);
		const a = await notesDb.add(db, 'c1', { text: 'first', author: 'Giulia' }, ctx());
		const b = await notesDb.add(db, 'c1', { text: 'second', author: 'Anna' }, ctx());
		await notesDb.pin(db, ['c1'], a.id, ctx());
		await notesDb.pin(db, ['c1'], b.id, ctx());
		const notes = await notesDb.list(db, ['c1']);
		expect(notes.map((x) => [x.text, x.pinned])).toEqual([
			['second', true],
			['first', false]
		]);
		await expect(notesDb.remove(db, a.id, ctx('recept'))).rejects.toBeInstanceOf(ValidationError);
		await notesDb.remove(db, a.id, ctx('tablet'));
		expect((await notesDb.list(db, ['c1'])).map((x) => x.text)).toEqual(['second']);
	});

	it('deleting cards deletes their notes and files, leaving no text or bytes; other cards keep theirs', async () => {
		const db = await fresh();
		await notesDb.add(db, 'gone', { text: 'allergic to nickel', author: '' }, ctx());
		await notesDb.add(db, 'kept', { text: 'likes tea', author: '' }, ctx());
		await filesDb.add(db, { ...makeFile(), clientId: 'gone' }, ctx());
		await filesDb.add(db, { ...makeFile(), clientId: 'kept' }, ctx());
		expect(await notesDb.removeForClients(db, ['gone'])).toBe(1);
		expect(await filesDb.removeForClients(db, ['gone'])).toBe(1);
		expect((await notesDb.list(db, ['gone', 'kept'])).map((x) => x.text)).toEqual(['likes tea']);
		expect((await db.files.find().exec()).map((f) => f.clientId)).toEqual(['kept']);
		const tombstones = await db.notes.storageInstance.query(
			(await import('rxdb')).prepareQuery(db.notes.schema.jsonSchema, {
				selector: { _deleted: { $eq: true } },
				sort: [{ id: 'asc' }],
				skip: 0
			})
		);
		expect(JSON.stringify(tombstones.documents)).not.toContain('nickel');
		expect(tombstones.documents).toHaveLength(1);
	});

	it('deleting a card from the client book, alone or in bulk, deletes its notes and files', async () => {
		const db = await fresh();
		const book = new ClientBook();
		await book.start(db);
		const card = (lastName: string) => ({ ...emptyClientFields(), firstName: 'Anna', lastName });
		const [one, two, three] = [
			await book.create(card('Uno')),
			await book.create(card('Due')),
			await book.create(card('Tre'))
		];
		for (const c of [one, two, three]) {
			await notesDb.add(db, c.id, { text: `note of ${c.lastName}`, author: '' }, ctx());
			await filesDb.add(db, { ...makeFile(), clientId: c.id }, ctx());
		}
		await book.delete(one.id);
		await book.deleteMany([two.id]);
		expect((await notesDb.list(db, [one.id, two.id, three.id])).map((n) => n.text)).toEqual([
			'note of Tre'
		]);
		expect((await db.files.find().exec()).map((f) => f.clientId)).toEqual([three.id]);
		book.stop();
	});
});
