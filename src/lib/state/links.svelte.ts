// Merged duplicates as reactive state: the `links` collection, live; which cards form a group
// (`survivorOf`, `groupOf`, for visits/notes to show the records of merged cards on the
// survivor); merge, undo and "different person"; the review queue; and `checkDuplicates(ids)`,
// which the sync status (on reconnect) and the import call to merge obvious pairs.
import type { Subscription } from 'rxjs';
import type { SchedarioDatabase } from '$lib/db/database';
import { getDatabase } from '$lib/db/database';
import * as linksRepo from '$lib/db/links';
import type { ClientFields } from '$lib/domain/client';
import type { DuplicateMatch, DuplicatePair } from '$lib/domain/duplicates';
import {
	groupsOf,
	isActiveMerge,
	linkIdOf,
	linksById,
	planMerges,
	writeLink,
	type Link,
	type MergeChoices
} from '$lib/domain/links';
import { assertCan, can as allowed, hasPermission } from './permissions';
import { clientBook } from './clients.svelte';
import { deviceClock, writeContext } from './device';
import { salon } from './salon.svelte';
import { DuplicateQueue } from './duplicate-queue';

export interface CheckResult {
	merged: number;
	review: number;
}

/** The one gate of merge actions (src/lib/state/permissions.ts). */
export { allowed };

export class MergeLinks {
	links = $state.raw<Link[]>([]);
	ready = $state(false);
	/** The last automatic check (reconnect, import), for the sync status. */
	lastCheck = $state<CheckResult | null>(null);

	#groups = $derived(groupsOf(this.links));
	#byId = $derived(linksById(this.links));
	/** Bumped when the review queue is built, so readers recompute. */
	#queueVersion = $state(0);
	#queue = new DuplicateQueue();
	#db: Promise<SchedarioDatabase> | null = null;
	#started: Promise<void> | null = null;
	#subscription: Subscription | null = null;

