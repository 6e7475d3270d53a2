// A client's own data for a GDPR access request (art. 15): the card in full plus every other
// collection that holds records about her. Sections plug in by key (visits, notes, consents,
// files… as those collections arrive); the card alone is already a complete answer today.
import { CLIENT_FIELDS, type Client } from '../client.js';
import type { ExportLookups } from './columns.js';

export const CLIENT_DATA_FORMAT = 'schedario.client-data';
export const CLIENT_DATA_VERSION = 1;

export interface ClientDataExport {
	format: typeof CLIENT_DATA_FORMAT;
	version: typeof CLIENT_DATA_VERSION;
	/** ISO date-time of the export. */
	exportedAt: string;
	salonName: string;
	client: Record<string, unknown>;
	/** Section key → its records about this client, in the collection's own shape. */
	sections: Record<string, unknown[]>;
}

/**
 * The card as the person would recognise it: every field, ids resolved to names next to the
 * ids, times as ISO strings. Merge metadata (clocks, set tags, sort key) is bookkeeping, not
 * data about her, and stays out.
 */
export function clientDataCard(client: Client, lookups: ExportLookups): Record<string, unknown> {
	const card: Record<string, unknown> = { id: client.id };
	for (const field of CLIENT_FIELDS) card[field] = client[field];
	card.categoryNames = client.categoryIds.map((id) => lookups.categoryName(id) ?? id);
	card.sourceName = client.sourceId ? (lookups.sourceName(client.sourceId) ?? null) : null;
	card.referredByName = client.referredById
		? (lookups.clientName(client.referredById) ?? null)
		: null;
	card.createdAt = new Date(client.createdAt).toISOString();
	card.createdBy = client.createdBy;
	card.updatedAt = new Date(client.updatedAt).toISOString();
	return card;
}

export function clientDataExport(
	client: Client,
	lookups: ExportLookups,
	sections: Record<string, unknown[]>,
	meta: { exportedAt: number; salonName: string }
): ClientDataExport {
	return {
		format: CLIENT_DATA_FORMAT,
		version: CLIENT_DATA_VERSION,
		exportedAt: new Date(meta.exportedAt).toISOString(),
		salonName: meta.salonName,
		client: clientDataCard(client, lookups),
		sections
	};
}

/** Pretty JSON (two-space indent): the person may read it in any text editor. */
export function clientDataJson(data: ClientDataExport): string {
	return `${JSON.stringify(data, null, 2)}\n`;
}

/** The other cards of the person's merged group, each in full as on the card: a merge computes
 *  the shown card from them, and every one of them is data about her (issue 7). */
export function mergedCardsData(
	group: readonly Client[],
	shownId: string,
	lookups: ExportLookups
): Record<string, unknown>[] {
	return group.filter((c) => c.id !== shownId).map((c) => clientDataCard(c, lookups));
}
