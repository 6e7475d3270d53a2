// The client book's index with merges applied: the search index holds what the list shows —
// every card that is in no merged group, and one view per group (link-view.ts) under the id of
// its smallest live card — while the cards as stored stay available by id (`raw`) for echo
// checks, writes and undo. It also keeps the duplicate index (built on first use) over what is
// shown, so a new card is compared with merged groups as a whole.
import type { Client } from './client.js';
import { DuplicateIndex } from './duplicates.js';
import { groupView } from './link-view.js';
import { groupsOf, type Link, type MergeGroups } from './links.js';
import type { ClientQuery } from './query.js';
import { ClientSearchIndex } from './search.js';
import { shareEmptySets, shareStamps } from './share-stamps.js';

const NO_GROUPS: MergeGroups = { survivor: new Map(), members: new Map(), links: new Map() };

export class GroupedClientIndex {
	readonly #country: string;
	readonly #inner: ClientSearchIndex;
	readonly #raw = new Map<string, Client>();
	#groups: MergeGroups = NO_GROUPS;
	#duplicates: DuplicateIndex | null = null;

	constructor(opts: ConstructorParameters<typeof ClientSearchIndex>[0]) {
		this.#country = opts.defaultCountry;
		this.#inner = new ClientSearchIndex(opts);
	}

	/** Visit aggregates changed for these cards (search.ts); a merged card's show on its group. */
	refreshAggregates(ids: readonly string[]): void {
		this.#inner.refreshAggregates([...new Set(ids.map((id) => this.displayedIdOf(id)))]);
	}

	/** Cards shown (a merged group counts once). */
	get size(): number {
		return this.#inner.size;
	}

	/** The card as shown: a merged group's view under its displayed id, else the card. */
	get(id: string): Client | undefined {
		return this.#inner.get(id);
	}

	/** The card as stored, merged or not. */
	/** Cards as stored, merged-away ones included (the list shows `size`). */
	get storedSize(): number {
		return this.#raw.size;
	}

	raw(id: string): Client | undefined {
		return this.#raw.get(id);
	}

