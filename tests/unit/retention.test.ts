// Retention selection (issue 7 › Deliver 3): which clients are proposed for erasure.
import { describe, expect, it } from 'vitest';
import { clientsToPropose, lastVisitByClient, retentionCutoff } from '$lib/domain/retention';

const NOW = Date.UTC(2026, 10, 24, 9, 0);
const years = (n: number) => Date.UTC(2026 - n, 10, 24, 9, 0);

describe('retention', () => {
	it('the cutoff is N calendar years back', () => {
		expect(retentionCutoff(NOW, 2)).toBe(Date.UTC(2024, 10, 24, 9, 0));
	});

	it('proposes only clients with no visit and no change for N years, longest unseen first', () => {
		const clients = [
			{ id: 'old', updatedAt: years(6) },
			{ id: 'older', updatedAt: years(8) },
			{ id: 'edited', updatedAt: years(1) },
			{ id: 'visited', updatedAt: years(9) },
			{ id: 'edge', updatedAt: years(5) + 1 }
		];
		const visits = lastVisitByClient([
			{ clientId: 'visited', at: '2025-03-01T10:00' },
			{ clientId: 'visited', at: '2015-03-01T10:00' },
			{ clientId: 'old', at: '2019-01-10T10:00' },
			// A tombstone (erased visit) is not a visit.
			{ clientId: 'older', at: '2026-01-01T10:00', _deleted: true }
		]);
		const proposed = clientsToPropose(clients, visits, 5, NOW);
		expect(proposed.map((p) => p.client.id)).toEqual(['older', 'old']);
		expect(proposed[1]!.lastSeen).toBe(years(6));
		expect(clientsToPropose(clients, visits, 10, NOW)).toEqual([]);
	});

	it('is off without a setting', () => {
		expect(clientsToPropose([{ id: 'a', updatedAt: 0 }], new Map(), null, NOW)).toEqual([]);
	});
});

describe('per-client export of a merged group', () => {
	it('holds every other card of the group in full, not the shown one', async () => {
		const { mergedCardsData } = await import('$lib/domain/export/client-data');
		const { emptyClientFields } = await import('$lib/domain/client');
		const card = (id: string, firstName: string) => ({
			...emptyClientFields(),
			id,
			firstName,
			lastName: 'Rossi',
			sortName: '',
			createdAt: 0,
			createdBy: '',
			updatedAt: 0,
			clock: {}
		});
		const lookups = {
			categoryName: () => undefined,
			sourceName: () => undefined,
			clientName: () => undefined
		} as never;
		const data = mergedCardsData([card('a', 'Maria'), card('b', 'Mary')], 'a', lookups);
		expect(data).toHaveLength(1);
		expect(data[0]).toMatchObject({ id: 'b', firstName: 'Mary', lastName: 'Rossi' });
		expect(data[0]).not.toHaveProperty('clock');
	});
});
