// The rows picked on /clients for a bulk action. A plain Set with a version rune, not a
// SvelteSet: "select all 100,000 matching" is one Set construction, not 100,000 signals.
/* eslint-disable svelte/prefer-svelte-reactivity -- reactivity comes from `version` (above) */

export class Selection {
	/** Bumped on every change; `has`/`size` read it so the UI follows. */
	version = $state(0);
	#ids = new Set<string>();
	/** Index (in the list as shown) of the last row toggled by hand: the start of a shift-range. */
	#anchor: number | null = null;

	get size(): number {
		void this.version;
		return this.#ids.size;
	}

	has(id: string): boolean {
		void this.version;
		return this.#ids.has(id);
	}

	/** The selected ids (a copy: actions run while the selection may change). */
	ids(): string[] {
		return [...this.#ids];
	}

	/**
	 * A click on row `index` of `rows`: toggles it, or with `range` (shift-click) gives every row
	 * from the anchor to it the state the clicked row takes.
	 */
	toggle(rows: readonly { id: string }[], index: number, range = false): void {
		const row = rows[index];
		if (!row) return;
		const selecting = !this.#ids.has(row.id);
		const anchor = range && this.#anchor !== null ? Math.min(this.#anchor, rows.length - 1) : index;
		const [from, to] = anchor <= index ? [anchor, index] : [index, anchor];
		for (let i = from; i <= to; i++) {
			const id = rows[i]!.id;
			if (selecting) this.#ids.add(id);
			else this.#ids.delete(id);
		}
		this.#anchor = index;
		this.version++;
	}

	selectAll(rows: readonly { id: string }[]): void {
		this.#ids = new Set(rows.map((r) => r.id));
		this.version++;
	}

	/** Keeps only ids still in `rows` (deleted, or no longer matching the filters). */
	retain(rows: readonly { id: string }[]): void {
		if (this.#ids.size === 0) return;
		const visible = new Set(rows.map((r) => r.id));
		let changed = false;
		for (const id of this.#ids) {
			if (!visible.has(id)) {
				this.#ids.delete(id);
				changed = true;
			}
		}
		if (changed) this.version++;
	}

	clear(): void {
		if (this.#ids.size === 0 && this.#anchor === null) return;
		this.#ids = new Set();
		this.#anchor = null;
		this.version++;
	}
}

export const selection = new Selection();
