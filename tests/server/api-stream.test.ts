// The SSE stream: resync on open, a change ping after another device's push, closed at once on
// revocation; across two server instances on one PostgreSQL; and an acknowledged push that
// survives SIGKILL of the real server process (SQLite).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../sync-server/src/storage/postgres.js';
import {
	api,
	BACKENDS,
	clientDoc,
	createSalon,
	makeBackend,
	pairDevice,
	salonPath,
	startServer,
	type Backend,
	type Session,
	type TestServer
} from './support/api.js';
import { openStream } from './support/sse.js';

describe.each(BACKENDS)('stream (%s)', (name) => {
	let backend: Backend;
	let s: TestServer;
	let owner: Session;
	let tablet: Session;

	beforeAll(async () => {
		backend = await makeBackend(name);
	});
	afterAll(async () => backend?.dispose());
	beforeEach(async () => {
		s = await startServer(await backend.open());
		owner = await createSalon(s);
		tablet = await pairDevice(s, owner);
	});
	afterEach(async () => s?.stop());

	it('sends resync on open and change after a push from another device', async () => {
		const stream = await openStream(s, tablet);
		expect(stream.status).toBe(200);
		expect((await stream.next('resync')).event).toBe('resync');
		await api(s.url, 'POST', salonPath(owner.salonId, 'clients/push'), {
			token: owner.token,
			body: { rows: [{ assumedMasterState: null, newDocumentState: clientDoc('m', s.now()) }] }
		});
		const change = await stream.next('change');
		const data = JSON.parse(change.data) as { collections: string[]; seq: number };
		expect(data.collections).toEqual(['clients']);
		const pulled = await api<{ checkpoint: { seq: number } }>(
			s.url,
			'POST',
			salonPath(tablet.salonId, 'clients/pull'),
			{ token: tablet.token, body: { checkpoint: null, limit: 10 } }
		);
		expect(pulled.body.checkpoint.seq).toBe(data.seq);
		await stream.cancel();
	});

	it("another salon's pushes never reach the stream", async () => {
		const other = await createSalon(s, 'Other');
		const stream = await openStream(s, tablet);
		await stream.next('resync');
		await api(s.url, 'POST', salonPath(other.salonId, 'sources/push'), {
			token: other.token,
			body: {
				rows: [
					{
						assumedMasterState: null,
						newDocumentState: { id: 's1', name: 'Web', createdAt: 1, _deleted: false }
					}
				]
			}
		});
		await api(s.url, 'POST', salonPath(owner.salonId, 'clients/push'), {
			token: owner.token,
			body: { rows: [{ assumedMasterState: null, newDocumentState: clientDoc('mine', s.now()) }] }
		});
		const change = await stream.next('change');
		expect(JSON.parse(change.data)).toMatchObject({ collections: ['clients'] });
		expect(stream.events.filter((e) => e.event === 'change')).toHaveLength(1);
		await stream.cancel();
	});

	it('a ticket opens one stream only and expires after 60 s', async () => {
		const ticket = await api<{ ticket: string; expiresAt: number }>(
			s.url,
			'POST',
			salonPath(tablet.salonId, 'stream-ticket'),
			{ token: tablet.token }
		);
		expect(ticket.status).toBe(201);
		expect(ticket.body.expiresAt - s.now()).toBeLessThanOrEqual(60_000);
		const url = `${s.url}${salonPath(tablet.salonId, 'stream')}?ticket=${ticket.body.ticket}`;
		const first = await fetch(url);
		expect(first.status).toBe(200);
		await first.body?.cancel();
		const reused = await fetch(url);
		expect(reused.status).toBe(401);
		const late = await api<{ ticket: string }>(
			s.url,
			'POST',
			salonPath(tablet.salonId, 'stream-ticket'),
			{
				token: tablet.token
			}
		);
		s.advance(60_001);
		const expired = await fetch(
			`${s.url}${salonPath(tablet.salonId, 'stream')}?ticket=${late.body.ticket}`
		);
		expect(expired.status).toBe(401);
		expect(await expired.json()).toMatchObject({ error: { code: 'unauthorized' } });
	});

	it('revoking a device closes its open stream at once; the others stay open', async () => {
		const tabletStream = await openStream(s, tablet);
		const ownerStream = await openStream(s, owner);
		await tabletStream.next('resync');
		await ownerStream.next('resync');
		const res = await api(
			s.url,
			'POST',
			salonPath(owner.salonId, `devices/${tablet.deviceId}/revoke`),
			{
				token: owner.token
			}
		);
		expect(res.status).toBe(200);
		await tabletStream.closed;
		const ticket = await api(s.url, 'POST', salonPath(tablet.salonId, 'stream-ticket'), {
			token: tablet.token
		});
		expect(ticket.body).toMatchObject({ error: { code: 'device_revoked' } });
		await api(s.url, 'POST', salonPath(owner.salonId, 'clients/push'), {
			token: owner.token,
			body: { rows: [{ assumedMasterState: null, newDocumentState: clientDoc('after', s.now()) }] }
		});
		expect((await ownerStream.next('change')).event).toBe('change');
		await ownerStream.cancel();
	});

	// Two instances need a shared database: registered for PostgreSQL only (not a skipped test).
	if (name === 'postgres')
		it('a push to one instance reaches a stream on another', async () => {
			const url = await backend.newDatabaseUrl!();
			const a = await startServer(await openPostgresStorage({ url }));
			const b = await startServer(await openPostgresStorage({ url }));
			try {
				await a.storage.migrate();
				await b.storage.migrate();
				const boss = await createSalon(a);
				const phone = await pairDevice(a, boss, 'Phone');
				const stream = await openStream(b, phone);
				await stream.next('resync');
				await api(a.url, 'POST', salonPath(boss.salonId, 'clients/push'), {
					token: boss.token,
					body: { rows: [{ assumedMasterState: null, newDocumentState: clientDoc('x', a.now()) }] }
				});
				const change = await stream.next('change');
				expect(JSON.parse(change.data)).toMatchObject({ collections: ['clients'] });
				const pulled = await api<{ documents: unknown[] }>(
					b.url,
					'POST',
					salonPath(boss.salonId, 'clients/pull'),
					{
						token: phone.token,
						body: { checkpoint: null, limit: 10 }
					}
				);
				expect(pulled.body.documents).toHaveLength(1);
				await stream.cancel();
			} finally {
				await a.stop();
				await b.stop();
			}
		});
});

