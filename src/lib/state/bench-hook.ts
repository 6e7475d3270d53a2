// Installed only when the app is opened with `?bench=1` (bench/modules/*.bench.ts): lets the
// benchmark load generated clients through the real write path, time the search index against
// its peers (RxDB `$regex`, Fuse.js) and watch what sync brings in, all in the page. Loaded
// with a dynamic import, so neither it nor the peers are part of the app's start-up bundle.
import type Fuse from 'fuse.js';
import { regexSearchCount } from '$lib/db/bench-peers';
import { getDatabase } from '$lib/db/database';
import * as filesDb from '$lib/db/files';
import * as visitsDb from '$lib/db/visits';
import type { Client, ClientFields } from '$lib/domain/client';
import type { StoredFile } from '$lib/domain/files';
import { newId } from '$lib/domain/ids';
import { NO_FILTERS, DEFAULT_SORT } from '$lib/domain/query';
import type { Visit } from '$lib/domain/visit';
import { clientBook } from './clients.svelte';
import { visitBook } from './visits.svelte';

let fuse: Fuse<Client> | null = null;

function allClients(): readonly Client[] {
	return clientBook.query({
		text: '',
		filters: NO_FILTERS,
		sort: DEFAULT_SORT,
		today: '2026-01-01'
	});
}

export function installBenchHook(): void {
	window.__schedarioBench = {
		async seed(fields: ClientFields[]): Promise<string[]> {
			const created = await clientBook.createMany(fields);
			return created.map((c) => c.id);
		},
		async seedVisits(visits: Visit[]): Promise<number> {
			await visitsDb.bulkInsert(await getDatabase(), visits);
			return visits.length;
		},
		timeQuery(text: string): number {
			const started = performance.now();
			clientBook.query({ text, filters: NO_FILTERS, sort: DEFAULT_SORT, today: '2026-01-01' });
			return performance.now() - started;
		},
		async timeRegex(text: string): Promise<number> {
			const db = await getDatabase();
			const started = performance.now();
			await regexSearchCount(db, text);
			return performance.now() - started;
		},
		async buildFuse(): Promise<number> {
			const { default: FuseClass } = await import('fuse.js');
			const records = allClients();
			const started = performance.now();
			// A typical search-as-you-type set-up: the fields our search covers, fuzzy but not loose.
			fuse = new FuseClass(records, {
				keys: [
					'firstName',
					'lastName',
					'phones.raw',
					'phones.e164',
					'emails',
					'fidelityCardNumber'
				],
				threshold: 0.3,
				ignoreLocation: true
			});
			return performance.now() - started;
		},
		timeFuse(text: string): number {
			if (!fuse) throw new Error('buildFuse() first');
			const started = performance.now();
			fuse.search(text);
			return performance.now() - started;
		},
		/** One card with `visits` and `photos` before/after photos (a real 1600×1200 JPEG and its
		 *  thumbnail, drawn here), written through the repositories; returns the card's id. */
		async seedStory(fields: ClientFields, visits: Visit[], photos: number): Promise<string> {
			const [client] = await clientBook.createMany([fields]);
			if (!client) throw new Error('no client created');
			const db = await getDatabase();
			await visitsDb.bulkInsert(
				db,
				visits.map((v) => ({ ...v, clientId: client.id }))
			);
			const [full, thumb] = await Promise.all([benchJpeg(1600, 1200), benchJpeg(320, 240)]);
			const now = Date.now();
			const files: StoredFile[] = Array.from({ length: photos }, (_, i) => ({
				id: newId(now + i),
				clientId: client.id,
				visitId: visits[i >> 1]?.id ?? null,
				kind: i % 2 === 0 ? 'before' : 'after',
				name: `photo-${i}.jpg`,
				mimeType: 'image/jpeg',
				size: full.size,
				width: 1600,
				height: 1200,
				data: full.base64,
				thumb: thumb.base64,
				author: 'bench',
				deviceId: 'bench',
				deviceName: 'bench',
				createdAt: now + i
			}));
			await filesDb.bulkInsert(db, files);
			return client.id;
		},
		count(): number {
			return clientBook.count;
		},
		startup() {
			return {
				firstScreenMs: clientBook.firstScreenMs,
				loadMs: clientBook.loadMs,
				batches: clientBook.loadBatches,
				ready: clientBook.ready,
				visitsReady: visitBook.ready
			};
		},
		storedCount(): number {
			return clientBook.storedCount;
		},
		get(id: string): Client | undefined {
			return clientBook.get(id);
		}
	};
}

/** A noisy gradient as JPEG (photos compress like this, not like a flat colour). */
async function benchJpeg(width: number, height: number): Promise<{ base64: string; size: number }> {
	const canvas = new OffscreenCanvas(width, height);
	const g = canvas.getContext('2d');
	if (!g) throw new Error('no 2d context');
	const gradient = g.createLinearGradient(0, 0, width, height);
	gradient.addColorStop(0, '#c98b6b');
	gradient.addColorStop(1, '#4b2c20');
	g.fillStyle = gradient;
	g.fillRect(0, 0, width, height);
	for (let i = 0; i < (width * height) / 200; i++) {
		g.fillStyle = `rgba(255,255,255,${(i % 7) / 40})`;
		g.fillRect((i * 7919) % width, (i * 104_729) % height, 3, 3);
	}
	const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return { base64: btoa(binary), size: bytes.length };
}
