// The words of the sync status: a first sync says how many of the salon's cards are in so far,
// in each language, with the language's digit grouping; the phone's header shows the number.
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { SyncStatus } from '$lib/state/sync-helpers';
import { shortStatusText, statusText } from '$lib/ui/sync/status-text';

const syncing: SyncStatus = {
	kind: 'syncing',
	pending: 0,
	offlineSince: null,
	error: null,
	lastSyncedAt: null,
	receivedClients: null
};

afterEach(() => {
	i18n.locale = 'it';
});

describe('statusText', () => {
	it('counts the cards a first sync has written, in every language', () => {
		const receiving = { ...syncing, receivedClients: 15_000 };
		i18n.locale = 'en';
		expect(statusText(receiving)).toBe("Receiving the salon's clients: 15,000");
		expect(shortStatusText(receiving)).toBe('15,000');
		i18n.locale = 'it';
		expect(statusText(receiving)).toBe('Ricevo i clienti del salone: 15.000');
		i18n.locale = 'pt';
		expect(statusText(receiving)).toMatch(/^A receber os clientes do salão: 15\s?000$/);
		i18n.locale = 'bg';
		expect(statusText(receiving)).toMatch(/^Получаване на клиентите на салона: 15\s000$/);
	});

	it('says what it said before when no first sync runs', () => {
		i18n.locale = 'en';
		expect(statusText(syncing)).toBe('Syncing…');
		expect(statusText({ ...syncing, pending: 3 })).toBe('Syncing 3 changes');
		expect(shortStatusText({ ...syncing, pending: 3 })).toBe('3');
	});
});
