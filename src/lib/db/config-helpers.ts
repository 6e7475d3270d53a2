// Helpers shared by the configuration repositories (categories, sources): plain documents,
// name-sorted lists, and the unique-name rule.
import { map, type Observable } from 'rxjs';
import type { RxCollection, RxDocumentData } from 'rxdb';
import { ValidationError } from './errors';

/** Drops RxDB's bookkeeping fields from a document's data. */
export function plain<T extends object>(data: T | RxDocumentData<T>): T {
	const {
		_meta: _m,
		_rev: _r,
		_attachments: _a,
		_deleted: _d,
		...rest
	} = data as RxDocumentData<T>;
	return rest as unknown as T;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function byName(a: { name: string }, b: { name: string }): number {
	return collator.compare(a.name, b.name);
}

type Named = { id: string; name: string };

/** Every document of a named configuration collection, plain and sorted by name. */
export async function listNamed<T extends Named>(collection: RxCollection<T>): Promise<T[]> {
	const docs = await collection.find().exec();
	return docs.map((d) => plain(d.toMutableJSON() as T)).sort(byName);
}

/** The same list, live: emits at once, then on every change from any source. */
export function listNamed$<T extends Named>(collection: RxCollection<T>): Observable<T[]> {
	return collection
		.find()
		.$.pipe(map((docs) => docs.map((d) => plain(d.toMutableJSON() as T)).sort(byName)));
}

/** Refuses a second category (or source) with the same name, ignoring case and spaces. */
export async function assertNameFree<T extends Named>(
	collection: RxCollection<T>,
	entity: 'category' | 'source',
	name: string,
	exceptId: string | null
): Promise<void> {
	const wanted = name.trim().toLocaleLowerCase();
	const existing = await listNamed(collection);
	if (existing.some((e) => e.id !== exceptId && e.name.trim().toLocaleLowerCase() === wanted)) {
		throw new ValidationError(entity, [
			{ path: 'name', code: 'duplicate', message: `A ${entity} with this name already exists` }
		]);
	}
}
