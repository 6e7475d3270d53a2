// The clients the retention setting proposes for erasure (domain/retention.ts), read from this
// device's database: every card and every visit it holds.
import { getDatabase } from '$lib/db/database';
import * as clientsDb from '$lib/db/clients';
import * as visitsDb from '$lib/db/visits';
import type { Client } from '$lib/domain/client';
import { clientsToPropose, lastVisitByClient } from '$lib/domain/retention';

export async function retentionProposals(
	years: number | null,
	now = Date.now()
): Promise<Array<{ client: Client; lastSeen: number }>> {
	if (years === null) return [];
	const db = await getDatabase();
	const [clients, visits] = await Promise.all([clientsDb.all(db), visitsDb.all(db)]);
	return clientsToPropose(clients, lastVisitByClient(visits), years, now);
}
