// Client categories (name + badge colour). Removing one also strips it from every client card.
import type { Observable } from 'rxjs';
import { categorySchema, type Category } from '$lib/domain/settings';
import { newId } from '$lib/domain/ids';
import * as clients from './clients';
import type { SchedarioDatabase } from './database';
import { NotFoundError, parseOrThrow } from './errors';
import { assertNameFree, listNamed, listNamed$, plain } from './config-helpers';

const editSchema = categorySchema.pick({ name: true, color: true });

export function list(db: SchedarioDatabase): Promise<Category[]> {
	return listNamed(db.categories);
}

/** Live list, sorted by name; emits the current list at once, then on every change. */
export function list$(db: SchedarioDatabase): Observable<Category[]> {
	return listNamed$(db.categories);
}

export async function add(
	db: SchedarioDatabase,
	input: { name: string; color: string }
): Promise<Category> {
	const now = Date.now();
	const category = parseOrThrow(
		categorySchema,
		{ id: newId(now), name: input.name, color: input.color.toLowerCase(), createdAt: now },
		'category'
	);
	await assertNameFree(db.categories, 'category', category.name, null);
	await db.categories.insert(category);
	return category;
}

export async function update(
	db: SchedarioDatabase,
	id: string,
	input: { name: string; color: string }
): Promise<Category> {
	const edit = parseOrThrow(
		editSchema,
		{ name: input.name, color: input.color.toLowerCase() },
		'category'
	);
	const doc = await db.categories.findOne(id).exec();
	if (!doc) throw new NotFoundError('category', id);
	await assertNameFree(db.categories, 'category', edit.name, id);
	const written = await doc.incrementalPatch(edit);
	return plain(written.toMutableJSON());
}

/** Deletes the category and takes its id off every client that had it. */
export async function remove(
	db: SchedarioDatabase,
	id: string,
	ctx: clients.WriteContext
): Promise<void> {
	const doc = await db.categories.findOne(id).exec();
	if (!doc) throw new NotFoundError('category', id);
	await doc.incrementalRemove();
	const holders = (await clients.all(db)).filter((c) => c.categoryIds.includes(id));
	for (const holder of holders) {
		await clients.modify(
			db,
			holder.id,
			(current) => ({ categoryIds: current.categoryIds.filter((c) => c !== id) }),
			ctx
		);
	}
}
