// Every visit and loyalty movement as reactive state, loaded in one read at start and kept
// current from the collection's change stream (this tab, other tabs, sync). Per client it keeps
// the history and the aggregate the client list sorts and filters on (visit-stats.ts); only the
// clients a change touches are recomputed, and their places in the list are patched.
import type { Subscription } from 'rxjs';
import { getDatabase, type SchedarioDatabase } from '$lib/db/database';
import * as visits from '$lib/db/visits';
import type { Visit, VisitFields, VisitKind } from '$lib/domain/visit';
import { VisitIndex, type VisitChange } from '$lib/domain/visit-index';
import { clientBook } from './clients.svelte';
import { writeContext } from './device';
import { currentLocationId } from './sync.svelte';

export class VisitBook {
	ready = $state(false);
	error = $state<string | null>(null);
	/** Bumped on every change to any visit. */
	revision = $state(0);

	readonly #index = new VisitIndex();
	#db: Promise<SchedarioDatabase> | null = null;
	#started: Promise<void> | null = null;
	#subscription: Subscription | null = null;

	/** Opens the database and loads every visit. Idempotent; `db` is for tests and benchmarks. */
	start(db?: SchedarioDatabase): Promise<void> {
		this.#started ??= this.#load(db).catch((error: unknown) => {
			this.#started = null;
			this.error = error instanceof Error ? error.message : String(error);
			throw error;
		});
		return this.#started;
	}

	async #load(given?: SchedarioDatabase): Promise<void> {
		this.#db ??= given ? Promise.resolve(given) : getDatabase();
		const db = await this.#db;
		// Follow the stream before reading, buffering what arrives meanwhile (as clientBook does).
		const buffered: VisitChange[] = [];
		let loaded = false;
		this.#subscription = visits.changes$(db).subscribe((batch) => {
			if (loaded) this.#apply(batch);
			else buffered.push(...batch);
		});
		const everything = await visits.all(db);
		loaded = true;
		this.#apply([
			...everything.map((visit): VisitChange => ({ kind: 'upsert', visit })),
			...buffered
		]);
		this.error = null;
		this.ready = true;
	}

	stop(): void {
		this.#subscription?.unsubscribe();
		this.#subscription = null;
		this.#db = null;
		this.#started = null;
		this.#index.clear();
		this.ready = false;
		this.revision++;
	}

	#apply(batch: readonly VisitChange[]): void {
		if (batch.length === 0) return;
		clientBook.setVisitAggregates(this.#index.apply(batch));
		this.revision++;
	}

	/** A client's visits and movements, newest first. */
	forClient(clientId: string): Visit[] {
		return this.forClients([clientId]);
	}

	/** The visits of several client ids (a merged duplicate group), newest first. */
	forClients(clientIds: readonly string[]): Visit[] {
		void this.revision;
		return this.#index.forClients(clientIds);
	}

	get(id: string): Visit | undefined {
		void this.revision;
		return this.#index.get(id);
	}

	async #database(): Promise<SchedarioDatabase> {
		await this.start();
		return this.#db ?? getDatabase();
	}

	/** A new visit or movement, stamped with this device's location (a chain's branch). */
	async create(fields: VisitFields): Promise<Visit> {
		const located = { ...fields, locationId: fields.locationId ?? currentLocationId() };
		const created = await visits.create(await this.#database(), located, writeContext());
		this.#apply([{ kind: 'upsert', visit: created }]);
		return created;
	}

	async update(id: string, patch: Partial<VisitFields>): Promise<Visit> {
		const updated = await visits.update(await this.#database(), id, patch, writeContext());
		this.#apply([{ kind: 'upsert', visit: updated }]);
		return updated;
	}

	/** A loyalty movement: points or prepaid credit (cents), positive or negative. */
	addMovement(
		clientId: string,
		kind: Exclude<VisitKind, 'visit'>,
		delta: number,
		note: string,
		at: string
	): Promise<Visit> {
		return this.create({
			clientId,
			kind,
			at,
			staffName: '',
			services: [],
			products: [],
			amountPaid: 0,
			status: 'done',
			note,
			delta,
			locationId: null
		});
	}
}

export const visitBook = new VisitBook();
