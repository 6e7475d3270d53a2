// Runs the search warm-up (src/lib/domain/search-warm.ts) at idle moments after start-up: one
// text per idle callback, so it never makes a long task of its own, and it stops for good as soon
// as a person types (from then on their own keystrokes keep the code hot).
import type { Client } from '$lib/domain/client';
import type { ClientQuery } from '$lib/domain/query';
import { warmTexts } from '$lib/domain/search-warm';
import { whenIdle } from './idle';

/** At the latest this long after the previous step, on a page that is never idle. */
const STEP_TIMEOUT_MS = 2_000;

type Schedule = (step: () => void, timeoutMs: number) => () => void;

/** What the warm-up needs of the client book's index (grouped-index.ts). */
export interface WarmableIndex {
	queryAside(q: ClientQuery, ctx: { categoryName?: (id: string) => string }): readonly Client[];
	sample(fraction: number): Client | undefined;
}

/** Runs `run` on each text at idle moments, in order; returns a stop. */
export function startWarmUp(
	texts: readonly string[],
	run: (text: string) => void,
	schedule: Schedule = whenIdle
): () => void {
	let next = 0;
	let stopped = false;
	let cancel: (() => void) | null = null;
	const step = (): void => {
		cancel = null;
		if (stopped || next >= texts.length) return;
		run(texts[next++] as string);
		if (next < texts.length) cancel = schedule(step, STEP_TIMEOUT_MS);
	};
	if (texts.length > 0) cancel = schedule(step, STEP_TIMEOUT_MS);
	return () => {
		stopped = true;
		cancel?.();
		cancel = null;
	};
}

/** The client book's warm-up: once per page (compiled code lives as long as the page). */
export class SearchWarmUp {
	/** The list's last question: the warm-up asks with its filters and sort (no other sort
	 *  order gets built), and its first non-blank text stops the warm-up. */
	#asked: ClientQuery | null = null;
	#stop: (() => void) | null = null;
	#started = false;
	readonly #schedule: Schedule;

	constructor(schedule: Schedule = whenIdle) {
		this.#schedule = schedule;
	}

	/** The list asked `q` (ClientBook.query). */
	asked(q: ClientQuery): void {
		this.#asked = q;
		if (this.#stop && q.text.trim() !== '') this.stop();
	}

	/** Starts the warm-up over `index()` (read at each step: the book may rebuild it), unless it
	 *  ran already or the list has not asked anything yet. */
	start(index: () => WarmableIndex, categoryName: (id: string) => string): void {
		if (this.#started || this.#asked === null) return;
		this.#started = true;
		const book = index();
		const cards = [book.sample(0.3), book.sample(0.7)].filter((c) => c !== undefined);
		this.#stop = startWarmUp(
			warmTexts(cards),
			(text) => {
				const q = this.#asked as ClientQuery;
				index().queryAside(
					{ text, filters: q.filters, sort: q.sort, today: q.today },
					{ categoryName }
				);
			},
			this.#schedule
		);
	}

	stop(): void {
		this.#stop?.();
		this.#stop = null;
	}
}
