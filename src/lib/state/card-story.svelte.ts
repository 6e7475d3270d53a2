// The timeline notes and the photos/files of one client card, live. A card page creates one
// CardStory for the card it shows and calls start() from an $effect (the returned function
// stops it). Notes and files of every card merged into this one (duplicates) are included:
// they keep their own client id and are redirected here on read (DESIGN.md › Duplicates).
import type { Subscription } from 'rxjs';
import { getDatabase, type SchedarioDatabase } from '$lib/db/database';
import * as filesDb from '$lib/db/files';
import * as notesDb from '$lib/db/notes';
import type { StoredFile } from '$lib/domain/files';
import { currentAlert, type Note } from '$lib/domain/notes';
import { writeContext } from './device';
import { session } from './session.svelte';
import { sync } from './sync.svelte';

export const STAFF_NAME_KEY = 'schedario.staffName';

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Storage disabled: the name is simply not remembered between notes.
		return null;
	}
}

/** The staff name last typed on this device, offered again for the next note. */
export function rememberedStaffName(): string {
	return storage()?.getItem(STAFF_NAME_KEY) ?? '';
}

function noteContext(author: string): notesDb.NoteWriteContext {
	return { ...writeContext(), author, deviceName: sync.credentials?.deviceName ?? '' };
}

export class CardStory {
	notes = $state.raw<Note[]>([]);
	files = $state.raw<StoredFile[]>([]);
	ready = $state(false);
	/** The pinned note shown at the top of the card. */
	alert = $derived(currentAlert(this.notes));

	readonly clientIds: readonly string[];
	#db: Promise<SchedarioDatabase>;

	constructor(clientIds: readonly string[], db?: SchedarioDatabase) {
		this.clientIds = clientIds.filter((id, i) => clientIds.indexOf(id) === i);
		this.#db = db ? Promise.resolve(db) : getDatabase();
	}

	/** Follows the card's notes and files; returns the function that stops following. */
	start(onError: (error: unknown) => void): () => void {
		const subs: Subscription[] = [];
		let stopped = false;
		let loaded = 0;
		const loadedOne = () => {
			if (++loaded === 2) this.ready = true;
		};
		this.#db.then(
			(db) => {
				if (stopped) return;
				subs.push(
					notesDb.list$(db, this.clientIds).subscribe({
						next: (notes) => {
							this.notes = notes;
							loadedOne();
						},
						error: onError
					}),
					filesDb.list$(db, this.clientIds).subscribe({
						next: (files) => {
							this.files = files;
							loadedOne();
						},
						error: onError
					})
				);
			},
			(error: unknown) => onError(error)
		);
		return () => {
			stopped = true;
			for (const s of subs) s.unsubscribe();
		};
	}

	/** Adds a note to the card shown (the survivor of a merged group). */
	async addNote(text: string, author: string): Promise<Note> {
		// Signed in (issue 7): the staff member's id is the author, whatever the box says.
		const name = session.staff?.id ?? author.trim();
		const note = await notesDb.add(
			await this.#db,
			this.clientIds[0] as string,
			{ text, author: name },
			noteContext(name)
		);
		if (!session.staff) storage()?.setItem(STAFF_NAME_KEY, name);
		return note;
	}

	async pin(noteId: string): Promise<void> {
		await notesDb.pin(await this.#db, this.clientIds, noteId, writeContext());
	}

	async unpin(): Promise<void> {
		await notesDb.unpin(await this.#db, this.clientIds, writeContext());
	}

	/** Only notes written on this device may be deleted here (by their author). */
	canDelete(note: Note): boolean {
		return note.deviceId === writeContext().deviceId;
	}

	async deleteNote(noteId: string): Promise<void> {
		await notesDb.remove(await this.#db, noteId, writeContext());
	}

	async addFile(file: Omit<filesDb.NewFile, 'clientId'>, author: string): Promise<StoredFile> {
		const name = session.staff?.id ?? author.trim();
		return filesDb.add(
			await this.#db,
			{ ...file, clientId: this.clientIds[0] as string },
			noteContext(name)
		);
	}

	async deleteFile(id: string): Promise<void> {
		await filesDb.remove(await this.#db, id);
	}
}
