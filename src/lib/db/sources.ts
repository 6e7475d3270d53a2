// Acquisition sources ("Instagram", "passaparola", …). Removing one clears it on every client.
import { map, type Observable } from 'rxjs';
import { sourceSchema, type Source } from '$lib/domain/settings';
import { newId } from '$lib/domain/ids';
import * as clients from './clients';
import type { SchedarioDatabase } from './database';
import { NotFoundError, ValidationError, parseOrThrow } from './errors';
import { byName, plain } from './config-helpers';

const nameSchema = sourceSchema.shape.name;

export async function list(db: SchedarioDatabase): Promise<Source[]> {
	const docs = await db.sources.find().exec();
	return docs.map((d) => plain(d.toMutableJSON())).sort(byName);
}

/** Live list, sorted by name; emits the current list at once, then on every change. */
export function list$(db: SchedarioDatabase): Observable<Source[]> {
	return db.sources
		.find()
		.$.pipe(map((docs) => docs.map((d) => plain(d.toMutableJSON())).sort(byName)));
}

async function assertNameFree(db: SchedarioDatabase, name: string, exceptId: string | null) {
	const wanted = name.trim().toLocaleLowerCase();
	const existing = await list(db);
	if (existing.some((s) => s.id !== exceptId && s.name.trim().toLocaleLowerCase() === wanted)) {
		throw new ValidationError('source', [
			{ path: 'name', code: 'duplicate', message: 'A source with this name already exists' }
		]);
	}
}

export async function add(db: SchedarioDatabase, name: string): Promise<Source> {
	const now = Date.now();
	const source = parseOrThrow(sourceSchema, { id: newId(now), name, createdAt: now }, 'source');
	await assertNameFree(db, source.name, null);
	await db.sources.insert(source);
	return source;
}

export async function rename(db: SchedarioDatabase, id: string, name: string): Promise<Source> {
	const valid = parseOrThrow(nameSchema, name, 'source');
	const doc = await db.sources.findOne(id).exec();
	if (!doc) throw new NotFoundError('source', id);
	await assertNameFree(db, valid, id);
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
