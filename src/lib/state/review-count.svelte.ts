// The navigation's count of duplicate pairs to review. Reading it means reading the whole
// review queue (every pair mapped to the cards shown, filtered by the links, sorted), and as a
// $derived it ran on every change to any card, in the same flush as the change: profiled at
// 50,000 cards, ~30 ms on each device for each live edit, before a saved edit left the device
// and before a pulled one was shown. It is now recounted when the page is idle, once per burst
// of changes; the badge follows a moment later.

import { whenIdle } from './idle';

/** A figure recounted lazily: `changed()` asks for a recount at the next idle moment. */
export class IdleCount {
	value = $state(0);
	readonly #count: () => number;
	readonly #schedule: (run: () => void) => () => void;
	#cancel: (() => void) | null = null;

	constructor(count: () => number, schedule: (run: () => void) => () => void = whenIdle) {
		this.#count = count;
		this.#schedule = schedule;
	}

	/** What the figure depends on changed. One recount per burst: a recount already waiting
	 *  reads the newest state when it runs. */
	changed(): void {
		this.#cancel ??= this.#schedule(() => {
			this.#cancel = null;
			this.value = this.#count();
		});
	}

	/** Nothing to count (the source is not ready): 0 now, and no recount waiting. */
	reset(): void {
		this.stop();
		this.value = 0;
	}

	stop(): void {
		this.#cancel?.();
		this.#cancel = null;
	}
}
