// The bulk actions of the /clients list. Each is one repository write for the whole selection
// (src/lib/db/clients-bulk.ts), so it is one transaction locally and one push to the server.
import type { BulkResult } from '$lib/db/clients';
import { clientBook } from './clients.svelte';
import { assertCan } from './permissions';

export type Progress = (done: number, total: number) => void;

export function addToCategory(
	ids: readonly string[],
	categoryId: string,
	onProgress?: Progress
): Promise<BulkResult> {
	assertCan('bulk');
	return clientBook.modifyMany(
		ids,
		(c) =>
			c.categoryIds.includes(categoryId) ? {} : { categoryIds: [...c.categoryIds, categoryId] },
		onProgress
	);
}

export function removeFromCategory(
	ids: readonly string[],
	categoryId: string,
	onProgress?: Progress
): Promise<BulkResult> {
	assertCan('bulk');
	return clientBook.modifyMany(
		ids,
		(c) => ({ categoryIds: c.categoryIds.filter((id) => id !== categoryId) }),
		onProgress
	);
}

export function setArchived(
	ids: readonly string[],
	archived: boolean,
	onProgress?: Progress
): Promise<BulkResult> {
	assertCan('bulk');
	return clientBook.modifyMany(ids, () => ({ archived }), onProgress);
}

export function deleteClients(ids: readonly string[], onProgress?: Progress): Promise<BulkResult> {
	assertCan('bulk');
	return clientBook.deleteMany(ids, onProgress);
}
