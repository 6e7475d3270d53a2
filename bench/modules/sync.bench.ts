// Sync (issue 8 items 3 and 4): the first sync of 50,000 clients through the real server into
// an empty browser, against PouchDB replicating the same documents from a CouchDB-protocol
// server (bench/pouchdb-peer.ts); then the latency of an edit on one browser until it is
// visible on another, over 200 edits.
import { MAX_PULL_LIMIT } from '../../src/lib/domain/sync-protocol';
import { pouchFirstSync, startPouchServer } from '../pouchdb-peer';
import { runSyncBench } from '../sync-bench';
import type { BenchModule } from '../types';

const sync: BenchModule = {
	name: 'sync',
	order: 40,
	async run(ctx) {
		const size = ctx.size(50_000);
		return runSyncBench(
			{
				background: [ctx.browser],
				baseUrl: ctx.baseUrl,
				size,
				edits: ctx.scale === 'full' ? 200 : 5,
				log: (line) => ctx.log(line)
			},
			async (docs, others) => {
				ctx.log('sync: PouchDB peer…');
				const peer = await startPouchServer(ctx.port(0), docs);
				try {
					// The same page size as our pull (PouchDB's default is 100), two new browsers.
					const seconds: number[] = [];
					for (let i = 0; i < 2; i++) {
						seconds.push(
							await pouchFirstSync(peer, docs.length, MAX_PULL_LIMIT, others, (line) =>
								ctx.log(line)
							)
						);
					}
					return { name: 'PouchDB 9 (express-pouchdb)', seconds };
				} finally {
					await peer.close();
				}
			}
		);
	}
};

export default sync;
