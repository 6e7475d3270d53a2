// The export gate (issue 7): before any file of client data is written (the list or a selection
// as CSV/Excel, one client's data as JSON or print), the device asks the sync server, which
// refuses a role without `export` and records the export in the owner's log. Offline, the UI gate
// (can('export')) decides and the request waits in localStorage until the server is reachable.
import { exportRequestSchema, type ExportRequest } from '$lib/domain/export-request';
import { SyncHttpError } from '$lib/db/replication';
import { t } from '$lib/i18n/i18n.svelte';
import { notices } from './errors.svelte';
import { can } from './permissions';
import { sync } from './sync.svelte';

export const EXPORT_QUEUE_KEY = 'schedario.exports.pending';
const MAX_QUEUED = 200;

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Storage disabled: an offline export is then not reported later (the UI gate still held).
		return null;
	}
}

export function queuedExports(): ExportRequest[] {
	try {
		const raw = JSON.parse(storage()?.getItem(EXPORT_QUEUE_KEY) ?? '[]') as unknown;
		if (!Array.isArray(raw)) return [];
		return raw.flatMap((r) => {
			const parsed = exportRequestSchema.safeParse(r);
			return parsed.success ? [parsed.data] : [];
		});
	} catch {
		// Corrupt text: nothing readable to send.
		return [];
	}
}

function saveQueue(queue: ExportRequest[]): void {
	const kept = queue.slice(-MAX_QUEUED);
	if (kept.length === 0) storage()?.removeItem(EXPORT_QUEUE_KEY);
	else storage()?.setItem(EXPORT_QUEUE_KEY, JSON.stringify(kept));
}

/**
 * Asks whether this export may happen. False (with a translated notice) when the role may not
 * export, by this device's gate or by the server; true otherwise, offline included (then the
 * request is queued). A device that never paired exports its own data freely.
 */
export async function mayExport(request: Omit<ExportRequest, 'at'>): Promise<boolean> {
	const refuse = () => {
		notices.push({ kind: 'error', message: t('perm.export.refused') });
		return false;
	};
	if (!can('export')) return refuse();
	if (!sync.isPaired) return true;
	try {
		await sync.requestExport(request);
		void flushQueuedExports();
		return true;
	} catch (error) {
		if (error instanceof SyncHttpError && error.isNetwork) {
			saveQueue([...queuedExports(), { ...request, at: Date.now() }]);
			return true;
		}
		if (error instanceof SyncHttpError && error.status === 403) return refuse();
		// Any other failure (a server error) must not block the salon's own data: report it later.
		saveQueue([...queuedExports(), { ...request, at: Date.now() }]);
		return true;
	}
}

let flushing = false;

/** Sends the exports made offline; what the server still cannot take stays queued. */
export async function flushQueuedExports(): Promise<void> {
	if (flushing || !sync.isPaired) return;
	flushing = true;
	try {
		let queue = queuedExports();
		while (queue.length > 0) {
			const [first, ...rest] = queue as [ExportRequest, ...ExportRequest[]];
			try {
				await sync.requestExport(first);
			} catch (error) {
				// Unreachable again: keep it for the next time. A refusal (the role changed since)
				// is dropped: the export happened under the old role, and retrying cannot succeed.
				if (error instanceof SyncHttpError && (error.isNetwork || error.status >= 500)) break;
			}
			queue = rest;
			saveQueue(queue);
		}
	} finally {
		flushing = false;
	}
}