	start(db?: SchedarioDatabase): Promise<void> {
		this.#started ??= this.#follow(db).catch((error: unknown) => {
			this.#started = null;
			throw error;
		});
		return this.#started;
	}

	async #follow(given?: SchedarioDatabase): Promise<void> {
		this.#db ??= given ? Promise.resolve(given) : getDatabase();
		const db = await this.#db;
		await clientBook.start(given);
		await new Promise<void>((resolve, reject) => {
			this.#subscription = linksRepo.list$(db).subscribe({
				next: (links) => {
					this.links = links;
					clientBook.setLinks(links);
					resolve();
				},
				error: reject
			});
		});
		this.ready = true;
	}

	stop(): void {
		this.#subscription?.unsubscribe();
		this.#subscription = null;
		this.#db = null;
		this.#started = null;
		this.#queue = new DuplicateQueue();
		this.links = [];
		this.ready = false;
	}

	/** The survivor of the group `id` is merged in (the group's smallest id), else `id`. */
	survivorOf(id: string): string {
		return this.#groups.survivor.get(id) ?? id;
	}

	/** Every id merged into the same card as `id`, survivor first; `[id]` when not merged. */
	groupOf(id: string): string[] {
		const survivor = this.#groups.survivor.get(id);
		return survivor === undefined ? [id] : (this.#groups.members.get(survivor) ?? [id]);
	}

	linkBetween(x: string, y: string): Link | undefined {
		return this.#byId.get(linkIdOf(x, y));
	}

	/** True when someone said "different person" for any two cards of the two groups. */
	isDistinct(x: string, y: string): boolean {
		for (const p of this.groupOf(x)) {
			for (const q of this.groupOf(y))
				if (this.#byId.get(linkIdOf(p, q))?.kind === 'distinct') return true;
		}
		return false;
	}

	/** A merge was taken back for a pair of these groups: never merge it again by itself. */
	#wasUndone(x: string, y: string): boolean {
		for (const p of this.groupOf(x)) {
			for (const q of this.groupOf(y)) {
				const l = this.#byId.get(linkIdOf(p, q));
				if (l?.kind === 'merge' && l.undone) return true;
			}
		}
		return false;
	}

	async #save(links: Link[]): Promise<void> {
		if (links.length === 0) return;
		await this.start();
		await linksRepo.save(await (this.#db ?? getDatabase()), links);
	}

	#version(x: string, y: string, change: Parameters<typeof writeLink>[2]): Link {
		const ctx = writeContext();
		return writeLink(x, y, change, {
			hlc: deviceClock().tick(),
			deviceId: ctx.deviceId,
			staff: ctx.author,
			now: Date.now()
		});
	}

	/** Merges the cards shown as `x` and `y`; `choices` are the merge view's picks. */
	async merge(x: string, y: string, choices: MergeChoices = {}, origin: Link['origin'] = 'manual') {
		assertCan('merge');
		await this.#save([this.#version(x, y, { kind: 'merge', undone: false, origin, choices })]);
	}

	/** Takes back every merge of the group `id` belongs to: each card shows as it was. */
	async unmerge(id: string): Promise<void> {
		assertCan('unmerge');
		const survivor = this.#groups.survivor.get(id);
		const active = survivor === undefined ? [] : (this.#groups.links.get(survivor) ?? []);
		await this.#save(
			active.filter(isActiveMerge).map((l) =>
				this.#version(l.a, l.b, {
					kind: 'merge',
					undone: true,
					origin: l.origin,
					choices: l.choices
				})
			)
		);
	}

	/** "It's a different person": never proposed again, on any device. */
	async markDistinct(x: string, y: string): Promise<void> {
		assertCan('markDistinct');
		await this.#save([this.#version(x, y, { kind: 'distinct', undone: false })]);
	}

	/**
	 * Cards the form's fields may duplicate (the creation and edit warning), best first, at most
	 * `limit`; without cards in the same group or marked "different person".
	 */
	warningsFor(fields: ClientFields, excludeId: string | null, limit = 3): DuplicateMatch[] {
		void this.links;
		const self = excludeId === null ? null : clientBook.displayedIdOf(excludeId);
		return clientBook
			.duplicates()
			.candidatesFor(fields, { excludeId: self ?? undefined, limit: limit + 5 })
			.filter((m) => self === null || !this.isDistinct(self, m.id))
			.slice(0, limit);
	}

	/** Builds the review queue now, whatever the size of the book (the /duplicates page). */
	buildQueue(): void {
		if (this.#queue.build(clientBook)) this.#queueVersion++;
	}

	/** Reads what `queue()` depends on without computing it (state/review-count.svelte.ts). */
	watchQueue(): void {
		void this.links;
		void this.#queueVersion;
		void clientBook.revision;
	}

	/** Pairs to review, best first, reactive to cards and links. Empty until built (see
	 *  DuplicateQueue: big books build it on first use). */
	queue(): DuplicatePair[] {
		void this.links;
		void this.#queueVersion;
		void clientBook.revision;
		return this.#queue.pairs({
			book: clientBook,
			isDistinct: (x, y) => this.isDistinct(x, y)
		});
	}

	/**
	 * Checks the given cards (new or changed: after sync caught up, after an import) against
	 * every card. Certain and strong pairs merge when the salon allows it and the pair was never
	 * split by hand; the rest wait in the queue.
	 */
	async checkDuplicates(ids: Iterable<string>): Promise<CheckResult> {
		await this.start();
		const shown = [...ids]
			.map((id) => clientBook.displayedIdOf(id))
			.filter((id) => clientBook.get(id));
		const pairs = clientBook.duplicates().pairsFor(shown, 'review');
		const plan = planMerges(pairs, {
			// A device that sees masked contacts cannot judge a pair by them (issue 7).
			automatic:
				salon.settings.autoMergeDuplicates && allowed('merge') && hasPermission('seeContacts'),
			isDistinct: (a, b) => this.isDistinct(a, b),
			wasUndone: (a, b) => this.#wasUndone(a, b)
		});
		const merges = plan.merges.map(([a, b]) =>
			this.#version(a, b, { kind: 'merge', undone: false, origin: 'auto' })
		);
		const review = plan.review;
		await this.#save(merges);
		this.#queue.touch(shown);
		this.buildQueue();
		const result = { merged: merges.length, review };
		if (result.merged > 0 || result.review > 0) this.lastCheck = result;
		return result;
	}
}

export const mergeLinks = new MergeLinks();

/** For the import (issue 5) and the sync status: check new and changed cards. */
export function checkDuplicates(ids: Iterable<string>): Promise<CheckResult> {
	return mergeLinks.checkDuplicates(ids);
}
