// Small helpers shared by the configuration repositories (categories, sources).
import type { RxDocumentData } from 'rxdb';

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
