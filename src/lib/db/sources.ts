// Acquisition sources ("Instagram", "passaparola", …). Removing one clears it on every client.
import type { Observable } from 'rxjs';
import { sourceSchema, type Source } from '$lib/domain/settings';
import { newId } from '$lib/domain/ids';
import * as clients from './clients';
import type { SchedarioDatabase } from './database';
import { NotFoundError, parseOrThrow } from './errors';
import { assertNameFree, listNamed, listNamed$, plain } from './config-helpers';

const nameSchema = sourceSchema.shape.name;

export function list(db: SchedarioDatabase): Promise<Source[]> {
	return listNamed(db.sources);
}

/** Live list, sorted by name; emits the current list at once, then on every change. */
export function list$(db: SchedarioDatabase): Observable<Source[]> {
	return listNamed$(db.sources);
}

export async function add(db: SchedarioDatabase, name: string): Promise<Source> {
	const now = Date.now();
	const source = parseOrThrow(sourceSchema, { id: newId(now), name, createdAt: now }, 'source');
	await assertNameFree(db.sources, 'source', source.name, null);
	await db.sources.insert(source);
	return source;
}

export async function rename(db: SchedarioDatabase, id: string, name: string): Promise<Source> {
	const valid = parseOrThrow(nameSchema, name, 'source');
	const doc = await db.sources.findOne(id).exec();
	if (!doc) throw new NotFoundError('source', id);
	await assertNameFree(db.sources, 'source', valid, id);
	const written = await doc.incrementalPatch({ name: valid });
	return plain(written.toMutableJSON());
}

/** Deletes the source and clears it on every client that came from it. */
export async function remove(
	db: SchedarioDatabase,
	id: string,
	ctx: clients.WriteContext
): Promise<void> {
	const doc = await db.sources.findOne(id).exec();
	if (!doc) throw new NotFoundError('source', id);
	await doc.incrementalRemove();
	const holders = (await clients.all(db)).filter((c) => c.sourceId === id);
	for (const holder of holders) {
		await clients.modify(
			db,
			holder.id,
			(current) => ({ sourceId: current.sourceId === id ? null : current.sourceId }),
			ctx
		);
	}
}
