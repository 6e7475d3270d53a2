// Sync benchmarks through the real sync server and real Chromium contexts (issue 3, issue 8
// items 3 and 4): the first sync of a large salon into an empty browser, and how long an edit
// on one browser takes to become visible on another. The app must be served at `baseUrl` by
// sync-server (it serves the built PWA); pages are opened with ?bench=1 for the bench hook.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { clientFieldsSchema, clientSchema, type Client } from '../src/lib/domain/client';
import { HybridClock } from '../src/lib/domain/hlc';
import { newDeviceId, newId } from '../src/lib/domain/ids';
import { sortNameOf } from '../src/lib/domain/normalize';
import { stampWrite } from '../src/lib/domain/stamp';
import {
	deviceTokenResponseSchema,
	MAX_PUSH_ROWS,
	pairingCodeResponseSchema,
	pushResponseSchemaFor,
	type DeviceTokenResponse
} from '../src/lib/domain/sync-protocol';
import { SORT_NAME_MAX } from '../src/lib/db/schemas/client.schema';
import { generateClientFields } from '../tests/fixtures/clients';
import { launchChromium } from './harness';
import { row } from './stats';
import { waitForQuietBrowser } from './quiet';
import type { BenchRow } from './types';

export interface SyncBenchOptions {
	/** Other browsers on this machine (the bench's shared one, with the other modules' seeded
	 *  books) whose work must be over before a timed first sync. */
	background?: readonly Browser[];
	/** Origin of the sync server that also serves the built app, e.g. http://localhost:4497. */
	baseUrl: string;
	/** Clients seeded on the server and pulled by each fresh browser. */
	size: number;
	/** Edits timed from one browser to the other. */
	edits: number;
	/** Progress lines (each first sync's time, in order). */
	log?: (line: string) => void;
}

const SYNC_TIMEOUT_MS = 300_000;
const EDIT_TIMEOUT_MS = 10_000;
const MAX_RETRIES = 50;

