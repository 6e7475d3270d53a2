// The client book's writes: thin calls into $lib/db/clients (and $lib/db/links for a merged
// card) with this device's write context. What a write returns goes into the index at once
// (client-changes.ts); bulk writes leave that to the change stream.
import * as clients from '$lib/db/clients';
import type { SchedarioDatabase } from '$lib/db/database';
import * as cardFiles from '$lib/db/files';
import * as linksRepo from '$lib/db/links';
import * as cardNotes from '$lib/db/notes';
import type { Client, ClientFields } from '$lib/domain/client';
import type { BookChanges, BookCore } from './client-changes';
import { writeContext } from './device';

export type Progress = (done: number, total: number) => void;

/** A deleted card takes its timeline notes and its photos and files with it. */
async function removeStoryOf(db: SchedarioDatabase, ids: readonly string[]): Promise<void> {
	await cardNotes.removeForClients(db, ids);
	await cardFiles.removeForClients(db, ids);
}

export class ClientWrites {
	readonly #core: BookCore;
	readonly #changes: BookChanges;
	/** The book's database, once the book has started. */
	readonly #database: () => Promise<SchedarioDatabase>;

	constructor(core: BookCore, changes: BookChanges, database: () => Promise<SchedarioDatabase>) {
		this.#core = core;
		this.#changes = changes;
		this.#database = database;
	}

	async create(fields: ClientFields): Promise<Client> {
		const created = await clients.create(await this.#database(), fields, writeContext());
		this.#changes.applyLocal(created);
		return created;
	}

	/** Many new clients in one write; the index takes them in one pass. */
	async createMany(list: readonly ClientFields[]): Promise<Client[]> {
		const created = await clients.bulkCreate(await this.#database(), list, writeContext());
		this.#changes.applyCreated(created);
		return created;
	}

	async update(id: string, patch: Partial<ClientFields>): Promise<Client> {
		const db = await this.#database();
		// A merged card is edited through its group's view; the edit lands on the survivor.
		const index = this.#core.index();
		const view = index.isMerged(id) ? index.get(index.displayedIdOf(id)) : undefined;
		const updated = view
			? await linksRepo.updateThroughView(db, view.id, view, patch, writeContext())
			: await clients.update(db, id, patch, writeContext());
		this.#changes.applyLocal(updated);
		return updated;
	}

	/** One write for many cards (bulk actions); the index follows from the change stream. */
	async modifyMany(
		ids: readonly string[],
		compute: (current: Client) => Partial<ClientFields>,
		onProgress?: Progress
	): Promise<clients.BulkResult> {
		const db = await this.#database();
		return clients.bulkModify(db, ids, compute, writeContext(), onProgress);
	}

	async deleteMany(ids: readonly string[], onProgress?: Progress): Promise<clients.BulkResult> {
		const db = await this.#database();
		const result = await clients.bulkRemove(db, ids, writeContext(), onProgress);
		await removeStoryOf(
			db,
			result.written.map((c) => c.id)
		);
		return result;
	}

	async delete(id: string): Promise<void> {
		// The delete is stamped, so it wins over edits made before it on other devices (merge.ts).
		// Deleting a merged card deletes the person: every card of the group, with its notes and
		// files.
		const db = await this.#database();
		for (const member of this.#core.index().membersOf(id)) {
			if (!this.#core.index().raw(member)) continue;
			await clients.remove(db, member, writeContext());
			await removeStoryOf(db, [member]);
			this.#changes.applyRemoved(member);
		}
	}
}
