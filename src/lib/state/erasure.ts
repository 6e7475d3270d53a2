// "Erase client" (GDPR, issue 7 › Deliver 3): the server erases the card's whole merged group and
// everything attached (sync-server/src/routes/erase.ts); this device's copies then go by the
// tombstones it pulls, like every other device's. Online only: an erasure that waited in a queue
// would leave the data on the server and on the other devices meanwhile.
import { callSyncApi, SyncHttpError } from '$lib/db/sync-api';
import { displayName, type Client } from '$lib/domain/client';
import { eraseResponseSchema, type EraseRequest } from '$lib/domain/erasure';
import { mergeLinks } from './links.svelte';
import { assertCan } from './permissions';
import { currentStaffId } from './session.svelte';
import { sync } from './sync.svelte';

export type ErasureProblem = 'offline' | 'notPaired' | 'forbidden' | 'failed';

/** Why an erasure did not happen, as a code the UI translates. Nothing was erased. */
export class ErasureError extends Error {
	constructor(
		readonly problem: ErasureProblem,
		readonly code: string = problem
	) {
		super(`erasure ${problem}`);
		this.name = 'ErasureError';
	}
}

/** Folded for the typed confirmation: case, accents and extra spaces do not matter. */
function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether what the person typed is the client's full name. */
export function isNameConfirmed(client: Pick<Client, 'firstName' | 'lastName'>, typed: string) {
	const name = fold(displayName(client));
	return name !== '' && fold(typed) === name;
}

/** Every card erased with this one: its merged group (the person's other cards). */
export function erasureGroup(clientId: string): string[] {
	return mergeLinks.groupOf(clientId);
}

export async function eraseClient(client: Client): Promise<string[]> {
	assertCan('erase');
	const creds = sync.credentials;
	if (!creds) throw new ErasureError('notPaired');
	if (typeof navigator !== 'undefined' && !navigator.onLine) throw new ErasureError('offline');
	const body: EraseRequest = {
		clientIds: erasureGroup(client.id),
		confirm: true,
		staffId: currentStaffId() || null
	};
	let answer: unknown;
	try {
		answer = await callSyncApi(
			creds.serverUrl,
			`/salons/${encodeURIComponent(creds.salonId)}/clients/${encodeURIComponent(client.id)}/erase`,
			{ token: creds.token, body }
		);
	} catch (error) {
		if (error instanceof SyncHttpError) {
			if (error.isNetwork) throw new ErasureError('offline');
			if (error.status === 403) throw new ErasureError('forbidden');
			throw new ErasureError('failed', error.code);
		}
		throw error;
	}
	// The pull that brings the tombstones (and drops this device's copies) is started by the
	// server's stream ping, as on every other device.
	return eraseResponseSchema.parse(answer).erased;
}
