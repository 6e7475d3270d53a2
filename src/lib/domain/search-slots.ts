// The cards the search index holds (search.ts), by id and by slot. A slot is a small integer a
// card keeps while it is in the index (freed by a removal, reused by the next card); under it
// sit the card's entry, client, flag byte and texts in dense arrays, so a keystroke's scans
// (search-scan.ts) read typed arrays instead of entries scattered over the heap.
import type { Client } from './client';
import type { Entry } from './search-entry';
import { ARCHIVED, flagsOf } from './search-filters';
import { SearchTexts } from './search-texts';

export class SearchSlots {
	readonly #byId = new Map<string, Entry>();
	/** Slots freed by removals, reused before new ones are taken. */
	readonly #freeSlots: number[] = [];
	#slotCount = 0;
	/** By slot. The walk copies clients from this dense array instead of reading each entry:
	 *  entries are scattered over the heap, and 100,000 cache misses cost ~10 ms. */
	readonly #entryBySlot: (Entry | undefined)[] = [];
	readonly #clientBySlot: (Client | undefined)[] = [];
	/** Per slot: ARCHIVED | BLACKLISTED (search-filters.ts). */
	#flags = new Uint8Array(1024);
	/** Per slot, during a query: how many tokens the card has matched so far (search-scan.ts). */
	#hits = new Uint16Array(1024);
	readonly #texts = new SearchTexts();

	/** How many cards the index holds. */
	get size(): number {
		return this.#byId.size;
	}

	/** One past the highest slot taken so far, free ones included. */
	get slotCount(): number {
		return this.#slotCount;
	}

	get byId(): ReadonlyMap<string, Entry> {
		return this.#byId;
	}

	get entryBySlot(): readonly (Entry | undefined)[] {
		return this.#entryBySlot;
	}

	get clientBySlot(): readonly (Client | undefined)[] {
		return this.#clientBySlot;
	}

	/** Replaced when it grows: read it again after an add. */
	get flags(): Uint8Array {
		return this.#flags;
	}

	/** Replaced when it grows: read it again after an add. */
	get hits(): Uint16Array {
		return this.#hits;
	}

	get texts(): SearchTexts {
		return this.#texts;
	}

	get(id: string): Entry | undefined {
		return this.#byId.get(id);
	}

	/** Gives `e` a slot (sets `e.slot`) and puts it in every per-slot array. */
	add(e: Entry): void {
		this.#byId.set(e.client.id, e);
		e.slot = this.#freeSlots.pop() ?? this.#slotCount++;
		if (e.slot >= this.#flags.length) {
			const grown = new Uint8Array(this.#flags.length * 2);
			grown.set(this.#flags);
			this.#flags = grown;
			this.#hits = new Uint16Array(grown.length);
		}
		this.#entryBySlot[e.slot] = e;
		this.#clientBySlot[e.slot] = e.client;
		this.#flags[e.slot] = flagsOf(e);
		this.#texts.set(e);
	}

	/** Takes `e` out and frees its slot. */
	delete(e: Entry): void {
		this.#byId.delete(e.client.id);
		this.#texts.delete(e.slot);
		this.#freeSlots.push(e.slot);
		this.#entryBySlot[e.slot] = undefined;
		this.#clientBySlot[e.slot] = undefined;
	}

	clear(): void {
		this.#byId.clear();
		this.#texts.clear();
		this.#freeSlots.length = 0;
		this.#slotCount = 0;
		this.#entryBySlot.length = 0;
		this.#clientBySlot.length = 0;
	}

	/** The card in the first used slot at or after `fraction` (0–1) of the slots, else before. */
	sample(fraction: number): Client | undefined {
		const start = Math.min(this.#slotCount - 1, Math.floor(this.#slotCount * fraction));
		for (let slot = start; slot < this.#slotCount; slot++) {
			if (this.#clientBySlot[slot]) return this.#clientBySlot[slot];
		}
		for (let slot = start - 1; slot >= 0; slot--) {
			if (this.#clientBySlot[slot]) return this.#clientBySlot[slot];
		}
		return undefined;
	}

	/** How many cards are not archived. */
	countActive(): number {
		const flags = this.#flags;
		let n = 0;
		for (let slot = 0; slot < this.#slotCount; slot++) {
			if (this.#entryBySlot[slot] !== undefined && ((flags[slot] as number) & ARCHIVED) === 0) n++;
		}
		return n;
	}
}
