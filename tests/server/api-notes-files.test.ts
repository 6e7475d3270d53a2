// The notes and files collections on the sync server: stored like any synced collection, but a
// file's bytes are checked (size, base64, type by content) and bounded per request; a bad or
// oversized file is refused with its path and nothing of the request is written.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BASE64, MAX_FILE_BYTES } from '../../src/lib/domain/files.js';
import {
	MAX_BODY_BYTES,
	MAX_FILE_BODY_BYTES,
	MAX_FILE_PULL_LIMIT,
	MAX_FILE_PUSH_ROWS
} from '../../src/lib/domain/sync-protocol.js';
import { fakeFileBase64, makeFile, makeNote, stampAt } from '../fixtures/notes-files.js';
import {
	api,
	BACKENDS,
	createSalon,
	makeBackend,
	pairDevice,
	salonPath,
	startServer,
	type Backend,
	type Session,
	type TestServer
} from './support/api.js';

interface PullBody {
	documents: Array<Record<string, unknown>>;
	checkpoint: { seq: number };
}

const live = <T extends object>(doc: T) => ({ ...doc, _deleted: false });

describe.each(BACKENDS)('notes and files (%s)', (name) => {
	let backend: Backend;
	let s: TestServer;
	let owner: Session;

	beforeAll(async () => {
		backend = await makeBackend(name);
	});
	afterAll(async () => backend?.dispose());
	beforeEach(async () => {
		s = await startServer(await backend.open(), { RATE_LIMIT_PER_SECOND: '1000' });
		owner = await createSalon(s);
	});
	afterEach(async () => s?.stop());

	const push = (who: Session, collection: string, rows: unknown[]) =>
		api<{ conflicts?: unknown[]; error?: { code: string; path?: string; message: string } }>(
			s.url,
			'POST',
			salonPath(who.salonId, `${collection}/push`),
			{ token: who.token, body: { rows } }
		);
	const pull = (who: Session, collection: string, limit = 100) =>
		api<PullBody>(s.url, 'POST', salonPath(who.salonId, `${collection}/pull`), {
			token: who.token,
			body: { checkpoint: null, limit }
		});
	const fileOf = (id: string, bytes: number, kind: 'png' | 'jpeg' | 'pdf' | 'exe' = 'png') => {
		const data = fakeFileBase64(kind, bytes);
		return live(makeFile({ id, data, size: bytes }));
	};

	it('two notes pushed by two devices both reach a third, text as written', async () => {
		const tablet = await pairDevice(s, owner, 'Tablet');
		const phone = await pairDevice(s, owner, 'Phone');
		const at = s.now();
		const a = live(
			makeNote({
				id: 'n-a',
				text: 'Reacted to the peel',
				clock: { created: stampAt(at, 'tablet'), pin: '' }
			})
		);
		const b = live(
			makeNote({
				id: 'n-b',
				text: 'Pays by card',
				clock: { created: stampAt(at, 'recept'), pin: '' }
			})
		);
		expect(
			(await push(tablet, 'notes', [{ assumedMasterState: null, newDocumentState: a }])).status
		).toBe(200);
		expect(
			(await push(owner, 'notes', [{ assumedMasterState: null, newDocumentState: b }])).status
		).toBe(200);
		const pulled = await pull(phone, 'notes');
		expect(pulled.body.documents).toEqual([a, b]);
	});

	it('refuses a note pinned with a clock in the future, and a deleted note that keeps its text', async () => {
		const at = s.now();
		const future = live(
			makeNote({ pinned: true, clock: { created: stampAt(at), pin: stampAt(at + 3_600_000) } })
		);
		const res = await push(owner, 'notes', [
			{ assumedMasterState: null, newDocumentState: future }
		]);
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({
			code: 'clock_in_future',
			path: 'rows.0.newDocumentState.clock.pin'
		});
		const tomb = { ...makeNote({ clock: { created: stampAt(at), pin: '' } }), _deleted: true };
		const res2 = await push(owner, 'notes', [{ assumedMasterState: null, newDocumentState: tomb }]);
		expect(res2.status).toBe(400);
		expect(res2.body.error?.path).toBe('rows.0.newDocumentState.text');
		expect((await pull(owner, 'notes')).body.documents).toEqual([]);
	});

	it('stores a file, and a files body larger than the general limit is accepted', async () => {
		const big = fileOf('f-big', MAX_FILE_BYTES - 10);
		expect(JSON.stringify(big).length).toBeGreaterThan(MAX_BODY_BYTES);
		const res = await push(owner, 'files', [{ assumedMasterState: null, newDocumentState: big }]);
		expect(res.status).toBe(200);
		expect(res.body.conflicts).toEqual([]);
		const pulled = await pull(owner, 'files');
		expect(pulled.body.documents).toEqual([big]);
		// The same body size on another collection is still refused.
		const onClients = await api(s.url, 'POST', salonPath(owner.salonId, 'clients/push'), {
			token: owner.token,
			raw: JSON.stringify({ rows: [{ assumedMasterState: null, newDocumentState: big }] })
		});
		expect(onClients.status).toBe(413);
	});

	it('an oversized file is refused at its data field and nothing is written', async () => {
		const ok = fileOf('f-ok', 500);
		const tooBig = fileOf('f-huge', MAX_FILE_BYTES + 3);
		expect(tooBig.data.length).toBeGreaterThan(MAX_FILE_BASE64);
		const res = await push(owner, 'files', [
			{ assumedMasterState: null, newDocumentState: ok },
			{ assumedMasterState: null, newDocumentState: tooBig }
		]);
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({ code: 'bad_request' });
		expect(res.body.error?.path).toMatch(/^rows\.1\.newDocumentState\.(data|size)$/);
		expect((await pull(owner, 'files')).body.documents).toEqual([]);
		expect(await s.storage.revisions(owner.salonId, 'files', 'f-ok')).toEqual([]);
	});

	it('refuses a file whose content is not its declared type, or whose size lies', async () => {
		const exe = fileOf('f-exe', 400, 'exe');
		const res = await push(owner, 'files', [{ assumedMasterState: null, newDocumentState: exe }]);
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({
			path: 'rows.0.newDocumentState.data',
			message: expect.stringContaining('fileType')
		});
		const lying = { ...fileOf('f-lie', 400), size: 399 };
		const res2 = await push(owner, 'files', [
			{ assumedMasterState: null, newDocumentState: lying }
		]);
		expect(res2.body.error).toMatchObject({
			path: 'rows.0.newDocumentState.data',
			message: expect.stringContaining('fileCorrupt')
		});
		expect((await pull(owner, 'files')).body.documents).toEqual([]);
	});

	it('bounds files per push and per pull, and the body of a files push', async () => {
		const rows = Array.from({ length: MAX_FILE_PUSH_ROWS + 1 }, (_, i) => ({
			assumedMasterState: null,
			newDocumentState: fileOf(`f-${i}`, 100)
		}));
		const tooMany = await push(owner, 'files', rows);
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.error?.path).toBe('rows');
		for (let i = 0; i < MAX_FILE_PULL_LIMIT + 2; i++) {
			await push(owner, 'files', [
				{ assumedMasterState: null, newDocumentState: fileOf(`g-${i}`, 100) }
			]);
		}
		const page = await pull(owner, 'files', 1000);
		expect(page.body.documents).toHaveLength(MAX_FILE_PULL_LIMIT);
		const huge = await api(s.url, 'POST', salonPath(owner.salonId, 'files/push'), {
			token: owner.token,
			raw: 'x'.repeat(MAX_FILE_BODY_BYTES + 1)
		});
		expect(huge.status).toBe(413);
	});

	it('a deleted file replicates without its name and bytes', async () => {
		const doc = fileOf('f-del', 300);
		await push(owner, 'files', [{ assumedMasterState: null, newDocumentState: doc }]);
		const tomb = { ...doc, name: '', data: '', thumb: '', _deleted: true };
		const res = await push(owner, 'files', [{ assumedMasterState: doc, newDocumentState: tomb }]);
		expect(res.body.conflicts).toEqual([]);
		expect((await pull(owner, 'files')).body.documents).toEqual([tomb]);
		const leaky = { ...tomb, id: 'f-leak', data: doc.data };
		expect(
			(await push(owner, 'files', [{ assumedMasterState: null, newDocumentState: leaky }])).status
		).toBe(400);
	});
});
