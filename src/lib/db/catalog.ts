// The catalogue of services and products (src/lib/domain/catalog.ts), edited in /settings.
import type { Observable } from 'rxjs';
import { catalogItemSchema, type CatalogItem, type CatalogKind } from '$lib/domain/catalog';
import { newId } from '$lib/domain/ids';
import type { SchedarioDatabase } from './database';
import { NotFoundError, parseOrThrow, ValidationError } from './errors';
import { listNamed, listNamed$, plain } from './config-helpers';

export interface CatalogInput {
	kind: CatalogKind;
	name: string;
	price: number;
	active: boolean;
}

const editSchema = catalogItemSchema.pick({ kind: true, name: true, price: true, active: true });

export function list(db: SchedarioDatabase): Promise<CatalogItem[]> {
	return listNamed(db.catalog);
}

/** Live list, sorted by name; emits the current list at once, then on every change. */
export function list$(db: SchedarioDatabase): Observable<CatalogItem[]> {
	return listNamed$(db.catalog);
}

/** One name per kind: "Piega" the service and "Piega" the product may both exist. */
async function assertNameFree(
	db: SchedarioDatabase,
	kind: CatalogKind,
	name: string,
	exceptId: string | null
): Promise<void> {
	const wanted = name.trim().toLocaleLowerCase();
	const taken = (await list(db)).some(
		(i) => i.id !== exceptId && i.kind === kind && i.name.trim().toLocaleLowerCase() === wanted
	);
	if (taken) {
		throw new ValidationError('catalog', [
			{ path: 'name', code: 'duplicate', message: 'An item with this name already exists' }
		]);
	}
}

export async function add(db: SchedarioDatabase, input: CatalogInput): Promise<CatalogItem> {
	const now = Date.now();
	const item = parseOrThrow(
		catalogItemSchema.strict(),
		{ id: newId(now), ...input, createdAt: now, updatedAt: now },
		'catalog'
	);
	await assertNameFree(db, item.kind, item.name, null);
	await db.catalog.insert(item);
	return item;
}

export async function update(
	db: SchedarioDatabase,
	id: string,
	input: Partial<CatalogInput>
): Promise<CatalogItem> {
	const doc = await db.catalog.findOne(id).exec();
	if (!doc) throw new NotFoundError('catalog', id);
	const current = plain(doc.toMutableJSON());
	const edit = parseOrThrow(editSchema.strict(), { ...pick(current), ...input }, 'catalog');
	await assertNameFree(db, edit.kind, edit.name, id);
	const written = await doc.incrementalPatch({
		...edit,
		updatedAt: Math.max(Date.now(), current.updatedAt + 1)
	});
	return plain(written.toMutableJSON());
}

function pick(item: CatalogItem): CatalogInput {
	return { kind: item.kind, name: item.name, price: item.price, active: item.active };
}

export async function remove(db: SchedarioDatabase, id: string): Promise<void> {
	const doc = await db.catalog.findOne(id).exec();
	if (!doc) throw new NotFoundError('catalog', id);
	await doc.incrementalRemove();
}
