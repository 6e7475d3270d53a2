// Every visit and movement in memory, grouped by client, with the aggregate each client's list
// row sorts on (visit-stats.ts). A batch of changes recomputes only the clients it touches, so
// a visit added or synced costs O(that client's history), not O(all visits).
import { compareVisitsNewestFirst, type Visit } from './visit.js';
import { shareStamps } from './share-stamps.js';
import { aggregateVisits, type VisitAggregate } from './visit-stats.js';

export type VisitChange = { kind: 'upsert'; visit: Visit } | { kind: 'remove'; id: string };

export class VisitIndex {
	readonly #byId = new Map<string, Visit>();
	readonly #byClient = new Map<string, Map<string, Visit>>();

	get size(): number {
		return this.#byId.size;
	}

	get(id: string): Visit | undefined {
		return this.#byId.get(id);
	}

	clear(): void {
		this.#byId.clear();
		this.#byClient.clear();
	}

	/** Applies the changes; returns the new aggregate of every client they touched. */
	apply(batch: readonly VisitChange[]): Map<string, VisitAggregate> {
		const touched = new Set<string>();
		for (const change of batch) {
			const id = change.kind === 'remove' ? change.id : change.visit.id;
			const old = this.#byId.get(id);
			if (old) {
				this.#byClient.get(old.clientId)?.delete(id);
				this.#byId.delete(id);
				touched.add(old.clientId);
			}
			if (change.kind === 'upsert') {
				const v = change.visit;
				shareStamps(v.clock);
				this.#byId.set(v.id, v);
				let mine = this.#byClient.get(v.clientId);
				if (!mine) this.#byClient.set(v.clientId, (mine = new Map()));
				mine.set(v.id, v);
				touched.add(v.clientId);
			}
		}
		const aggregates = new Map<string, VisitAggregate>();
		for (const clientId of touched) aggregates.set(clientId, this.aggregateOf([clientId]));
		return aggregates;
	}

	/** The visits and movements of these client ids (a merged group), newest first. */
	forClients(clientIds: readonly string[]): Visit[] {
		const out: Visit[] = [];
		for (const id of clientIds) {
			const mine = this.#byClient.get(id);
			if (mine) out.push(...mine.values());
		}
		return out.sort(compareVisitsNewestFirst);
	}

	aggregateOf(clientIds: readonly string[]): VisitAggregate {
		const lists = clientIds.map((id) => this.#byClient.get(id)?.values() ?? []);
		return aggregateVisits(lists.flatMap((l) => [...l]));
	}
}
