// The import history (headers of the `imports` collection, newest first), undo, and the
// start-up rollback of imports a closed tab or a crash left pending on this device.
import type { Subscription } from 'rxjs';
import { getDatabase } from '$lib/db/database';
import * as importsRepo from '$lib/db/imports';
import type { ImportBatch } from '$lib/domain/imports';
import { writeContext } from './device';

class ImportHistory {
	items = $state.raw<ImportBatch[]>([]);
	ready = $state(false);
	#subscription: Subscription | null = null;

	async start(): Promise<void> {
		if (this.#subscription) return;
		const db = await getDatabase();
		this.#subscription = importsRepo.history$(db).subscribe((items) => {
			this.items = items;
			this.ready = true;
		});
	}

	async undo(importId: string): Promise<void> {
		await importsRepo.revert(await getDatabase(), importId, 'undone', writeContext());
	}
}

export const importHistory = new ImportHistory();

/** Rolls back this device's pending imports (call once the database is open). */
export async function recoverImports(): Promise<number> {
	return importsRepo.recoverPending(await getDatabase(), writeContext());
}
