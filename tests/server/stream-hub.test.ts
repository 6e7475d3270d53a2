// The SSE fan-out bound (issue 8): a stream whose socket has not drained keeps ONE pending change
// notice (widened to every collection and the highest seq), not a backlog of events; it gets that
// one notice when the socket drains, and a healthy stream of the same salon gets every notice.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ChangeNotice, SyncStorage } from '../../sync-server/src/storage/types.js';
import { createStreamHub } from '../../sync-server/src/stream/hub.js';

/** A response whose socket reports "full" while `full` is set, as a stalled device's would. */
class FakeResponse extends EventEmitter {
	readonly written: string[] = [];
	writableEnded = false;
	full = false;
	get writableNeedDrain(): boolean {
		return this.full;
	}
	writeHead(): this {
		return this;
	}
	write(text: string): boolean {
		this.written.push(text);
		return !this.full;
	}
	end(): void {
		this.writableEnded = true;
	}
	drain(): void {
		this.full = false;
		this.emit('drain');
	}
	changes(): Array<{ collections: string[]; seq: number }> {
		return this.written
			.filter((t) => t.startsWith('event: change'))
			.map(
				(t) => JSON.parse(/data: (.*)\n/.exec(t)![1]!) as { collections: string[]; seq: number }
			);
	}
}

function fakeStorage() {
	let listener: (n: ChangeNotice) => void = () => {};
	const storage = {
		subscribe(l: (n: ChangeNotice) => void) {
			listener = l;
			return () => {};
		},
		findDeviceByTokenHash: async () => null
	} as unknown as SyncStorage;
	return { storage, emit: (n: ChangeNotice) => listener(n) };
}

function open(hub: ReturnType<typeof createStreamHub>, deviceId: string): FakeResponse {
	const res = new FakeResponse();
	hub.open(res as unknown as ServerResponse, { salonId: 'salon', deviceId, tokenHash: deviceId });
	return res;
}

describe('stream hub fan-out', () => {
	it('holds one pending notice for a stream that has not drained, not a backlog', () => {
		const { storage, emit } = fakeStorage();
		const hub = createStreamHub(storage);
		const slow = open(hub, 'slow');
		const healthy = open(hub, 'healthy');
		emit({ salonId: 'salon', collection: 'clients', seq: 1 });
		slow.full = true;
		for (let seq = 2; seq <= 500; seq++) {
			emit({ salonId: 'salon', collection: seq === 300 ? 'visits' : 'clients', seq });
		}
		// The healthy stream got all 500; the stalled one nothing after its socket filled up.
		expect(healthy.changes()).toHaveLength(500);
		expect(slow.changes()).toEqual([{ collections: ['clients'], seq: 1 }]);
		slow.drain();
		// One notice on drain, naming every collection written meanwhile and the last seq.
		expect(slow.changes()).toEqual([
			{ collections: ['clients'], seq: 1 },
			{ collections: ['clients', 'visits'], seq: 500 }
		]);
		// Drained: notices flow one by one again.
		emit({ salonId: 'salon', collection: 'clients', seq: 501 });
		expect(slow.changes().at(-1)).toEqual({ collections: ['clients'], seq: 501 });
		expect(slow.changes()).toHaveLength(3);
		hub.close();
	});

	it('does not leave a pending notice behind once it was delivered', () => {
		const { storage, emit } = fakeStorage();
		const hub = createStreamHub(storage);
		const slow = open(hub, 'slow');
		slow.full = true;
		emit({ salonId: 'salon', collection: 'clients', seq: 1 });
		emit({ salonId: 'salon', collection: 'clients', seq: 2 });
		slow.drain();
		slow.emit('drain');
		expect(slow.changes()).toEqual([{ collections: ['clients'], seq: 2 }]);
		hub.close();
	});
});
