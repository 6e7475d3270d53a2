// Category and source names from an import → ids, creating the ones the salon lacks.
import type { ClientFields } from '$lib/domain/client';
import type { ImportRow } from '$lib/domain/import';
import { foldName } from '$lib/domain/normalize';
import { salon } from './salon.svelte';

const CATEGORY_COLORS = ['#7c3aed', '#db2777', '#0891b2', '#16a34a', '#ea580c', '#4f46e5'];

/** The rows with categoryIds and sourceId set from their names (matched ignoring case). */
export async function resolveNames(rows: readonly ImportRow[]): Promise<ImportRow[]> {
	const categoryIds = new Map(salon.categories.map((c) => [foldName(c.name), c.id]));
	const sourceIds = new Map(salon.sources.map((s) => [foldName(s.name), s.id]));
	const out: ImportRow[] = [];
	for (const row of rows) {
		const ids: string[] = [];
		for (const name of row.categoryNames) {
			const key = foldName(name);
			if (!categoryIds.has(key)) {
				const color = CATEGORY_COLORS[categoryIds.size % CATEGORY_COLORS.length] as string;
				categoryIds.set(key, (await salon.addCategory(name.slice(0, 60), color)).id);
			}
			ids.push(categoryIds.get(key) as string);
		}
		let sourceId: string | null = row.fields.sourceId;
		if (row.sourceName) {
			const key = foldName(row.sourceName);
			if (!sourceIds.has(key))
				sourceIds.set(key, (await salon.addSource(row.sourceName.slice(0, 60))).id);
			sourceId = sourceIds.get(key) as string;
		}
		const fields: ClientFields = { ...row.fields, categoryIds: [...new Set(ids)], sourceId };
		out.push({ ...row, fields });
	}
	return out;
}
