// Timeline notes (issue 6 › 2; DESIGN.md › Data model, merge rule 4). A note is written once and
// never edited: two devices adding notes offline add two documents, which cannot conflict, and
// sync never overwrites a note's text.
//
// The one thing about a note that changes is the pin, the "alert" at the top of the card. It is
// modelled as an HLC-stamped field on the note (`pinned` with `clock.pin`) rather than as a
// field of the client card: the card belongs to another collection whose merge other features
// own, and a pin stored with its note travels, merges and follows duplicate merges with it.
// The alert of a card is the pinned live note with the largest pin stamp. Pinning a note also
// unpins the others the pinner could see (the same stamp), so after any concurrent pins every
// device shows the same alert: the one pinned last by HLC order, ties broken by node id.
import { z } from 'zod';
import { compareHlc, type Hlc } from './hlc.js';

export const NOTE_TEXT_MAX = 5000;
const text = (max: number) => z.string().max(max);
const hlcText = z.string().max(64);

export const noteClockSchema = z
	.object({
		/** The stamp of the note's creation: orders the timeline after the wall time. */
		created: hlcText,
		/** The stamp of the last pin or unpin; '' while never pinned. */
		pin: hlcText
	})
	.strict();

export const noteSchema = z.object({
	id: z.string().min(1).max(40),
	clientId: z.string().min(1).max(40),
	text: text(NOTE_TEXT_MAX),
	/** Who wrote it (a staff name typed on the device until staff accounts exist). */
	author: text(100),
	/** The HLC node id of the device that wrote it, and its name when it was written. */
	deviceId: text(40),
	deviceName: text(100),
	createdAt: z.number().int().min(0),
	pinned: z.boolean(),
	clock: noteClockSchema
});
export type Note = z.infer<typeof noteSchema>;
export type NoteDoc = Note & { _deleted?: boolean };

/** What a person types: trimmed, not empty, bounded. */
export const newNoteInputSchema = z
	.object({
		text: z.string().trim().min(1).max(NOTE_TEXT_MAX),
		author: z.string().trim().max(100)
	})
	.strict();
export type NewNoteInput = z.infer<typeof newNoteInputSchema>;

/** The tombstone of a note deleted by its author: the text is gone, the metadata stays. */
export function toNoteTombstone(note: Note): Note {
	return { ...note, text: '', pinned: false };
}

/** The timeline order: newest first by creation time, then creation stamp, then id. */
export function compareNotesNewestFirst(a: Note, b: Note): number {
	return (
		b.createdAt - a.createdAt ||
		compareHlc(b.clock.created, a.clock.created) ||
		(a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
	);
}

/** The alert of a card: among live pinned notes, the one pinned last. */
export function currentAlert<T extends Note>(notes: readonly T[]): T | null {
	let best: T | null = null;
	for (const note of notes) {
		if (!note.pinned) continue;
		if (best === null || compareHlc(note.clock.pin, best.clock.pin) > 0) best = note;
	}
	return best;
}

/** The writes a pin makes: the note pinned at `stamp`, every other pinned note unpinned at the
 *  same stamp (only what the pinner could see; a concurrent pin elsewhere is settled by order). */
export function pinChanges(
	notes: readonly Note[],
	noteId: string,
	stamp: Hlc
): Array<{ id: string; pinned: boolean; pin: Hlc }> {
	const changes: Array<{ id: string; pinned: boolean; pin: Hlc }> = [];
	for (const note of notes) {
		if (note.id === noteId) changes.push({ id: note.id, pinned: true, pin: stamp });
		else if (note.pinned) changes.push({ id: note.id, pinned: false, pin: stamp });
	}
	return changes;
}

/** The writes an unpin makes: every pinned note of the card unpinned, so no older pin that was
 *  hidden behind the alert comes back in its place. */
export function unpinChanges(
	notes: readonly Note[],
	stamp: Hlc
): Array<{ id: string; pinned: boolean; pin: Hlc }> {
	return notes.filter((n) => n.pinned).map((n) => ({ id: n.id, pinned: false, pin: stamp }));
}
