// The PostgreSQL adapter against a real, throwaway cluster: the shared contract, plus what only
// matters with several server instances on one database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStorage } from '../../sync-server/src/storage/postgres.js';
import { MAX_GROUP_PUSHES } from '../../sync-server/src/storage/postgres-group.js';
import type { ChangeNotice, SyncStorage } from '../../sync-server/src/storage/types.js';
import { describeDataKeyStorageContract } from './storage-data-keys.contract.js';
import { describeAuditStorageContract } from './storage-audit.contract.js';
import { describeLocationStorageContract } from './storage-locations.contract.js';
import { describeErasureContract } from './storage-erasure.contract.js';
import { describeRoleStorageContract } from './storage-roles.contract.js';
import { describeStorageContract } from './storage.contract.js';
import { describeGroupCommitContract } from './storage-group-commit.contract.js';
import { describeChange, insert, makeDoc, makeSalon } from './support/storage-factories.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

let cluster: TestPostgres;
let url = '';

beforeAll(async () => {
	cluster = await startPostgres();
	url = await cluster.createDatabase('storage_contract');
});
afterAll(async () => {
	await cluster?.stop();
});

describeStorageContract('postgres', () => openPostgresStorage({ url }));
describeLocationStorageContract('postgres', () => openPostgresStorage({ url }));
describeDataKeyStorageContract('postgres', () => openPostgresStorage({ url }));
describeAuditStorageContract('postgres', () => openPostgresStorage({ url }));
describeRoleStorageContract('postgres', () => openPostgresStorage({ url }));
describeGroupCommitContract('postgres', () => openPostgresStorage({ url }));

describeErasureContract('postgres', async () => {
	const storage = await openPostgresStorage({ url });
	// A separate pool reads the tables themselves, as committed.
	const pool = new pg.Pool({ connectionString: url, max: 2 });
	const close = storage.close.bind(storage);
	storage.close = async () => {
		await pool.end();
		await close();
	};
	const rows = async <T>(sql: string, salonId: string) =>
		(await pool.query(sql, [salonId])).rows as T[];
	return {
		storage,
		raw: {
			docs: (salonId) => rows('SELECT collection, id, data FROM docs WHERE salon_id = $1', salonId),
			revisions: (salonId) =>
				rows('SELECT collection, doc_id FROM revisions WHERE salon_id = $1', salonId),
			erasures: async (salonId) =>
				(
					await rows<{ client_id: string; at: string }>(
						'SELECT client_id, at FROM erasures WHERE salon_id = $1',
						salonId
					)
				).map((r) => ({ client_id: r.client_id, at: Number(r.at) }))
		}
	};
});

describe('PostgreSQL with two server instances', () => {
	let one: SyncStorage;
	let two: SyncStorage;
	beforeAll(async () => {
		[one, two] = await Promise.all([openPostgresStorage({ url }), openPostgresStorage({ url })]);
	});
	afterAll(async () => {
		await Promise.all([one?.close(), two?.close()]);
	});

	it('delivers a change committed by one instance to subscribers of the other', async () => {
		const { salonId } = await makeSalon(one);
		const heard: ChangeNotice[] = [];
		const stop = two.subscribe((n) => n.salonId === salonId && heard.push(n));
		await one.push(salonId, 'clients', 'd1', [insert(makeDoc('x'))], 1, describeChange);
		await one.push(salonId, 'sources', 'd1', [insert(makeDoc('s'))], 2, describeChange);
		await expect
			.poll(() => heard)
			.toEqual([
				{ salonId, collection: 'clients', seq: 1 },
				{ salonId, collection: 'sources', seq: 2 }
			]);
		stop();
		expect((await two.pull(salonId, 'clients', 0, 10)).map((d) => d.id)).toEqual(['x']);
	});

	it('gives concurrent pushes from both instances distinct, gap-free seqs', async () => {
		const { salonId } = await makeSalon(one);
		const pushes = Array.from({ length: 40 }, (_, i) =>
			(i % 2 ? one : two).push(
				salonId,
				'clients',
				`d${i % 2}`,
				Array.from({ length: 5 }, (_, j) => insert(makeDoc(`p${i}-${j}`))),
				i,
				describeChange
			)
		);
		const results = await Promise.all(pushes);
		// Each push took five consecutive seqs ending at its returned seq.
		const ends = results.map((r) => r.seq ?? 0).sort((a, b) => a - b);
		expect(ends).toEqual(Array.from({ length: 40 }, (_, i) => (i + 1) * 5));
		const docs = await one.pull(salonId, 'clients', 0, 1000);
		expect(docs.map((d) => d.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
	});

	it('catches up on changes missed while its LISTEN connection was down', async () => {
		const { salonId } = await makeSalon(one);
		const heard: ChangeNotice[] = [];
		const stop = two.subscribe((n) => n.salonId === salonId && heard.push(n));
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		try {
			// Kill both listeners so nobody hears the NOTIFY; `two` must find the change itself.
			const killed = await admin.query(
				`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				 WHERE application_name = 'schedario-listen' AND datname = current_database()`
			);
			expect(killed.rowCount).toBeGreaterThanOrEqual(2);
			await one.push(salonId, 'clients', 'd1', [insert(makeDoc(randomUUID()))], 1, describeChange);
			await expect
				.poll(() => heard, { timeout: 10_000 })
				.toEqual([{ salonId, collection: 'clients', seq: 1 }]);
			// And it listens again: a later change arrives by NOTIFY.
			await one.push(salonId, 'clients', 'd1', [insert(makeDoc(randomUUID()))], 2, describeChange);
			await expect.poll(() => heard.length, { timeout: 10_000 }).toBe(2);
		} finally {
			stop();
			await admin.end();
		}
	});
});

describe('PostgreSQL group commit size', () => {
	it(`writes at most ${MAX_GROUP_PUSHES} pushes per transaction; the rest go in the next`, async () => {
		const storage = await openPostgresStorage({ url });
		try {
			const { salonId } = await makeSalon(storage);
			const notices: number[] = [];
			storage.subscribe((n) => n.salonId === salonId && notices.push(n.seq));
			const count = MAX_GROUP_PUSHES + 8;
			// Issued in one tick: without the cap they would all share one transaction and notice.
			const results = await Promise.all(
				Array.from({ length: count }, (_, i) =>
					storage.push(salonId, 'clients', 'd', [insert(makeDoc(`g${i}`))], i, describeChange)
				)
			);
			expect(results.map((r) => r.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
			// One notice per transaction, each with its last seq.
			await expect.poll(() => notices).toEqual([MAX_GROUP_PUSHES, count]);
			const docs = await storage.pull(salonId, 'clients', 0, 1000);
			expect(docs.map((d) => d.id)).toEqual(Array.from({ length: count }, (_, i) => `g${i}`));
		} finally {
			await storage.close();
		}
	});
});
