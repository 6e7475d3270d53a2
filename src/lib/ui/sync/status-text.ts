// The words of the sync status, shared by the header indicator and /settings/sync.
import { formatDate, formatNumber, t, tn } from '$lib/i18n/i18n.svelte';
import { syncErrorKey, type SyncStatus } from '$lib/state/sync-helpers';

export function timeOfDay(at: number): string {
	return formatDate(at, { hour: '2-digit', minute: '2-digit' });
}

/** The full sentence: "Synced", "Syncing 3 changes", "Offline since 14:05", … */
export function statusText(s: SyncStatus): string {
	switch (s.kind) {
		case 'local-only':
			return t('sync.status.localOnly');
		case 'synced':
			return t('sync.status.synced');
		case 'syncing':
			if (s.receivedClients !== null) return tn('sync.status.receiving', s.receivedClients);
			return s.pending > 0 ? tn('sync.status.syncingCount', s.pending) : t('sync.status.syncing');
		case 'offline':
			if (s.offlineSince === null) return t('sync.status.offlineShort');
			return s.pending > 0
				? tn('sync.status.offlinePending', s.pending, { time: timeOfDay(s.offlineSince) })
				: t('sync.status.offline', { time: timeOfDay(s.offlineSince) });
		case 'error':
			return t('sync.status.error', { reason: t(syncErrorKey(s.error ?? '')) });
	}
}

/** A few letters for a phone's header. */
export function shortStatusText(s: SyncStatus): string {
	switch (s.kind) {
		case 'local-only':
			return t('sync.status.localOnly');
		case 'synced':
			return t('sync.status.synced');
		case 'syncing':
			if (s.receivedClients !== null) return formatNumber(s.receivedClients);
			return s.pending > 0 ? String(s.pending) : '…';
		case 'offline':
			return s.offlineSince === null ? t('sync.status.offlineShort') : timeOfDay(s.offlineSince);
		case 'error':
			return t('sync.status.errorShort');
	}
}
