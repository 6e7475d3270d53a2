// The per-client data export (GDPR access request). Each collection that keeps records about a
// client adds one entry to CLIENT_DATA_SECTIONS (visits, notes, consents, files…); the JSON file
// and the printable page then include it with no other change.
import type { Client } from '$lib/domain/client';
import {
	clientDataExport,
	clientDataJson,
	type ClientDataExport
} from '$lib/domain/export/client-data';
import type { ExportedFile } from './export-file';
import { exportOptions } from './export-file';
import { assertCan } from './permissions';
import { salon } from './salon.svelte';
import { storyDataSections } from './story-data';

export interface ClientDataSection {
	/** Key in the JSON file. */
	key: string;
	/** The section's heading on the printable page, translated. */
	title: () => string;
	/** Every record of this section about the client (plain JSON-able objects). */
	load(client: Client): Promise<unknown[]>;
}

/** Sections beyond the card. */
export const CLIENT_DATA_SECTIONS: ClientDataSection[] = [...storyDataSections];

export async function collectClientData(
	client: Client,
	now = Date.now()
): Promise<ClientDataExport> {
	assertCan('export');
	const sections: Record<string, unknown[]> = {};
	for (const section of CLIENT_DATA_SECTIONS) sections[section.key] = await section.load(client);
	return clientDataExport(client, exportOptions().lookups, sections, {
		exportedAt: now,
		salonName: salon.settings.salonName
	});
}

export async function clientDataFile(client: Client, fileStem: string): Promise<ExportedFile> {
	const data = await collectClientData(client);
	const blob = new Blob([clientDataJson(data)], { type: 'application/json' });
	return { blob, fileName: `${fileStem}.json` };
}
