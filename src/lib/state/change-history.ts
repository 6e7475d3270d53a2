// The card's change history and the owner's log, read from the sync server (issue 7): the server
// keeps the revision log, so both are online only. Answers are parsed with the domain schemas;
// failures come back as data (offline, not paired, refused) for the page to explain.
import { SyncHttpError } from '$lib/db/sync-api';
import { auditPageSchema, type AuditKind, type AuditPage } from '$lib/domain/audit';
import { historyResponseSchema, type HistoryEntry } from '$lib/domain/history';
import { mergeLinks } from './links.svelte';
import { syncErrorKey } from './sync-helpers';
import { sync } from './sync.svelte';
import type { MessageKey } from '$lib/i18n/catalog';

export type OnlineFailure =
	| { reason: 'offline' }
	| { reason: 'notPaired' }
	| { reason: 'forbidden' }
	| { reason: 'failed'; errorKey: MessageKey };
export type OnlineResult<T> = ({ ok: true } & T) | ({ ok: false } & OnlineFailure);

async function online<T>(read: () => Promise<T>): Promise<OnlineResult<T>> {
	if (!sync.isPaired) return { ok: false, reason: 'notPaired' };
	if (globalThis.navigator?.onLine === false) return { ok: false, reason: 'offline' };
	try {
		return { ok: true, ...(await read()) };
	} catch (error) {
		if (error instanceof SyncHttpError) {
			if (error.isNetwork) return { ok: false, reason: 'offline' };
			if (error.status === 403) return { ok: false, reason: 'forbidden' };
			return { ok: false, reason: 'failed', errorKey: syncErrorKey(error.code) };
		}
		// An answer that does not parse: a server of another version.
		return { ok: false, reason: 'failed', errorKey: syncErrorKey('internal') };
	}
}

/** Every logged change of the card and of the cards merged into it, newest first. */
export function loadChangeHistory(
	clientId: string
): Promise<OnlineResult<{ entries: HistoryEntry[] }>> {
	return online(async () => {
		const merged = mergeLinks.groupOf(clientId).filter((id) => id !== clientId);
		const query = merged.map((id) => `merged=${encodeURIComponent(id)}`).join('&');
		const path = `/clients/${encodeURIComponent(clientId)}/history${query ? `?${query}` : ''}`;
		const { entries } = historyResponseSchema.parse(await sync.getSalonApi(path));
		return { entries: [...entries].reverse() };
	});
}

/** One page of the owner's log, newest first; `before` is the previous page's `nextBefore`. */
export function loadAuditPage(opts: {
	kinds: readonly AuditKind[];
	before: number | null;
}): Promise<OnlineResult<AuditPage>> {
	return online(async () => {
		const params = new URLSearchParams();
		for (const kind of opts.kinds) params.append('kind', kind);
		if (opts.before !== null) params.set('before', String(opts.before));
		const query = params.toString();
		return auditPageSchema.parse(await sync.getSalonApi(`/audit${query ? `?${query}` : ''}`));
	});
}
