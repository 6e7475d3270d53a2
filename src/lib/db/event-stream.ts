// The one SSE stream of a device for all collections: a fresh single-use ticket per connection,
// reopened with backoff when it drops. It only says "pull now"; the pulls carry the data.
import {
	changeEventSchema,
	deviceResponseSchema,
	type Device,
	streamTicketResponseSchema,
	SYNCED_COLLECTIONS,
	type SyncedCollection
} from '$lib/domain/sync-protocol';
import { apiUrl, SyncHttpError, type SyncCredentials } from './sync-api';

/** Retry delay of the stream: 1 s doubling to 30 s, with jitter so devices spread out. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
	const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
	return Math.round(base * (0.75 + random() * 0.5));
}

export interface StreamHandlers {
	/** Pull these collections: `live` for a change ping, else everything may have moved (the
	 *  stream (re)opened, an unreadable ping). */
	onEvent(collections: readonly SyncedCollection[], live?: boolean): void;
	onOpen(): void;
	/** The server changed this device's record (the owner moved it to another location). */
	onDevice(device: Device): void;
	onDown(): void;
	onUnauthorized(code: 'unauthorized' | 'device_revoked'): void;
	call(path: string, body?: unknown): Promise<unknown>;
}

export function openEventStream(creds: SyncCredentials, salonPath: string, h: StreamHandlers) {
	let source: EventSource | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let attempt = 0;
	let closed = false;
	let generation = 0;

	const schedule = (delay: number) => {
		if (closed || timer) return;
		timer = setTimeout(() => {
			timer = null;
			void connect();
		}, delay);
	};

	async function connect(): Promise<void> {
		if (closed) return;
		const mine = ++generation;
		source?.close();
		source = null;
		let ticket: string;
		try {
			const parsed = streamTicketResponseSchema.parse(await h.call('/stream-ticket', {}));
			ticket = parsed.ticket;
		} catch (error) {
			if (closed || mine !== generation) return;
			const code = error instanceof SyncHttpError ? error.code : '';
			// A 401 was reported through `call`; the state layer stops everything then.
			if (code === 'unauthorized' || code === 'device_revoked') return;
			h.onDown();
			schedule(backoffMs(attempt++));
			return;
		}
		if (closed || mine !== generation) return;
		const url = apiUrl(creds.serverUrl, `${salonPath}/stream?ticket=${encodeURIComponent(ticket)}`);
		const es = new EventSource(url);
		source = es;
		es.addEventListener('resync', () => {
			attempt = 0;
			h.onOpen();
			h.onEvent(SYNCED_COLLECTIONS);
		});
		es.addEventListener('change', (event) => {
			let data: unknown = null;
			try {
				data = JSON.parse((event as MessageEvent<string>).data);
			} catch {
				// Not ours to judge: pull everything, which is always correct.
			}
			const parsed = changeEventSchema.safeParse(data);
			if (parsed.success) h.onEvent(parsed.data.collections, true);
			else h.onEvent(SYNCED_COLLECTIONS);
		});
		es.addEventListener('device', (event) => {
			try {
				const parsed = deviceResponseSchema.safeParse(
					JSON.parse((event as MessageEvent<string>).data)
				);
				if (parsed.success) h.onDevice(parsed.data.device);
			} catch {
				// Unreadable: the next resync asks for the device record anyway.
			}
		});
		es.onerror = () => {
			// The ticket is single use, so EventSource's own retry would be refused: take over.
			es.close();
			if (source === es) source = null;
			if (closed || mine !== generation) return;
			h.onDown();
			schedule(backoffMs(attempt++));
		};
	}

	void connect();

	return {
		reconnect() {
			if (closed) return;
			if (timer) clearTimeout(timer);
			timer = null;
			attempt = 0;
			void connect();
		},
		close() {
			closed = true;
			if (timer) clearTimeout(timer);
			source?.close();
			source = null;
		}
	};
}
