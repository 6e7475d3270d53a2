/** Ids noted since the last `take()`: plain bookkeeping, not reactive state. */
export class IdLog {
	#ids = new Set<string>();

	add(id: string): void {
		this.#ids.add(id);
	}

	take(): string[] {
		const ids = [...this.#ids];
		this.#ids.clear();
		return ids;
	}
}