describe('durability of an acknowledged push (SQLite, real process)', () => {
	let dataDir: string;
	let child: ChildProcess | null = null;

	beforeAll(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'schedario-kill-'));
	});
	afterAll(() => {
		child?.kill('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
	});

	function start(): Promise<{ url: string; proc: ChildProcess }> {
		const proc = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
			env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child = proc;
		proc.stderr!.resume();
		return new Promise((resolve, reject) => {
			let out = '';
			proc.stdout!.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				const match = /Schedario is running on (http:\/\/localhost:\d+)/.exec(out);
				if (match) resolve({ url: (match[1] as string).replace('localhost', '127.0.0.1'), proc });
			});
			proc.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
		});
	}

	it('SIGKILL right after the 200 loses nothing', async () => {
		const first = await start();
		const s = { url: first.url } as TestServer;
		const owner = await createSalon(s);
		const doc = clientDoc('kept', Date.now(), { firstName: 'Giulia' });
		const pushed = await api(first.url, 'POST', salonPath(owner.salonId, 'clients/push'), {
			token: owner.token,
			body: { rows: [{ assumedMasterState: null, newDocumentState: doc }] }
		});
		expect(pushed.status).toBe(200);
		const exited = new Promise((done) => first.proc.once('exit', done));
		first.proc.kill('SIGKILL');
		await exited;
		const second = await start();
		const pulled = await api<{ documents: unknown[] }>(
			second.url,
			'POST',
			salonPath(owner.salonId, 'clients/pull'),
			{
				token: owner.token,
				body: { checkpoint: null, limit: 10 }
			}
		);
		expect(pulled.body.documents).toEqual([doc]);
		const exitedAgain = new Promise((done) => second.proc.once('exit', done));
		second.proc.kill('SIGTERM');
		await exitedAgain;
		child = null;
	});
});
