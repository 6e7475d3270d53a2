// The LISTEN side of the PostgreSQL adapter: one dedicated connection (LISTEN cannot share a pool
// connection) that turns NOTIFY pings from every server instance into ChangeNotices, reconnects
// with backoff when the connection drops, and after a reconnect emits what it missed meanwhile
// (NOTIFY is not queued for a listener that is gone).
import pg from 'pg';
import type { ChangeNotice } from './types.js';

export const NOTIFY_CHANNEL = 'schedario_changes';
const MAX_BACKOFF_MS = 5_000;

export interface Listener {
	/** Tells the listener about a change this instance committed, so catch-up starts from it. */
	noteSeq(salonId: string, seq: number): void;
	close(): Promise<void>;
}

function parseNotice(payload: string | undefined): ChangeNotice | null {
	try {
		const value = JSON.parse(payload ?? '') as Partial<ChangeNotice>;
		if (
			typeof value.salonId === 'string' &&
			typeof value.collection === 'string' &&
			typeof value.seq === 'number'
		) {
			return { salonId: value.salonId, collection: value.collection, seq: value.seq };
		}
	} catch {
		// Not ours (someone else NOTIFYing on our channel): ignore it, pings carry no data anyway.
	}
	return null;
}

/** Connects and LISTENs; resolves once the first connection listens, rejects if it cannot. */
export async function startListener(
	url: string,
	pool: pg.Pool,
	emit: (n: ChangeNotice) => void
): Promise<Listener> {
	/** Highest seq this instance knows of per salon: the baseline for catch-up. */
	const known = new Map<string, number>();
	let client: pg.Client | null = null;
	let isClosed = false;
	let backoff = 250;
	let timer: NodeJS.Timeout | null = null;

	const noteSeq = (salonId: string, seq: number) => {
		if ((known.get(salonId) ?? 0) < seq) known.set(salonId, seq);
	};
	const deliver = (n: ChangeNotice) => {
		noteSeq(n.salonId, n.seq);
		emit(n);
	};

	async function catchUp(isReconnect: boolean): Promise<void> {
		const salons = await pool.query<{ id: string; seq: string }>('SELECT id, seq FROM salons');
		for (const row of salons.rows) {
			const since = known.get(row.id) ?? 0;
			if (!isReconnect || Number(row.seq) <= since) {
				noteSeq(row.id, Number(row.seq));
				continue;
			}
			const changed = await pool.query<{ collection: string; seq: string }>(
				`SELECT collection, MAX(seq) AS seq FROM docs WHERE salon_id = $1 AND seq > $2
				 GROUP BY collection ORDER BY MAX(seq)`,
				[row.id, since]
			);
			for (const c of changed.rows) {
				deliver({ salonId: row.id, collection: c.collection, seq: Number(c.seq) });
			}
		}
	}

	async function connect(isReconnect: boolean): Promise<void> {
		const next = new pg.Client({ connectionString: url, application_name: 'schedario-listen' });
		next.on('notification', (msg) => {
			const notice = msg.channel === NOTIFY_CHANNEL ? parseNotice(msg.payload) : null;
			if (notice) deliver(notice);
		});
		// Until `client` points at it, a drop only marks the attempt as failed.
		let isDropped = false;
		const onDrop = () => {
			isDropped = true;
			scheduleReconnect(next);
		};
		next.on('error', onDrop);
		next.on('end', onDrop);
		try {
			await next.connect();
			await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
			// Listening before reading the baseline: a change in between arrives as a notice, and a
			// duplicate is dropped downstream.
			await catchUp(isReconnect);
			if (isDropped) throw new Error('The LISTEN connection dropped while starting');
		} catch (error) {
			next.removeAllListeners();
			next.on('error', () => undefined); // already failed; the caller retries or rethrows
			await next.end().catch(() => undefined);
			throw error;
		}
		client = next;
		backoff = 250;
	}

	function scheduleReconnect(dead: pg.Client): void {
		if (isClosed || client !== dead || timer) return;
		client = null;
		dead.removeAllListeners();
		dead.on('error', () => undefined); // a dead socket may still report; nothing left to do
		dead.end().catch(() => undefined);
		const retry = () => {
			timer = setTimeout(() => {
				timer = null;
				if (isClosed) return;
				connect(true).catch(() => {
					backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
					retry();
				});
			}, backoff);
		};
		retry();
	}

	await connect(false);

	return {
		noteSeq,
		async close() {
			isClosed = true;
			if (timer) clearTimeout(timer);
			const last = client;
			client = null;
			if (last) {
				last.removeAllListeners();
				last.on('error', () => undefined);
				await last.end().catch(() => undefined);
			}
		}
	};
}
