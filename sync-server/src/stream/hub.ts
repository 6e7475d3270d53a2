// Open SSE streams by salon. A committed push (here or, with PostgreSQL, on another instance)
// reaches the hub as a ChangeNotice from storage.subscribe and becomes one `change` event for
// every stream of that salon; the event is only a ping, the device then pulls from its checkpoint.
import type { ServerResponse } from 'node:http';
import type { ChangeNotice, SyncStorage } from '../storage/types.js';

export const PING_INTERVAL_MS = 25_000;

export interface StreamHub {
	open(res: ServerResponse, s: { salonId: string; deviceId: string; tokenHash: string }): void;
	/** Ends every open stream of a device (revocation). */
	closeDevice(deviceId: string): void;
	/** Sends one event to every open stream of a device on this instance (its record changed). */
	sendToDevice(deviceId: string, event: string, data: unknown): void;
	count(): number;
	close(): void;
}

interface OpenStream {
	res: ServerResponse;
	salonId: string;
	deviceId: string;
	tokenHash: string;
	/** The change notice held back while the socket drains (at most one; see notify). */
	pending: { collections: Set<string>; seq: number } | null;
}

function changeEvent(collections: Iterable<string>, seq: number): string {
	return `event: change\ndata: ${JSON.stringify({ collections: [...collections], seq })}\n\n`;
}

export function createStreamHub(
	storage: SyncStorage,
	opts: { pingIntervalMs?: number } = {}
): StreamHub {
	const bySalon = new Map<string, Set<OpenStream>>();

	function send(s: OpenStream, text: string): void {
		if (!s.res.writableEnded) s.res.write(text);
	}

	function drop(s: OpenStream): void {
		const set = bySalon.get(s.salonId);
		set?.delete(s);
		if (set?.size === 0) bySalon.delete(s.salonId);
	}

	function end(s: OpenStream): void {
		drop(s);
		if (!s.res.writableEnded) s.res.end();
	}

	function all(): OpenStream[] {
		return [...bySalon.values()].flatMap((set) => [...set]);
	}

	// A `change` event is only a ping to pull from a checkpoint, so a stream whose socket has not
	// drained (a slow or stalled device) needs no backlog of them: it keeps ONE pending notice,
	// widened to every collection and the highest seq since, and gets it once the socket drains.
	// Memory per stream stays bounded however fast the salon writes.
	function notify(s: OpenStream, n: ChangeNotice, text: string): void {
		if (s.pending) {
			s.pending.collections.add(n.collection);
			s.pending.seq = Math.max(s.pending.seq, n.seq);
			return;
		}
		if (!s.res.writableNeedDrain) {
			send(s, text);
			return;
		}
		s.pending = { collections: new Set([n.collection]), seq: n.seq };
		s.res.once('drain', () => {
			const held = s.pending;
			s.pending = null;
			if (held) send(s, changeEvent(held.collections, held.seq));
		});
	}

	const unsubscribe = storage.subscribe((n: ChangeNotice) => {
		const text = changeEvent([n.collection], n.seq);
		for (const s of bySalon.get(n.salonId) ?? []) notify(s, n, text);
	});

	// The ping keeps proxies from closing an idle stream, and re-checks the device: a revocation
	// made on another server instance closes this stream within one interval.
	const pinger = setInterval(() => {
		for (const s of all()) {
			// A stream still draining is not idle: no ping to pile on.
			if (!s.res.writableNeedDrain) send(s, ': ping\n\n');
			storage.findDeviceByTokenHash(s.tokenHash).then(
				(device) => {
					if (!device || device.revokedAt !== null) end(s);
				},
				() => {
					// A database hiccup is no reason to drop a healthy stream; the next ping retries.
				}
			);
		}
	}, opts.pingIntervalMs ?? PING_INTERVAL_MS);
	pinger.unref();

	return {
		open(res, info) {
			const s: OpenStream = { res, ...info, pending: null };
			res.writeHead(200, {
				'Content-Type': 'text/event-stream; charset=utf-8',
				'Cache-Control': 'no-store',
				Connection: 'keep-alive',
				'X-Accel-Buffering': 'no'
			});
			let set = bySalon.get(info.salonId);
			if (!set) bySalon.set(info.salonId, (set = new Set()));
			set.add(s);
			res.on('close', () => drop(s));
			// Anything may have changed while the device was away: it re-pulls from its checkpoint.
			send(s, 'retry: 2000\nevent: resync\ndata: {}\n\n');
		},
		closeDevice(deviceId) {
			for (const s of all()) if (s.deviceId === deviceId) end(s);
		},
		sendToDevice(deviceId, event, data) {
			const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
			for (const s of all()) if (s.deviceId === deviceId) send(s, text);
		},
		count() {
			return all().length;
		},
		close() {
			clearInterval(pinger);
			unsubscribe();
			for (const s of all()) end(s);
		}
	};
}
