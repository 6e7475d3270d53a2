// The per-client data export (GDPR access request). Each collection that keeps records about a
// client adds one entry to CLIENT_DATA_SECTIONS (visits, notes, consents, files…); the JSON file
// and the printable page then include it with no other change.
import { firstValueFrom } from 'rxjs';
import { getDatabase } from '$lib/db/database';
import * as filesDb from '$lib/db/files';
import * as notesDb from '$lib/db/notes';
import type { Client } from '$lib/domain/client';
import type { StoredFile } from '$lib/domain/files';
import type { Note } from '$lib/domain/notes';
import { formatDate, t } from '$lib/i18n/i18n.svelte';
import {
	clientDataExport,
	clientDataJson,
	type ClientDataExport
} from '$lib/domain/export/client-data';
import type { ExportedFile } from './export-file';
import { exportOptions } from './export-file';
import { assertCan } from './permissions';
import { salon } from './salon.svelte';

export interface ClientDataSection {
	/** Key in the JSON file. */
	key: string;
	/** The section's heading on the printable page, translated. */
	title: () => string;
	/** Every record of this section about the client (plain JSON-able objects). */
	load(client: Client): Promise<unknown[]>;
	/** One record as a line of the printable page (the JSON file has it in full). */
	line(record: unknown): string;
}

const when = (ms: number) => formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' });

/** Sections beyond the card: one entry per collection that holds records about a client. */
export const CLIENT_DATA_SECTIONS: ClientDataSection[] = [
	{
		key: 'notes',
		title: () => t('notes.title'),
		load: async (client) => notesDb.list(await getDatabase(), [client.id]),
		line: (record) => {
			const note = record as Note;
			return `${when(note.createdAt)} · ${note.author}: ${note.text}`;
		}
	},
	{
		key: 'files',
		// Photos and documents in full (base64), as the person is entitled to a copy of them.
		title: () => t('files.title'),
		load: async (client) => firstValueFrom(filesDb.list$(await getDatabase(), [client.id])),
		line: (record) => {
			const file = record as StoredFile;
			return `${when(file.createdAt)} · ${file.name} (${file.mimeType})`;
		}
	}
];

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
