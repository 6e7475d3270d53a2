// Where this device remembers encryption at rest (state/at-rest.svelte.ts): apart, so the wipe
// in sync.svelte.ts can forget them without importing the module that imports it.

/** localStorage: which database holds this device's data, and the one a move left behind. */
export const AT_REST_KEY = 'schedario.atRest';
/** sessionStorage: the salon's data key, for reloads of this browser session only. */
export const DATA_KEY_SESSION_KEY = 'schedario.dataKey';

export type AtRestMode = 'plain' | 'encrypted';

export interface AtRestMarker {
	mode: AtRestMode;
	/** The database a switch left, until it is drained and removed. */
	previous: AtRestMode | null;
}

const isMode = (value: unknown): value is AtRestMode => value === 'plain' || value === 'encrypted';

export function parseMarker(raw: string | null): AtRestMarker {
	try {
		const value = JSON.parse(raw ?? 'null') as Partial<AtRestMarker> | null;
		if (value && isMode(value.mode)) {
			return { mode: value.mode, previous: isMode(value.previous) ? value.previous : null };
		}
	} catch {
		// Not ours or damaged: the device has never switched, its data is in the plain database.
	}
	return { mode: 'plain', previous: null };
}