	rawAll(): Client[] {
		return [...this.#raw.values()];
	}

	isMerged(id: string): boolean {
		return this.#groups.survivor.has(id);
	}

	/** Ids merged with `id`, survivor first (just `id` when it is in no group). */
	membersOf(id: string): string[] {
		const survivor = this.#groups.survivor.get(id);
		return survivor === undefined ? [id] : (this.#groups.members.get(survivor) ?? [id]);
	}

	/** The id under which the card `id` is shown: its group's smallest live card. */
	displayedIdOf(id: string): string {
		return this.membersOf(id).find((m) => this.#raw.has(m)) ?? id;
	}

	/** The index's own array (search.ts): read it, never change it. */
	query(q: ClientQuery, ctx: { categoryName?: (id: string) => string } = {}): readonly Client[] {
		return this.#inner.query(q, ctx);
	}

	/** `query` without touching what it keeps for the list's next keystroke (search.ts). */
	queryAside(
		q: ClientQuery,
		ctx: { categoryName?: (id: string) => string } = {}
	): readonly Client[] {
		return this.#inner.queryAside(q, ctx);
	}

	/** A card shown at about `fraction` (0–1) of the index's slots, for the warm-up's texts. */
	sample(fraction: number): Client | undefined {
		return this.#inner.sample(fraction);
	}

	/** Readies the search for its first keystroke (search.ts › prepare). */
	prepare(): void {
		this.#inner.prepare();
	}

	/** Cards shown with no search and the default filters, without running a query. */
	countActive(): number {
		return this.#inner.countActive();
	}

	replaceAll(clients: readonly Client[]): void {
		this.#raw.clear();
		for (const c of clients) {
			shareStamps(c.clock);
			shareEmptySets(c.sets);
			this.#raw.set(c.id, c);
		}
		const shown: Client[] = [];
		for (const c of clients) if (!this.isMerged(c.id)) shown.push(c);
		for (const survivor of this.#groups.members.keys()) {
			const view = this.#viewOf(survivor);
			if (view) shown.push(view);
		}
		this.#inner.replaceAll(shown);
		if (this.#duplicates) this.#buildDuplicates();
	}

	upsert(client: Client): void {
		this.upsertMany([client]);
	}

	upsertMany(clients: readonly Client[]): void {
		const plain: Client[] = [];
		const groups = new Set<string>();
		for (const c of clients) {
			shareStamps(c.clock);
			shareEmptySets(c.sets);
			this.#raw.set(c.id, c);
			const survivor = this.#groups.survivor.get(c.id);
			if (survivor === undefined) plain.push(c);
			else groups.add(survivor);
		}
		this.#inner.upsertMany(plain);
		for (const c of plain) this.#duplicates?.set(c.id, c);
		for (const survivor of groups) this.#refreshGroup(survivor);
	}

	remove(id: string): void {
		if (!this.#raw.delete(id)) return;
		const survivor = this.#groups.survivor.get(id);
		if (survivor !== undefined) {
			this.#refreshGroup(survivor);
			return;
		}
		this.#inner.remove(id);
		this.#duplicates?.delete(id);
	}

	/** New links (the whole collection): regroups only the cards whose group changed. */
	setLinks(links: Iterable<Link>): void {
		const before = this.#groups;
		const after = groupsOf(links);
		this.#groups = after;
		const affected = new Set<string>();
		for (const [id, s] of before.survivor) {
			if (after.survivor.get(id) !== s) affected.add(id);
		}
		for (const [id, s] of after.survivor) {
			if (before.survivor.get(id) !== s) affected.add(id);
		}
		// A group whose links changed (choices, a new member) shows a new view.
		for (const [s, list] of after.links) {
			if (before.links.get(s)?.length !== list.length) affected.add(s);
			else if (list.some((l, i) => before.links.get(s)?.[i] !== l)) affected.add(s);
		}
		const survivors = new Set<string>();
		for (const id of affected) {
			this.#hide(id);
			const s = after.survivor.get(id);
			if (s !== undefined) survivors.add(s);
			else this.#show(id);
		}
		for (const s of survivors) this.#refreshGroup(s);
	}

	/** The duplicate index over the cards shown, built on first use and kept current. */
	duplicates(): DuplicateIndex {
		if (!this.#duplicates) this.#buildDuplicates();
		return this.#duplicates as DuplicateIndex;
	}

	#buildDuplicates(): void {
		const index = new DuplicateIndex(this.#country);
		for (const c of this.#raw.values()) if (!this.isMerged(c.id)) index.set(c.id, c);
		for (const survivor of this.#groups.members.keys()) {
			const view = this.#inner.get(this.displayedIdOf(survivor));
			if (view) index.set(view.id, view);
		}
		this.#duplicates = index;
	}

	#viewOf(survivor: string): Client | undefined {
		const members = this.#groups.members.get(survivor) ?? [survivor];
		const cards = members.map((m) => this.#raw.get(m)).filter((c): c is Client => !!c);
		if (cards.length === 0) return undefined;
		const id = (cards[0] as Client).id;
		return groupView(id, cards, this.#groups.links.get(survivor) ?? []);
	}

	#hide(id: string): void {
		this.#inner.remove(id);
		this.#duplicates?.delete(id);
	}

	#show(id: string): void {
		const card = this.#raw.get(id);
		if (!card) return;
		this.#inner.upsert(card);
		this.#duplicates?.set(id, card);
	}

	#refreshGroup(survivor: string): void {
		for (const m of this.#groups.members.get(survivor) ?? []) this.#hide(m);
		const view = this.#viewOf(survivor);
		if (!view) return;
		this.#inner.upsert(view);
		this.#duplicates?.set(view.id, view);
	}
}
