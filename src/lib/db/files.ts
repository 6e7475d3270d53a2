// Photos and files of a card. A file is inserted once with its bytes (base64, already resized on
// the device) and never edited; a delete leaves a tombstone without the name and the bytes.
// Every file is parsed with zod and its bytes checked (size, type by content) before it is
// written: a bad file throws ValidationError and writes nothing.
import { map, type Observable } from 'rxjs';
import type { RxDocumentData } from 'rxdb';
import { checkFileData, fileSchema, type StoredFile } from '$lib/domain/files';
import { newId } from '$lib/domain/ids';
import { plain } from './config-helpers';
import type { SchedarioDatabase } from './database';
import { NotFoundError, parseOrThrow, ValidationError } from './errors';
import type { NoteWriteContext } from './notes';
import type { FileDocType } from './schemas/files.schema';

export type NewFile = Pick<
	StoredFile,
	'clientId' | 'visitId' | 'kind' | 'name' | 'mimeType' | 'size' | 'width' | 'height' | 'data'
> & { thumb?: string };

function toFile(data: RxDocumentData<FileDocType> | FileDocType): StoredFile {
	return plain(data) as StoredFile;
}

export async function add(
	db: SchedarioDatabase,
	input: NewFile,
	ctx: Omit<NoteWriteContext, 'clock'>
): Promise<StoredFile> {
	const now = Date.now();
	const file = parseOrThrow(
		fileSchema,
		{
			...input,
			thumb: input.thumb ?? '',
			name: input.name.slice(0, 200),
			id: newId(now),
			author: ctx.author.slice(0, 100),
			deviceId: ctx.deviceId,
			deviceName: ctx.deviceName.slice(0, 100),
			createdAt: now
		},
		'file'
	);
	const problem = checkFileData(file);
	if (problem) {
		throw new ValidationError('file', [{ path: 'data', code: problem, message: problem }]);
	}
	await db.files.insert(file);
	return file;
}

/** The live files of one card (or of a merged duplicate group), newest first. */
export function list$(
	db: SchedarioDatabase,
	clientIds: readonly string[]
): Observable<StoredFile[]> {
	return db.files
		.find({ selector: { clientId: { $in: [...clientIds] } } })
		.$.pipe(
			map((docs) =>
				docs
					.map((d) => toFile(d.toMutableJSON()))
					.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
			)
		);
}

export async function remove(db: SchedarioDatabase, id: string): Promise<void> {
	const doc = await db.files.findOne(id).exec();
	if (!doc) throw new NotFoundError('file', id);
	await doc.incrementalModify((data) => ({
		...data,
		name: '',
		data: '',
		thumb: '',
		_deleted: true
	}));
}

/** Deletes every photo and file of deleted cards, bytes included. One storage write. */
export async function removeForClients(
	db: SchedarioDatabase,
	clientIds: readonly string[]
): Promise<number> {
	if (clientIds.length === 0) return 0;
	const docs = await db.files.find({ selector: { clientId: { $in: [...clientIds] } } }).exec();
	await db.files.bulkUpsert(
		docs.map((d) => ({
			...toFile(d.toMutableJSON()),
			name: '',
			data: '',
			thumb: '',
			_deleted: true
		}))
	);
	return docs.length;
}

/** The live files of the given cards, newest first (one read). */
export async function list(
	db: SchedarioDatabase,
	clientIds: readonly string[]
): Promise<StoredFile[]> {
	const docs = await db.files.find({ selector: { clientId: { $in: [...clientIds] } } }).exec();
	return docs
		.map((d) => toFile(d.toMutableJSON()))
		.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

/** Many files in one write, each checked like `add` (the benchmark's card with 50 photos). */
export async function bulkInsert(
	db: SchedarioDatabase,
	files: readonly StoredFile[]
): Promise<void> {
	const valid = files.map((f) => parseOrThrow(fileSchema, f, 'file'));
	const problem = valid.map(checkFileData).find((p) => p !== null);
	if (problem)
		throw new ValidationError('file', [{ path: 'data', code: problem, message: problem }]);
	const result = await db.files.bulkInsert(valid as never);
	if (result.error.length > 0) throw new Error(`bulk insert refused ${result.error.length} files`);
}
