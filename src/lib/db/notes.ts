// Timeline notes of a card. A note is inserted once and never edited; the only later writes are
// the pin (an HLC-stamped field, src/lib/domain/notes.ts) and its author's delete (a tombstone
// without the text). Inputs are parsed with zod first: a bad note writes nothing.
import { map, type Observable } from 'rxjs';
import type { RxDocumentData } from 'rxdb';
import { newId } from '$lib/domain/ids';
import {
	compareNotesNewestFirst,
	newNoteInputSchema,
	noteSchema,
	pinChanges,
	toNoteTombstone,
	unpinChanges,
	type Note
} from '$lib/domain/notes';
import type { WriteContext } from './clients';
import { plain } from './config-helpers';
import type { SchedarioDatabase } from './database';
import { NotFoundError, parseOrThrow, ValidationError } from './errors';
import type { NoteDocType } from './schemas/notes.schema';

/** A write context that also names the device as people know it ('Tablet cabina 2'). */
export interface NoteWriteContext extends WriteContext {
	deviceName: string;
}

function toNote(data: RxDocumentData<NoteDocType> | NoteDocType): Note {
	return plain(data) as Note;
}

export async function add(
	db: SchedarioDatabase,
	clientId: string,
	input: { text: string; author: string },
	ctx: NoteWriteContext
): Promise<Note> {
	const valid = parseOrThrow(newNoteInputSchema, input, 'note');
	const now = Date.now();
	const note = parseOrThrow(
		noteSchema,
		{
			id: newId(now),
			clientId,
			text: valid.text,
			author: valid.author || ctx.author,
			deviceId: ctx.deviceId,
			deviceName: ctx.deviceName.slice(0, 100),
			createdAt: now,
			pinned: false,
			clock: { created: ctx.clock.tick(), pin: '' }
		},
		'note'
	);
	await db.notes.insert(note);
	return note;
}

function query(db: SchedarioDatabase, clientIds: readonly string[]) {
	return db.notes.find({ selector: { clientId: { $in: [...clientIds] } } });
}

/** The live notes of one card (or of every card of a merged duplicate group), newest first. */
export function list$(db: SchedarioDatabase, clientIds: readonly string[]): Observable<Note[]> {
	return query(db, clientIds).$.pipe(
		map((docs) => docs.map((d) => toNote(d.toMutableJSON())).sort(compareNotesNewestFirst))
	);
}

export async function list(db: SchedarioDatabase, clientIds: readonly string[]): Promise<Note[]> {
	const docs = await query(db, clientIds).exec();
	return docs.map((d) => toNote(d.toMutableJSON())).sort(compareNotesNewestFirst);
}

async function applyPins(
	db: SchedarioDatabase,
	changes: Array<{ id: string; pinned: boolean; pin: string }>
): Promise<void> {
	for (const change of changes) {
		const doc = await db.notes.findOne(change.id).exec();
		if (!doc) continue;
		await doc.incrementalModify((data) => ({
			...data,
			pinned: change.pinned,
			clock: { ...data.clock, pin: change.pin }
		}));
	}
}

/** Makes `noteId` the card's alert; the notes pinned before it are unpinned. */
export async function pin(
	db: SchedarioDatabase,
	clientIds: readonly string[],
	noteId: string,
	ctx: WriteContext
): Promise<void> {
	const notes = await list(db, clientIds);
	if (!notes.some((n) => n.id === noteId)) throw new NotFoundError('note', noteId);
	await applyPins(db, pinChanges(notes, noteId, ctx.clock.tick()));
}

/** Removes the card's alert (every pinned note of the card, so none resurfaces). */
export async function unpin(
	db: SchedarioDatabase,
	clientIds: readonly string[],
	ctx: WriteContext
): Promise<void> {
	await applyPins(db, unpinChanges(await list(db, clientIds), ctx.clock.tick()));
}

/** Deletes a note written on this device (its author's); the text does not stay behind. */
export async function remove(db: SchedarioDatabase, noteId: string, ctx: WriteContext) {
	const doc = await db.notes.findOne(noteId).exec();
	if (!doc) throw new NotFoundError('note', noteId);
	if (doc.deviceId !== ctx.deviceId) {
		throw new ValidationError('note', [
			{ path: 'deviceId', code: 'notAuthor', message: 'Only its author can delete a note' }
		]);
	}
	await doc.incrementalModify((data) => ({
		...data,
		...toNoteTombstone(toNote(data)),
		_deleted: true
	}));
}

/** Deletes every note of deleted cards (the card's delete promises its notes go with it); the
 *  tombstones carry no text. One storage write. */
export async function removeForClients(
	db: SchedarioDatabase,
	clientIds: readonly string[]
): Promise<number> {
	if (clientIds.length === 0) return 0;
	const docs = await query(db, clientIds).exec();
	await db.notes.bulkUpsert(
		docs.map((d) => ({ ...toNoteTombstone(toNote(d.toMutableJSON())), _deleted: true }))
	);
	return docs.length;
}
