import type { ClientFields } from '$lib/domain/client';

declare global {
	interface Window {
		/** Installed by src/lib/state/bench-hook.ts when the app is opened with ?bench=1. */
		__schedarioBench?: {
			seed(fields: ClientFields[]): Promise<number>;
			timeQuery(text: string): number;
		};
	}
}
