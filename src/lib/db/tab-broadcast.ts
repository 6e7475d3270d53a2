// Other tabs of the device learn about a write through RxDB's multi-instance BroadcastChannel:
// every storage write posts its whole change batch, cloned. For a first sync's page of 5,000
// cards that clone is ~1 s of main-thread time per sync (bench/README.md › "First sync, fifth
// pass") — spent for nobody when this is the device's only tab, which it almost always is while
// a device is being paired.
//
// So a bootstrap page is written "quietly": while it is written, the batch RxDB posts for that
// collection is held back instead of posted, and after the write it is dropped only if no other
// tab of this database exists; else it is posted then, late but whole (a tab applies a batch it
// already read from storage as an echo). Why no tab can miss a page:
// - Every tab takes a shared Web Lock named after the database BEFORE it opens the database
//   (`holdTabPresence`, called by createSchedarioDatabase), and keeps it for its lifetime.
// - The check runs after the write has committed. A tab present then receives the batch. A tab
//   that takes its lock after the check opens the database and reads it after the commit, so it
//   reads the page from storage.
// Without Web Locks (or with an error) every tab is assumed present: the batch is posted, as
// RxDB would have. A tab of an older version of the app (before this lock existed) would not be
// seen: it shows the bootstrapped cards after a reload.
import { BROADCAST_CHANNEL_BY_TOKEN } from 'rxdb';

const PRESENCE = 'schedario-tab:';

interface Channel {
	postMessage(message: unknown): Promise<void>;
}

/** Held batches per channel and collection, while a quiet write of that collection runs. */
const held = new WeakMap<Channel, Map<string, unknown[]>>();

/** Marks this tab as one that reads `databaseName`, until the page goes away. */
export async function holdTabPresence(databaseName: string): Promise<void> {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	if (!locks) return;
	await new Promise<void>((granted) => {
		void locks
			.request(PRESENCE + databaseName, { mode: 'shared' }, () => {
				granted();
				return new Promise<never>(() => undefined); // held for the page's lifetime
			})
			.catch(() => granted());
	});
}

/** Whether another tab holds the presence lock of `databaseName` (false when unknown). */
export async function otherTabsPresent(databaseName: string): Promise<boolean> {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	if (!locks) return true;
	try {
		const state = await locks.query();
		const holders = (state.held ?? []).filter((l) => l.name === PRESENCE + databaseName);
		return holders.length !== 1;
	} catch {
		return true;
	}
}

function heldBatches(channel: Channel): Map<string, unknown[]> {
	let byCollection = held.get(channel);
	if (!byCollection) {
		const map = new Map<string, unknown[]>();
		const post = channel.postMessage.bind(channel);
		channel.postMessage = (message: unknown) => {
			const collection = (message as { collectionName?: unknown } | null)?.collectionName;
			const list = typeof collection === 'string' ? map.get(collection) : undefined;
			if (!list) return post(message);
			list.push(message);
			return Promise.resolve();
		};
		(channel as Channel & { post: typeof post }).post = post;
		held.set(channel, map);
		byCollection = map;
	}
	return byCollection;
}

/**
 * Runs `write` (storage writes of `collection` only) with RxDB's broadcast of that collection
 * held back, then posts what was held unless this is the device's only tab.
 */
export async function writeQuietly<T>(
	database: { token: string; name: string },
	collection: string,
	write: () => Promise<T>,
	othersPresent: (databaseName: string) => Promise<boolean> = otherTabsPresent
): Promise<T> {
	const channel = BROADCAST_CHANNEL_BY_TOKEN.get(database.token)?.bc as Channel | undefined;
	if (!channel) return write();
	const byCollection = heldBatches(channel);
	// Two quiet writes of one collection at once would share the list: not done (one bootstrap
	// per collection), but then the later one simply posts.
	if (byCollection.has(collection)) return write();
	const list: unknown[] = [];
	byCollection.set(collection, list);
	try {
		return await write();
	} finally {
		byCollection.delete(collection);
		const post = (channel as Channel & { post: Channel['postMessage'] }).post;
		if (list.length > 0 && (await othersPresent(database.name))) {
			for (const message of list) void post(message).catch(() => undefined);
		}
	}
}
