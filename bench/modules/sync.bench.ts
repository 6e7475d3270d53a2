// Sync (issue 8 items 3 and 4): the first sync of 50,000 clients through the real server into
// an empty browser, against PouchDB replicating the same documents from a CouchDB-protocol
// server; then the latency of an edit on one browser until it is visible on another.
import { runSyncBench } from '../sync-bench';
import type { BenchModule } from '../types';

const sync: BenchModule = {
	name: 'sync',
	order: 40,
	async run(ctx) {
		return runSyncBench({
			browser: ctx.browser,
			baseUrl: ctx.baseUrl,
			size: ctx.size(50_000),
			edits: ctx.scale === 'full' ? 200 : 5
		});
	}
};

export default sync;
