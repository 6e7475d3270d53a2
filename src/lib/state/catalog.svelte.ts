// The catalogue of services and products as reactive state, live from the database (other tabs
// and sync included). Sorted by name.
import type { Subscription } from 'rxjs';
import * as catalog from '$lib/db/catalog';
import { getDatabase, type SchedarioDatabase } from '$lib/db/database';
import type { CatalogItem } from '$lib/domain/catalog';

export class CatalogState {
	ready = $state(false);
	items = $state.raw<CatalogItem[]>([]);
	#db: Promise<SchedarioDatabase> | null = null;
	#subscription: Subscription | null = null;

	start(db?: SchedarioDatabase): Promise<void> {
		if (this.#db) return this.#db.then(() => undefined);
		this.#db = db ? Promise.resolve(db) : getDatabase();
		return this.#db.then((opened) => {
			this.#subscription = catalog.list$(opened).subscribe((items) => {
				this.items = items;
				this.ready = true;
			});
		});
	}

	stop(): void {
		this.#subscription?.unsubscribe();
		this.#subscription = null;
		this.#db = null;
		this.ready = false;
	}

	async #database(): Promise<SchedarioDatabase> {
		await this.start();
		return this.#db ?? getDatabase();
	}

	get services(): CatalogItem[] {
		return this.items.filter((i) => i.kind === 'service');
	}

	get products(): CatalogItem[] {
		return this.items.filter((i) => i.kind === 'product');
	}

	async add(input: catalog.CatalogInput): Promise<CatalogItem> {
		return catalog.add(await this.#database(), input);
	}

	async update(id: string, input: Partial<catalog.CatalogInput>): Promise<CatalogItem> {
		return catalog.update(await this.#database(), id, input);
	}

	async remove(id: string): Promise<void> {
		return catalog.remove(await this.#database(), id);
	}
}

export const catalogState = new CatalogState();
