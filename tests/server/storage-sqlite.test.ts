// The SQLite adapter: the shared contract, plus durability of an acknowledged push across SIGKILL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../sync-server/src/storage/sqlite.js';
import { describeDataKeyStorageContract } from './storage-data-keys.contract.js';
import { describeAuditStorageContract } from './storage-audit.contract.js';
import { describeLocationStorageContract } from './storage-locations.contract.js';
import { describeErasureContract } from './storage-erasure.contract.js';
import { describeRoleStorageContract } from './storage-roles.contract.js';
import { describeStorageContract } from './storage.contract.js';
import { describeGroupCommitContract } from './storage-group-commit.contract.js';
import { describeChange, insert, makeDoc, makeSalon, T0 } from './support/storage-factories.js';

const tmp = mkdtempSync(join(tmpdir(), 'schedario-sqlite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describeStorageContract('sqlite', () => openSqliteStorage({ file: join(tmp, 'contract.sqlite') }));
describeLocationStorageContract('sqlite', () =>
	openSqliteStorage({ file: join(tmp, 'locations.sqlite') })
);
describeDataKeyStorageContract('sqlite', () =>
	openSqliteStorage({ file: join(tmp, 'data-keys.sqlite') })
);
describeAuditStorageContract('sqlite', () =>
	openSqliteStorage({ file: join(tmp, 'audit.sqlite') })
);
describeRoleStorageContract('sqlite', () => openSqliteStorage({ file: join(tmp, 'roles.sqlite') }));

describeErasureContract('sqlite', async () => {
	const file = join(tmp, 'erasure.sqlite');
	const storage = await openSqliteStorage({ file });
	// A second connection reads the tables as they are on disk (WAL: committed data only).
	const db = new Database(file, { readonly: true });
	const all = <T>(sql: string, salonId: string) => db.prepare(sql).all(salonId) as T[];
	const close = storage.close.bind(storage);
	storage.close = async () => {
		db.close();
		await close();
	};
	return {
		storage,
		raw: {
			docs: async (salonId) =>
				all<{ collection: string; id: string; data: string }>(
					'SELECT collection, id, data FROM docs WHERE salon_id = ?',
					salonId
				).map((r) => ({ ...r, data: JSON.parse(r.data) as unknown })),
			revisions: async (salonId) =>
				all('SELECT collection, doc_id FROM revisions WHERE salon_id = ?', salonId),
			erasures: async (salonId) =>
				all('SELECT client_id, at FROM erasures WHERE salon_id = ?', salonId)
		}
	};
});

describe('SQLite durability', () => {
	it('keeps every push acknowledged before the process was SIGKILLed', async () => {
		const file = join(tmp, 'killed.sqlite');
		const child = spawn(
			process.execPath,
			['--import', 'tsx', join(import.meta.dirname, 'support/sqlite-push-then-wait.ts'), file],
			{
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		// The script prints one line per acknowledged push; kill it at once after the last one,
		// with no chance to close the database or checkpoint the WAL.
		const acknowledged = await new Promise<{ salonId: string; seq: number }>((resolve, reject) => {
			let out = '';
			child.stdout.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				const done = out.split('\n').find((line) => line.startsWith('{"done"'));
				if (done) {
					child.kill('SIGKILL');
					resolve((JSON.parse(done) as { done: { salonId: string; seq: number } }).done);
				}
			});
			child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
		});
		const exit = await new Promise<NodeJS.Signals | null>((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
			else child.once('exit', (_code, signal) => resolve(signal));
		});
		expect(exit).toBe('SIGKILL');

		const reopened = await openSqliteStorage({ file });
		try {
			const docs = await reopened.pull(acknowledged.salonId, 'clients', 0, 1000);
			expect(docs).toHaveLength(acknowledged.seq);
			expect(docs.at(-1)?.seq).toBe(acknowledged.seq);
		} finally {
			await reopened.close();
		}
	});
});

describeGroupCommitContract('sqlite', () => openSqliteStorage({ file: join(tmp, 'group.sqlite') }));

describe('SQLite schema upgrade', () => {
	it('adds staff and values to the revisions of a database made before field history', async () => {
		const file = join(tmp, 'old-revisions.sqlite');
		const old = new Database(file);
		old.exec(`CREATE TABLE salons (id TEXT PRIMARY KEY, name TEXT NOT NULL,
			created_at INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0)`);
		old.exec(`CREATE TABLE revisions (salon_id TEXT NOT NULL REFERENCES salons(id),
			seq INTEGER NOT NULL, collection TEXT NOT NULL, doc_id TEXT NOT NULL,
			device_id TEXT NOT NULL, at INTEGER NOT NULL, fields TEXT NOT NULL,
			deleted BOOLEAN NOT NULL, PRIMARY KEY (salon_id, seq))`);
		old.exec(`INSERT INTO salons VALUES ('s1', 'Old salon', 1, 1)`);
		old.exec(`INSERT INTO revisions VALUES ('s1', 1, 'clients', 'c1', 'd1', 5, '["note"]', 0)`);
		old.close();
		const storage = await openSqliteStorage({ file });
		try {
			// The old revision reads with no staff and no values; a new one keeps both.
			expect(await storage.revisions('s1', 'clients', 'c1')).toEqual([
				{
					seq: 1,
					docId: 'c1',
					deviceId: 'd1',
					at: 5,
					fields: ['note'],
					deleted: false,
					staffId: null,
					changes: {}
				}
			]);
			const prev = makeDoc('c1');
			await storage.push('s1', 'clients', 'd1', [insert(prev)], T0, describeChange);
			await storage.push(
				's1',
				'clients',
				'd1',
				[{ assumed: prev, next: { ...prev, note: 'x', editedBy: 'anna' } }],
				T0,
				describeChange
			);
			expect((await storage.revisions('s1', 'clients', 'c1')).at(-1)).toMatchObject({
				staffId: 'anna',
				changes: { note: { old: null, new: 'x' } }
			});
		} finally {
			await storage.close();
		}
	});

	it('adds the pairing code location to a database made before chains', async () => {
		const file = join(tmp, 'old.sqlite');
		const old = new Database(file);
		old.exec(`CREATE TABLE salons (id TEXT PRIMARY KEY, name TEXT NOT NULL,
			created_at INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0)`);
		old.exec(`CREATE TABLE pairing_codes (code_id TEXT PRIMARY KEY,
			salon_id TEXT NOT NULL REFERENCES salons(id), secret_hash TEXT NOT NULL,
			expires_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, used_at INTEGER,
			created_by TEXT NOT NULL)`);
		old.close();
		const storage = await openSqliteStorage({ file });
		try {
			const { salonId, owner } = await makeSalon(storage);
			const code = {
				codeId: 'ABCD',
				salonId,
				secretHash: 'h',
				expiresAt: Date.now() + 60_000,
				attempts: 0,
				usedAt: null,
				createdBy: owner.id,
				locationId: 'loc-1'
			};
			await storage.createPairingCode(code);
			expect(await storage.findPairingCode('ABCD')).toEqual(code);
		} finally {
			await storage.close();
		}
	});
});
