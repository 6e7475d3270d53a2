// Pieces both adapters need, kept in one place so the two cannot drift apart.
import type { ChangeNotice } from './types.js';

/** A pairing code dies after this many wrong secrets (contract: "5 wrong attempts kill it"). */
export const MAX_PAIRING_ATTEMPTS = 5;

/**
 * Stable JSON: object keys sorted recursively, so two documents that differ only in key order
 * (JSON from the database vs JSON from a device) compare equal. Same rules as the protocol's
 * canonicalJson: `undefined` members are dropped like JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(value).sort()) {
		const member = (value as Record<string, unknown>)[key];
		if (member !== undefined) out[key] = sortKeys(member);
	}
	return out;
}

/** The primary key value of a wire document: settings are keyed by `key`, the rest by `id`. */
export function docIdOf(collection: string, doc: unknown): string {
	const field = collection === 'settings' ? 'key' : 'id';
	const id =
		doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>)[field] : null;
	if (typeof id !== 'string' || id === '') {
		throw new TypeError(`A ${collection} document needs a non-empty string "${field}"`);
	}
	return id;
}

/**
 * Fans change notices out to subscribers. Seqs are per salon and only grow, and a commit with seq
 * N is visible before N+1 commits, so a notice at or below the last one delivered for the same
 * salon and collection adds nothing: dropping it removes the echo of our own NOTIFY and repeats.
 */
export class ChangeHub {
	private readonly listeners = new Set<(n: ChangeNotice) => void>();
	private readonly delivered = new Map<string, number>();

	subscribe(listener: (n: ChangeNotice) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	emit(notice: ChangeNotice): void {
		const key = `${notice.salonId}\u0000${notice.collection}`;
		if ((this.delivered.get(key) ?? -1) >= notice.seq) return;
		this.delivered.set(key, notice.seq);
		for (const listener of [...this.listeners]) {
			try {
				listener(notice);
			} catch {
				// A failing subscriber (a closed SSE socket) must not stop the others or the push that
				// triggered it; the subscriber owns its own error reporting.
			}
		}
	}

	clear(): void {
		this.listeners.clear();
	}
}
