import type { Client, ClientFields } from '$lib/domain/client';

declare global {
	interface Window {
		/** Installed by src/lib/state/bench-hook.ts when the app is opened with ?bench=1. */
		__schedarioBench?: {
			seed(fields: ClientFields[]): Promise<number>;
			timeQuery(text: string): number;
			/** Clients in the in-memory list (what the list page shows, before filters). */
			count(): number;
			/** A client as the page currently knows it (after sync brought it in). */
			get(id: string): Client | undefined;
		};
	}
}