async function api(baseUrl: string, path: string, body: unknown, token?: string): Promise<unknown> {
	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	if (token) headers.Authorization = `Bearer ${token}`;
	for (let attempt = 0; ; attempt++) {
		let res: Response;
		try {
			res = await fetch(`${baseUrl}/api/v1${path}`, {
				method: 'POST',
				headers,
				body: JSON.stringify(body)
			});
		} catch (error) {
			// A 429 is sent before the body is read, and the socket may then close under a large
			// push (EPIPE). Pushes are idempotent (a re-push of a stored document is no conflict).
			if (attempt >= MAX_RETRIES) throw error;
			await new Promise((r) => setTimeout(r, 500));
			continue;
		}
		// The seed outpaces the per-device rate limit; the server says when to come back.
		if (res.status === 429 && attempt < MAX_RETRIES) {
			const seconds = Number(res.headers.get('Retry-After') ?? '1');
			await new Promise((r) => setTimeout(r, Math.max(0.05, seconds) * 1000));
			continue;
		}
		const text = await res.text();
		if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${text.slice(0, 300)}`);
		return JSON.parse(text) as unknown;
	}
}

/** `count` generated cards as the app's bulkCreate writes them, in wire form. One HLC stamp
 *  per push batch, as bulkCreate stamps one per storage write. */
export function wireBatches(count: number): Record<string, unknown>[][] {
	const clock = new HybridClock(newDeviceId());
	const all = generateClientFields(count, { seed: 2026 });
	const batches: Record<string, unknown>[][] = [];
	for (let i = 0; i < all.length; i += MAX_PUSH_ROWS) {
		const now = Date.now();
		const stamp = clock.tick();
		batches.push(
			all.slice(i, i + MAX_PUSH_ROWS).map((raw) => {
				const valid = clientFieldsSchema.strict().parse(raw);
				const stamped = stampWrite(null, valid, stamp);
				const client = clientSchema.parse({
					...stamped.fields,
					id: newId(now),
					sortName: sortNameOf(valid).slice(0, SORT_NAME_MAX),
					createdAt: now,
					createdBy: '',
					updatedAt: now,
					clock: stamped.clock,
					sets: stamped.sets
				});
				return { ...client, _deleted: false };
			})
		);
	}
	return batches;
}

/** Creates a salon and pushes `size` clients through the push API; returns the owner. */
export async function seedServer(
	baseUrl: string,
	size: number
): Promise<{
	owner: DeviceTokenResponse;
	ids: string[];
	docs: Record<string, unknown>[];
	pushMs: number;
}> {
	const owner = deviceTokenResponseSchema.parse(
		await api(baseUrl, '/salons', { salonName: 'Salone Bench', deviceName: 'Bench seeder' })
	);
	const batches = wireBatches(size);
	const ids: string[] = [];
	const push = `/salons/${owner.salonId}/clients/push`;
	const started = performance.now();
	for (const batch of batches) {
		const rows = batch.map((doc) => ({ assumedMasterState: null, newDocumentState: doc }));
		const answer = pushResponseSchemaFor('clients').parse(
			await api(baseUrl, push, { rows }, owner.token)
		);
		if (answer.conflicts.length > 0) throw new Error('seed push met conflicts on new ids');
		for (const doc of batch) ids.push(doc.id as string);
	}
	return { owner, ids, docs: batches.flat(), pushMs: performance.now() - started };
}

export async function pairingCode(baseUrl: string, owner: DeviceTokenResponse): Promise<string> {
	return pairingCodeResponseSchema.parse(
		await api(baseUrl, `/salons/${owner.salonId}/pairing-codes`, {}, owner.token)
	).code;
}

async function waitForBench(page: Page): Promise<void> {
	await page.waitForFunction(
		() => document.body.dataset.ready === 'true' && !!window.__schedarioBench,
		undefined,
		{ timeout: 60_000 }
	);
}

/** One of the salon's devices in the bench: a Chromium of its own, as a tablet is a machine of
 *  its own. Closing it closes its browser. */
export interface BenchDevice {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
}

/**
 * Pairs a new device through /pair as a salon's device would (code from the owner's device), and
 * times from submitting the code — which starts replication — to every client being stored.
 * Each device is a Chromium of its own: in one shared browser, the devices synced before kept
 * their IndexedDB in the same browser process and a later first sync was up to 1.8 s slower
 * (bench/README.md › "First sync, twelfth pass").
 */
export async function firstSync(
	opts: SyncBenchOptions,
	owner: DeviceTokenResponse,
	deviceName: string,
	others: readonly Browser[] = []
): Promise<BenchDevice & { ms: number }> {
	const browser = await launchChromium();
	const close = () => browser.close();
	try {
		// Its own start-up and the other devices' work after their syncs are over before anything
		// is timed (bench/quiet.ts).
		await waitForQuietBrowser([...(opts.background ?? []), ...others, browser], opts.log);
		const code = await pairingCode(opts.baseUrl, owner);
		const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
		// tsx compiles this file with esbuild's keepNames, so functions passed to page.evaluate
		// call its `__name` helper, which does not exist in the page.
		await context.addInitScript('globalThis.__name ??= (fn) => fn;');
		const page = await context.newPage();
		await page.goto(`${opts.baseUrl}/pair?lang=en&bench=1&code=${encodeURIComponent(code)}`);
		await waitForBench(page);
		await page.getByRole('textbox', { name: 'Device name' }).first().fill(deviceName);
		await page.evaluate(() => {
			document.addEventListener(
				'submit',
				() => {
					(window as unknown as { __syncStart: number }).__syncStart = performance.now();
				},
				{ capture: true, once: true }
			);
		});
		await page.getByRole('button', { name: 'Connect' }).click();
		const ms = await page.evaluate(
			({ size, timeout }) =>
				new Promise<number>((resolve, reject) => {
					const hook = window.__schedarioBench!;
					const give = performance.now() + timeout;
					const poll = () => {
						// Stored cards: the list shows fewer once obvious duplicates in the data merge.
						if (hook.storedCount() >= size) {
							resolve(
								performance.now() - (window as unknown as { __syncStart: number }).__syncStart
							);
						} else if (performance.now() > give) {
							reject(new Error(`first sync: ${hook.storedCount()} of ${size} after ${timeout} ms`));
						} else requestAnimationFrame(poll);
					};
					requestAnimationFrame(poll);
				}),
			{ size: opts.size, timeout: SYNC_TIMEOUT_MS }
		);
		return { browser, context, page, close, ms };
	} catch (error) {
		await close();
		throw error;
	}
}

async function openCard(page: Page, baseUrl: string, id: string, size: number): Promise<void> {
	await page.goto(`${baseUrl}/clients/${id}?lang=en&bench=1`);
	await waitForBench(page);
	await page.waitForFunction((n) => window.__schedarioBench!.storedCount() >= n, size, {
		timeout: 60_000
	});
}

/** B starts watching for the value before A saves; resolves with the epoch ms it was seen. */
async function watchOn(page: Page, id: string, value: string): Promise<void> {
	await page.evaluate(
		({ id, value, timeout }) => {
			const w = window as unknown as { __seen: Promise<number> };
			w.__seen = new Promise<number>((resolve, reject) => {
				const give = performance.now() + timeout;
				const poll = () => {
					const now = performance.now();
					const client: Client | undefined = window.__schedarioBench!.get(id);
					if (client?.profession === value) resolve(performance.timeOrigin + now);
					else if (now > give) reject(new Error(`edit "${value}" not seen in ${timeout} ms`));
					else requestAnimationFrame(poll);
				};
				requestAnimationFrame(poll);
			});
		},
		{ id, value, timeout: EDIT_TIMEOUT_MS }
	);
}

/** One edit through A's real form: Edit → Profession → submit; ms from submit to B seeing it. */
async function timedEdit(a: Page, b: Page, id: string, value: string): Promise<number> {
	await a.getByRole('main').getByRole('link', { name: 'Edit', exact: true }).click();
	const field = a.getByLabel('Profession', { exact: true });
	await field.fill(value);
	await watchOn(b, id, value);
	await a.evaluate(() => {
		document.addEventListener(
			'submit',
			() => {
				const w = window as unknown as { __saved: number };
				w.__saved = performance.timeOrigin + performance.now();
			},
			{ capture: true, once: true }
		);
	});
	// Enter in the field submits the form like the Save button; clicking Save would first wait
	// for the previous round's "Saved" toast, which covers the button, to go away (~5 s).
	await field.press('Enter');
	const seen = await b.evaluate(() => (window as unknown as { __seen: Promise<number> }).__seen);
	// Back on the card: the next round's Edit link is there.
	await a.waitForURL((url) => url.pathname === `/clients/${id}`);
	const saved = await a.evaluate(() => (window as unknown as { __saved: number }).__saved);
	return seen - saved;
}

/** Seeds the server, times three first syncs into empty browsers, then `edits` edits from one
 *  to the other. `peerFirstSync` times the peer's first sync of the same documents (seconds). */
export async function runSyncBench(
	opts: SyncBenchOptions,
	peerFirstSync?: (
		docs: readonly Record<string, unknown>[],
		others: readonly Browser[]
	) => Promise<{ name: string; seconds: number[] }>
): Promise<BenchRow[]> {
	const { size, edits } = opts;
	const rows: BenchRow[] = [];
	const { owner, ids, docs, pushMs } = await seedServer(opts.baseUrl, size);
	rows.push(
		row(`seed server: push ${size} clients (batches of ${MAX_PUSH_ROWS})`, 'docs/s', [
			size / (pushMs / 1000)
		])
	);
	const devices: BenchDevice[] = [];
	try {
		// Three new devices, one after the other so they do not share the CPU: every sample is
		// a first sync (three, so the median is one of them), and two then serve for the latency
		// rounds.
		const b = await firstSync(opts, owner, 'Bench B');
		devices.push(b);
		const a = await firstSync(opts, owner, 'Bench A', [b.browser]);
		devices.push(a);
		const c = await firstSync(opts, owner, 'Bench C', [b.browser, a.browser]);
		await c.close();
		const seconds = [b.ms / 1000, a.ms / 1000, c.ms / 1000];
		opts.log?.(`sync: first syncs ${seconds.map((s) => s.toFixed(2)).join(' / ')} s, in order`);
		const peer = peerFirstSync
			? await peerFirstSync(docs, [...(opts.background ?? []), ...devices.map((d) => d.browser)])
			: undefined;
		rows.push(
			row(`first sync ${size} clients → empty browser`, 's', seconds, {
				peer: peer ? { name: peer.name, samples: peer.seconds } : undefined,
				target: '< 10 (50k), ahead of PouchDB'
			})
		);
		rows.push(
			row(
				`first sync ${size} clients, throughput`,
				'docs/s',
				seconds.map((s) => size / s),
				{
					peer: peer ? { name: peer.name, samples: peer.seconds.map((s) => size / s) } : undefined,
					higherIsBetter: true
				}
			)
		);
		const id = ids[0] as string;
		await openCard(b.page, opts.baseUrl, id, size);
		await openCard(a.page, opts.baseUrl, id, size);
		const latency: number[] = [];
		for (let i = 0; i < edits; i++) {
			latency.push(await timedEdit(a.page, b.page, id, `Bench edit ${i + 1}`));
		}
		rows.push(
			row(
				`edit on A (form submit) → visible on B, ${edits} edits, ${size} clients`,
				'ms',
				latency,
				{
					target: 'p50 < 100, p95 < 300'
				}
			)
		);
	} finally {
		for (const device of devices) await device.close();
	}
	return rows;
}
