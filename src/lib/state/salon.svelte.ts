// Salon configuration as reactive state: settings, categories and acquisition sources, kept
// live from the database's change streams (other tabs and sync included).
import type { Subscription } from 'rxjs';
import * as categories from '$lib/db/categories';
import { byName } from '$lib/db/config-helpers';
import { getDatabase, type SchedarioDatabase } from '$lib/db/database';
import * as settingsRepo from '$lib/db/settings';
import * as sources from '$lib/db/sources';
import { newId } from '$lib/domain/ids';
import {
	activeLocations,
	withLocationAdded,
	withLocationRemoved,
	withLocationRenamed,
	type Location
} from '$lib/domain/locations';
import {
	DEFAULT_SETTINGS,
	type Category,
	type SalonSettings,
	type Source
} from '$lib/domain/settings';
import { writeContext } from './device';

export class SalonState {
	ready = $state(false);
	error = $state<string | null>(null);
	settings = $state.raw<SalonSettings>(DEFAULT_SETTINGS);
	/** Sorted by name. */
	categories = $state.raw<Category[]>([]);
	/** Sorted by name. */
	sources = $state.raw<Source[]>([]);

	/** The chain's locations still in use, in the owner's order (settings › locations). */
	locations: Location[] = $derived(activeLocations(this.settings.locations));

	#categoriesById = $derived(indexById(this.categories));
	#sourcesById = $derived(indexById(this.sources));
	#db: Promise<SchedarioDatabase> | null = null;
	#started: Promise<void> | null = null;
	#subscriptions: Subscription[] = [];

	/** Opens the database and follows the configuration. Safe to call any number of times;
	 *  `db` is for tests and benchmarks, the app uses its singleton. */
	start(db?: SchedarioDatabase): Promise<void> {
		this.#started ??= this.#follow(db).catch((error: unknown) => {
			this.#started = null;
			this.error = error instanceof Error ? error.message : String(error);
			throw error;
		});
		return this.#started;
	}

	async #follow(given?: SchedarioDatabase): Promise<void> {
		const db = await this.#database(given);
		await new Promise<void>((resolve, reject) => {
			// Each stream emits its current value first: ready once all three have arrived.
			const arrived = { settings: false, categories: false, sources: false };
			const arrive = (stream: keyof typeof arrived) => {
				arrived[stream] = true;
				if (arrived.settings && arrived.categories && arrived.sources) resolve();
			};
			this.#subscriptions.push(
				settingsRepo.settings$(db).subscribe({
					next: (value) => {
						this.settings = value;
						arrive('settings');
					},
					error: reject
				}),
				categories.list$(db).subscribe({
					next: (value) => {
						this.categories = value;
						arrive('categories');
					},
					error: reject
				}),
				sources.list$(db).subscribe({
					next: (value) => {
						this.sources = value;
						arrive('sources');
					},
					error: reject
				})
			);
		});
		this.error = null;
		this.ready = true;
	}

	#database(given?: SchedarioDatabase): Promise<SchedarioDatabase> {
		this.#db ??= given ? Promise.resolve(given) : getDatabase();
		return this.#db;
	}

	/** Stops following the database (tests close theirs afterwards). */
	stop(): void {
		for (const s of this.#subscriptions.splice(0)) s.unsubscribe();
		this.#db = null;
		this.#started = null;
		this.ready = false;
	}

	category(id: string): Category | undefined {
		return this.#categoriesById.get(id);
	}

	categoryName(id: string): string {
		return this.#categoriesById.get(id)?.name ?? '';
	}

	source(id: string): Source | undefined {
		return this.#sourcesById.get(id);
	}

	sourceName(id: string): string {
		return this.#sourcesById.get(id)?.name ?? '';
	}

	/** A location's name, also of a removed one (what was recorded there still names it). */
	location(id: string): Location | undefined {
		return this.settings.locations.find((l) => l.id === id);
	}

	async addLocation(name: string): Promise<SalonSettings> {
		return this.saveSettings({
			locations: withLocationAdded(this.settings.locations, newId(), name)
		});
	}

	async renameLocation(id: string, name: string): Promise<SalonSettings> {
		return this.saveSettings({
			locations: withLocationRenamed(this.settings.locations, id, name)
		});
	}

	async removeLocation(id: string): Promise<SalonSettings> {
		return this.saveSettings({
			locations: withLocationRemoved(this.settings.locations, id, Date.now())
		});
	}

	async saveSettings(patch: Partial<SalonSettings>): Promise<SalonSettings> {
		const saved = await settingsRepo.saveSettings(await this.#database(), patch);
		this.settings = saved;
		return saved;
	}

	async addCategory(name: string, color: string): Promise<Category> {
		const created = await categories.add(await this.#database(), { name, color });
		this.categories = upsertSorted(this.categories, created);
		return created;
	}

	async updateCategory(id: string, edit: { name: string; color: string }): Promise<Category> {
		const updated = await categories.update(await this.#database(), id, edit);
		this.categories = upsertSorted(this.categories, updated);
		return updated;
	}

	/** Also takes the category off every client that had it. */
	async removeCategory(id: string): Promise<void> {
		await categories.remove(await this.#database(), id, writeContext());
		this.categories = this.categories.filter((c) => c.id !== id);
	}

	async addSource(name: string): Promise<Source> {
		const created = await sources.add(await this.#database(), name);
		this.sources = upsertSorted(this.sources, created);
		return created;
	}

	async renameSource(id: string, name: string): Promise<Source> {
		const renamed = await sources.rename(await this.#database(), id, name);
		this.sources = upsertSorted(this.sources, renamed);
		return renamed;
	}

	/** Also clears the source on every client that came from it. */
	async removeSource(id: string): Promise<void> {
		await sources.remove(await this.#database(), id, writeContext());
		this.sources = this.sources.filter((s) => s.id !== id);
	}
}

/** Lookup table for a list held in $state.raw: rebuilt whole, never mutated, so a plain Map
 *  (not SvelteMap) is right. */
function indexById<T extends { id: string }>(list: readonly T[]): ReadonlyMap<string, T> {
	return new Map(list.map((item) => [item.id, item]));
}

/** Applies a local write at once, without waiting for the change stream to echo it. */
function upsertSorted<T extends { id: string; name: string }>(list: T[], item: T): T[] {
	return [...list.filter((x) => x.id !== item.id), item].sort(byName);
}

export const salon = new SalonState();
