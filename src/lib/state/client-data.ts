// The per-client data export (GDPR access request). Each collection that keeps records about a
// client adds one entry to CLIENT_DATA_SECTIONS (visits, notes, consents, files…); the JSON file
// and the printable page then include it with no other change.
import { firstValueFrom } from 'rxjs';
import { getDatabase } from '$lib/db/database';
import * as consentsDb from '$lib/db/consents';
import * as filesDb from '$lib/db/files';
import * as notesDb from '$lib/db/notes';
import * as visitsDb from '$lib/db/visits';
import type { Client } from '$lib/domain/client';
import type { ConsentRecord } from '$lib/domain/consents';
import type { StoredFile } from '$lib/domain/files';
import type { Note } from '$lib/domain/notes';
import type { Visit } from '$lib/domain/visit';
import { formatDate, t } from '$lib/i18n/i18n.svelte';
import {
	clientDataExport,
	clientDataJson,
	mergedCardsData,
	type ClientDataExport
} from '$lib/domain/export/client-data';
import type { ExportedFile } from './export-file';
import { exportOptions } from './export-file';
import { clientBook } from './clients.svelte';
import { mergeLinks } from './links.svelte';
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

/** The card and every card merged with it: their records all belong to this person. */
const groupIds = (client: Client) => mergeLinks.groupOf(client.id);

const when = (ms: number) => formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' });

/** Sections beyond the card: one entry per collection that holds records about a client. */
export const CLIENT_DATA_SECTIONS: ClientDataSection[] = [
	{
		key: 'visits',
		title: () => t('visits.title'),
		load: async (client) => visitsDb.forClients(await getDatabase(), groupIds(client)),
		line: (record) => {
			const visit = record as Visit;
			const lines = [...visit.services, ...visit.products].map((l) => l.name).join(', ');
			// `at` is a local date-time as typed ('YYYY-MM-DDTHH:mm'), shown as written.
			return [visit.at.replace('T', ' '), visit.staffName, lines, visit.note]
				.filter((part) => part !== '')
				.join(' · ');
		}
	},
	{
		key: 'notes',
		title: () => t('notes.title'),
		load: async (client) => notesDb.list(await getDatabase(), groupIds(client)),
		line: (record) => {
			const note = record as Note;
			return `${when(note.createdAt)} · ${note.author}: ${note.text}`;
		}
	},
	{
		key: 'files',
		// Photos and documents in full (base64), as the person is entitled to a copy of them.
		title: () => t('files.title'),
		load: async (client) => firstValueFrom(filesDb.list$(await getDatabase(), groupIds(client))),
		line: (record) => {
			const file = record as StoredFile;
			return `${when(file.createdAt)} · ${file.name} (${file.mimeType})`;
		}
	},
	{
		key: 'consents',
		// Every signed record and withdrawal in full, signature strokes included: the proof of
		// what she agreed to is hers too.
		title: () => t('consents.title'),
		load: async (client) => consentsDb.list(await getDatabase(), groupIds(client)),
		line: (record) => {
			const consent = record as ConsentRecord;
			return t('consents.exportLine', {
				date: when(consent.signedAt),
				kind: t(`consents.kind.${consent.kind}`),
				choices: consent.choices
					.map((c) => `${t(`consents.scope.${c.scope}`)}: ${t(`consents.status.${c.choice}`)}`)
					.join(', '),
				signer: consent.signerName
			});
		}
	},
	{
		key: 'mergedCards',
		// The cards merged into this one, as they are stored (erasure removes them with it).
		title: () => t('clientData.mergedCards'),
		load: async (client) =>
			mergedCardsData(
				groupIds(client)
					.map((id) => clientBook.raw(id))
					.filter((c): c is Client => c !== undefined),
				client.id,
				exportOptions().lookups
			),
		line: (record) => {
			const card = record as { id: string; firstName: string; lastName: string };
			return `${card.firstName} ${card.lastName}`.trim() + ` (${card.id})`;
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
