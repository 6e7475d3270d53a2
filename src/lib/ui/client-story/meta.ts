// The "who · which device · when" line under a note or a file.
import { formatDate, t } from '$lib/i18n/i18n.svelte';
import { staffDirectory } from '$lib/state/staff.svelte';

export function writtenBy(item: { author: string; deviceName: string; createdAt: number }): string {
	return t('notes.meta', {
		// A staff id (written while signed in) reads as the member's name.
		author: staffDirectory.nameOf(item.author) || t('notes.unknownAuthor'),
		device: item.deviceName || t('notes.unknownDevice'),
		date: formatDate(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })
	});
}
