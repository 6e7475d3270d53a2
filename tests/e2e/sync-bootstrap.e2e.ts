// The first sync of an empty device (src/lib/db/bootstrap.ts) against the real sync server, in
// real Chromium with its real IndexedDB. A salon with a few hundred cards, tombstones, visits and
// notes is seeded through the API; an empty tablet pairs and must hold all of it (written by the
// bootstrap, as its stored bookkeeping shows); a reception PC that already holds a card of its
// own pairs through the normal replication. Then the same card is edited on both — the tablet's
// first edit of a card it bootstrapped meets the server with no recorded master state — and both
// end with both edits, field by field.
import { expect, test, type Page } from '@playwright/test';
import { wireBatches } from '../../bench/sync-bench';
import { emptyClientFields } from '../../src/lib/domain/client';
import { formatHlc } from '../../src/lib/domain/hlc';
import { makeNote } from '../fixtures/notes-files';
import { makeVisit } from '../fixtures/visits';
import {
	createClient,
	gotoApp,
	newDevice,
	pairWithCode,
	pairingCodeOf,
	pushDocs,
	seedSalon,
	serverClients,
	syncIndicator,
	waitForAppReady,
	waitForServiceWorkerControl
} from './support';

const CARDS = 300;
const DEAD = 5;

/** How the stored client records were written: by the bootstrap (`_meta.o`) or not. */
async function storedMarks(page: Page): Promise<{ total: number; bootstrapped: number }> {
	return page.evaluate(async () => {
		const infos = await indexedDB.databases();
		const info = infos.find((i) => /^rxdb-dexie-schedario--\d+--clients$/.test(i.name ?? ''));
		if (!info?.name) return { total: 0, bootstrapped: 0 };
		const idb = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(info.name as string);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const rows = await new Promise<Array<{ _meta?: { o?: unknown } }>>((resolve, reject) => {
			const req = idb.transaction('docs', 'readonly').objectStore('docs').getAll();
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		idb.close();
		return { total: rows.length, bootstrapped: rows.filter((r) => r._meta?.o).length };
	});
}

const storedCount = (page: Page) =>
	page.evaluate(() => window.__schedarioBench?.storedCount() ?? -1);

async function openEdit(page: Page, path: string, name: string) {
	await page.goto(`${path}/edit?lang=en`);
	await waitForAppReady(page);
	await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
}

test('an empty device is bootstrapped whole; edits on both sides of a bootstrapped card merge', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const tablet = await newDevice(browser);
	const reception = await newDevice(browser);
	const tb = tablet.page;
	const r = reception.page;
	try {
		// The salon, seeded through the API as another device would have pushed it.
		await gotoApp(tb, '/pair');
		const owner = await seedSalon(tb, 'Salone Seme');
		const cards = wireBatches(CARDS).flat();
		await pushDocs(tb, owner, 'clients', cards);
		const at = Date.now();
		const dead = Array.from({ length: DEAD }, (_, i) => ({
			...emptyClientFields(),
			id: `dead-${i}`,
			sortName: '',
			createdAt: at,
			createdBy: '',
			updatedAt: at,
			clock: { firstName: formatHlc({ wallMs: at, counter: i, nodeId: 'seeder' }) },
			_deleted: true
		}));
		await pushDocs(tb, owner, 'clients', dead);
		const first = cards[0] as { id: string; firstName: string; lastName: string };
		const visits = Array.from({ length: 12 }, (_, i) => ({
			...makeVisit({ clientId: (cards[i % 3] as { id: string }).id, note: `Visit note ${i}` }),
			_deleted: false
		}));
		await pushDocs(tb, owner, 'visits', visits);
		const notes = Array.from({ length: 8 }, (_, i) => ({
			...makeNote({
				id: `0194a1b2-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`,
				clientId: first.id,
				text: `Seeded note ${i}`
			}),
			_deleted: false
		}));
		await pushDocs(tb, owner, 'notes', notes);
		const code = await pairingCodeOf(tb, owner);

		// The empty tablet pairs: every live card, none of the tombstones, visits and notes.
		await pairWithCode(tb, code, 'Tablet', { bench: true });
		await expect.poll(() => storedCount(tb)).toBe(CARDS);
		expect(await storedMarks(tb)).toEqual({ total: CARDS + DEAD, bootstrapped: CARDS + DEAD });
		const name = `${first.firstName} ${first.lastName}`.trim();
		const path = `/clients/${first.id}`;
		await tb.goto(`${path}?lang=en`);
		await waitForAppReady(tb);
		await expect(tb.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
		await expect(tb.getByText('Seeded note 7')).toBeVisible();
		await expect(tb.getByText('Visit note 0')).toBeVisible();

		// Reception already holds a card of its own: it pairs through the normal replication.
		await createClient(r, 'Rita', 'Reception');
		await pairWithCode(r, await pairingCodeOf(r, owner), 'Reception', { bench: true });
		await expect.poll(() => storedCount(r)).toBe(CARDS + 1);
		expect(await storedMarks(r)).toEqual({ total: CARDS + DEAD + 1, bootstrapped: 0 });
		// Its own card reaches the bootstrapped tablet through the live replication.
		await gotoApp(tb, '/clients?bench=1');
		await expect.poll(() => storedCount(tb)).toBe(CARDS + 1);

		// The tablet, offline, edits the phone of the bootstrapped card; reception edits its note.
		await waitForServiceWorkerControl(tb);
		await tablet.context.setOffline(true);
		await expect(syncIndicator(tb)).toHaveAttribute('data-sync-kind', 'offline');
		await openEdit(tb, path, name);
		await tb.getByLabel('Phone', { exact: true }).fill('333 9876543');
		await tb.getByRole('button', { name: 'Save' }).click();
		await expect(tb.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();

		await openEdit(r, path, name);
		await r.getByLabel('Note', { exact: true }).fill('Prefers mornings');
		await r.getByRole('button', { name: 'Save' }).click();
		await expect(r.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
		await expect(syncIndicator(r)).toHaveAttribute('data-sync-kind', 'synced');

		await tablet.context.setOffline(false);
		for (const p of [tb, r]) {
			await p.goto(`${path}?lang=en`);
			await waitForAppReady(p);
			await expect(p.getByText(/333\s?987\s?6543/).first()).toBeVisible();
			await expect(p.getByText('Prefers mornings').first()).toBeVisible();
			await expect(syncIndicator(p)).toHaveAttribute('data-sync-kind', 'synced');
		}
		const merged = (await serverClients(r, owner)).find((d) => d.id === first.id);
		expect(merged?.note).toBe('Prefers mornings');
		expect(JSON.stringify(merged?.phones)).toContain('3339876543');
	} finally {
		await tablet.context.close();
		await reception.context.close();
	}
});
