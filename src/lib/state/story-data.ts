// The card's timeline notes and photos/files in the per-client data export (GDPR access
// request, client-data.ts). Files are listed by their details, not their bytes: the printable
// page shows every record as text, and a photo is seen on the card itself.
import { getDatabase } from '$lib/db/database';
import * as filesDb from '$lib/db/files';
import * as notesDb from '$lib/db/notes';
import { t } from '$lib/i18n/i18n.svelte';
import type { ClientDataSection } from './client-data';

export const storyDataSections: ClientDataSection[] = [
	{
		key: 'notes',
		title: () => t('notes.title'),
		load: async (client) => notesDb.list(await getDatabase(), [client.id])
	},
	{
		key: 'files',
		title: () => t('files.title'),
		load: async (client) =>
			(await filesDb.list(await getDatabase(), [client.id])).map(
				({ data: _data, thumb: _thumb, ...details }) => details
			)
	}
];
