import type { Client, ClientFields } from '$lib/domain/client';
import type { Visit } from '$lib/domain/visit';

declare global {
	interface Window {
		/** Installed by src/lib/state/bench-hook.ts when the app is opened with ?bench=1. */
		__schedarioBench?: {
			/** Creates the clients through the app's write path; returns their ids in order. */
			seed(fields: ClientFields[]): Promise<string[]>;
			/** Stores visits through the visits repository (the bench's generated histories). */
			seedVisits(visits: Visit[]): Promise<number>;
			/** Milliseconds of one query of the app's search index. */
			timeQuery(text: string): number;
			/** Milliseconds of the same search as an RxDB `$regex` query (benchmark peer). */
			timeRegex(text: string): Promise<number>;
			/** Builds a Fuse.js index over the same clients; milliseconds (benchmark peer). */
			buildFuse(): Promise<number>;
			/** Milliseconds of one Fuse.js search (after buildFuse). */
			timeFuse(text: string): number;
			/** One card with its visits and `photos` generated photos; returns its id. */
			seedStory(fields: ClientFields, visits: Visit[], photos: number): Promise<string>;
			/** The last start-up (client-load.ts): ms to the list's first screen and to the whole
			 *  book (both 0 until reached), and the batches the rest of the book came in. */
			startup(): {
				firstScreenMs: number;
				loadMs: number;
				batches: number;
				ready: boolean;
				visitsReady: boolean;
			};
			/** Clients in the in-memory list (what the list page shows, before filters). */
			count(): number;
			/** Cards stored on this device, duplicates merged automatically after a sync included. */
			storedCount(): number;
			/** A client as the page currently knows it (after sync brought it in). */
			get(id: string): Client | undefined;
		};
	}
}
