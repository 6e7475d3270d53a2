// The first-sync peer (issue 8 item 3): PouchDB in the browser replicating the same documents
// from a CouchDB-protocol server on the same machine. pouchdb-server's full package needs native
// builds this machine lacks, so the server is what it is made of: express-pouchdb over
// pouchdb-core with the in-memory adapter (documents in the Node process, like our server's
// page cache at best). The browser side is pouchdb-browser (IndexedDB), bundled by esbuild.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from '@playwright/test';
import { newBenchContext } from './context';
import { launchChromium } from './harness';
import { waitForQuietBrowser } from './quiet';

const require = createRequire(import.meta.url);

interface PouchDb {
	bulkDocs(docs: object[]): Promise<unknown>;
	info(): Promise<{ doc_count: number }>;
}

export interface PouchPeer {
	/** URL of the database on the CouchDB-protocol server. */
	dbUrl: string;
	origin: string;
	close(): Promise<void>;
}

/** Starts express-pouchdb on loopback `port` with `docs` (wire clients, `id` → `_id`). */
export async function startPouchServer(
	port: number,
	docs: readonly Record<string, unknown>[]
): Promise<PouchPeer> {
	const express = require('express') as () => {
		get(
			path: string,
			fn: (req: unknown, res: { type(t: string): { send(b: string): void } }) => void
		): void;
		use(path: string, handler: unknown): void;
		listen(port: number, host: string, cb: () => void): Server;
	};
	const PouchCore = require('pouchdb-core') as {
		plugin(p: unknown): typeof PouchCore;
		defaults(o: object): new (name: string) => PouchDb;
	};
	const PouchDB = PouchCore.plugin(require('pouchdb-adapter-memory'))
		.plugin(require('pouchdb-adapter-http'))
		.plugin(require('pouchdb-mapreduce'))
		.plugin(require('pouchdb-replication'))
		.defaults({ adapter: 'memory' });
	const expressPouchDB = require('express-pouchdb') as (p: unknown, o: object) => unknown;
	const db = new PouchDB('clients');
	const BATCH = 1_000;
	for (let i = 0; i < docs.length; i += BATCH) {
		await db.bulkDocs(
			docs.slice(i, i + BATCH).map(({ id, _deleted: _d, ...rest }) => ({ _id: id, ...rest }))
		);
	}
	const app = express();
	const page = '<!doctype html><html><head><title>PouchDB peer</title></head><body></body></html>';
	app.get('/peer.html', (_req, res) => res.type('html').send(page));
	app.use(
		'/',
		expressPouchDB(PouchDB, {
			mode: 'minimumForPouchDB',
			inMemoryConfig: true,
			logPath: '/dev/null'
		})
	);
	const server = await new Promise<Server>((resolve) => {
		const s = app.listen(port, '127.0.0.1', () => resolve(s));
	});
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		dbUrl: `${origin}/clients`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

let bundle: string | null = null;

/** pouchdb-browser as one script that sets `window.PouchDB`. */

async function pouchBrowserBundle(): Promise<string> {
	if (bundle) return bundle;
	const esbuild = (await import('esbuild')) as typeof import('esbuild');
	const out = await esbuild.build({
		stdin: {
			contents: "import PouchDB from 'pouchdb-browser'; window.PouchDB = PouchDB;",
			resolveDir: import.meta.dirname
		},
		bundle: true,
		format: 'iife',
		platform: 'browser',
		minify: true,
		write: false,
		define: { global: 'window' },
		// Node's `events` is not installed here: bench/events-shim.js stands in.
		alias: { events: join(import.meta.dirname, 'events-shim.js') }
	});
	bundle = out.outputFiles[0]!.text;
	return bundle;
}

/** A new Chromium of its own (as our devices in bench/sync-bench.ts) replicates the whole
 *  database once; seconds from start to complete. */
export async function pouchFirstSync(
	peer: PouchPeer,
	expected: number,
	batchSize: number,
	others: readonly Browser[] = [],
	log?: (line: string) => void
): Promise<number> {
	const browser = await launchChromium();
	try {
		await waitForQuietBrowser([...others, browser], log);
		const context = await newBenchContext(browser);
		const page = await context.newPage();
		await page.goto(`${peer.origin}/peer.html`);
		await page.addScriptTag({ content: await pouchBrowserBundle() });
		const result = await page.evaluate(
			async ({ url, batchSize }) => {
				const Pouch = (window as unknown as { PouchDB: new (n: string) => unknown }).PouchDB;
				const local = new Pouch('peer') as {
					replicate: { from(u: string, o: object): Promise<{ docs_written: number }> };
					info(): Promise<{ doc_count: number }>;
				};
				const t0 = performance.now();
				await local.replicate.from(url, { batch_size: batchSize });
				const ms = performance.now() - t0;
				return { ms, count: (await local.info()).doc_count };
			},
			{ url: peer.dbUrl, batchSize }
		);
		if (result.count !== expected) {
			throw new Error(`PouchDB replicated ${result.count} of ${expected} documents`);
		}
		return result.ms / 1000;
	} finally {
		await browser.close();
	}
}
