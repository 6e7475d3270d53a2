// The client book's work off the keystroke path: after a batch of changes the search texts are
// re-joined at an idle moment, the first time followed by the search warm-up (search-warm-up.ts);
// while a first sync bootstraps an empty device, its bulk pages are held back and announced once
// at its end (quiet-arrivals.ts); the list's count is kept for the next start-up, rewritten a
// moment after the last change (list-snapshot.ts).
import type { ClientQuery } from '$lib/domain/query';
import type { BookCore } from './client-changes';
import { whenIdle } from './idle';
import { linksKey, SnapshotKeeper } from './list-snapshot';
import { QuietArrivals } from './quiet-arrivals';
import { salon } from './salon.svelte';
import { SearchWarmUp } from './search-warm-up';

export class BookUpkeep {
	/** Bulk batches of a first sync, announced once at its end. */
	readonly quiet = new QuietArrivals(() => this.#announce());
	/** The list's count for the next start-up, once the whole book is in. */
	readonly snapshot = new SnapshotKeeper(() => {
		if (!this.#core.isReady()) return null;
		const index = this.#core.index();
		const shown = index.countActive();
		return { live: index.storedSize, links: linksKey(this.#core.links()), shown };
	});
	/** The book's database name: the snapshot is kept per database. */
	database = '';
	readonly #warmUp = new SearchWarmUp();
	readonly #core: BookCore;
	#preparing = false;

	constructor(core: BookCore) {
		this.#core = core;
	}

	/** The list asked `q`: the warm-up asks alike, and stops once a person types. */
	asked(q: ClientQuery): void {
		this.#warmUp.asked(q);
	}

	#announce(): void {
		this.#core.bump();
		if (!this.#core.isReady()) return;
		this.prepareSoon();
		this.saveSnapshotSoon();
	}

	/** Rewrites the list snapshot a moment later, once the book is ready. */
	saveSnapshotSoon(): void {
		if (this.#core.isReady()) this.snapshot.schedule(this.database);
	}

	/** After a batch of changes: the search texts are re-joined (and the word-start lists rebuilt,
	 *  if the batch dropped them) at an idle moment rather than in the next keystroke; the first
	 *  time, the search is then warmed up before a person types. */
	prepareSoon(): void {
		if (this.#preparing) return;
		this.#preparing = true;
		whenIdle(() => {
			this.#preparing = false;
			this.#core.index().prepare();
			this.#warmUp.start(
				() => this.#core.index(),
				(id) => salon.categoryName(id)
			);
		}, 2_000);
	}

	/** The book stopped: no warm-up, no snapshot pending, nothing held back. */
	stop(): void {
		this.snapshot.cancel();
		this.#warmUp.stop();
		this.quiet.reset();
	}
}
