// Pull by checkpoint and push with compare-and-swap, as RxDB's replication calls them.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	api,
	BACKENDS,
	clientDoc,
	clientTombstone,
	createSalon,
	makeBackend,
	pairDevice,
	salonPath,
	stamp,
	startServer,
	type Backend,
	type Session,
	type TestServer
} from './support/api.js';

interface PullBody {
	documents: Array<Record<string, unknown>>;
	checkpoint: { seq: number };
}

describe.each(BACKENDS)('pull and push (%s)', (name) => {
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
		api<{ conflicts: unknown[] }>(s.url, 'POST', salonPath(who.salonId, `${collection}/push`), {
			token: who.token,
			body: { rows }
		});
	const pull = (who: Session, collection: string, checkpoint: unknown, limit = 100) =>
		api<PullBody>(s.url, 'POST', salonPath(who.salonId, `${collection}/pull`), {
			token: who.token,
			body: { checkpoint, limit }
		});

	it('pages through a backlog larger than one batch, in seq order, without gaps', async () => {
		const at = s.now();
		const ids: string[] = [];
		for (let batch = 0; batch < 3; batch++) {
			const rows = Array.from({ length: 100 }, (_, i) => {
				const id = `c-${String(batch * 100 + i).padStart(4, '0')}`;
				ids.push(id);
				return { assumedMasterState: null, newDocumentState: clientDoc(id, at) };
			});
			expect((await push(owner, 'clients', rows)).body.conflicts).toEqual([]);
		}
		const seen: string[] = [];
		const seqs: number[] = [];
		let checkpoint: { seq: number } | null = null;
		for (let page = 0; page < 10; page++) {
			const res = await pull(owner, 'clients', checkpoint, 70);
			expect(res.status).toBe(200);
			if (res.body.documents.length === 0) {
				expect(res.body.checkpoint).toEqual(checkpoint);
				break;
			}
			seen.push(...res.body.documents.map((d) => String(d.id)));
			seqs.push(res.body.checkpoint.seq);
			checkpoint = res.body.checkpoint;
		}
		expect(seen).toEqual(ids);
		expect(seqs).toHaveLength(5); // 70 + 70 + 70 + 70 + 20
		expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
	});

	it('answers {seq: 0} for a null checkpoint on an empty collection', async () => {
		const res = await pull(owner, 'sources', null);
		expect(res.body).toEqual({ documents: [], checkpoint: { seq: 0 } });
	});

	it('returns the master state as a conflict when assumedMasterState is stale', async () => {
		const tablet = await pairDevice(s, owner);
		const at = s.now();
		const base = clientDoc('maria', at);
		await push(owner, 'clients', [{ assumedMasterState: null, newDocumentState: base }]);
		const byReception = { ...base, emails: ['maria@example.it'], clock: { emails: stamp(at + 1) } };
		expect(
			(await push(owner, 'clients', [{ assumedMasterState: base, newDocumentState: byReception }]))
				.body.conflicts
		).toEqual([]);
		const byTablet = {
			...base,
			phones: [{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' }]
		};
		const res = await push(tablet, 'clients', [
			{ assumedMasterState: base, newDocumentState: byTablet }
		]);
		expect(res.status).toBe(200);
		expect(res.body.conflicts).toEqual([byReception]);
		const pulled = await pull(owner, 'clients', null);
		expect(pulled.body.documents).toEqual([byReception]);
	});

	it('treats a re-push of what is already stored as applied: no conflict, no new seq', async () => {
		const doc = clientDoc('anna', s.now(), { firstName: 'Anna' });
		const row = { assumedMasterState: null, newDocumentState: doc };
		expect((await push(owner, 'clients', [row])).body.conflicts).toEqual([]);
		const first = await pull(owner, 'clients', null);
		// The answer to the first push was lost; the device sends the same row again.
		const again = await push(owner, 'clients', [row]);
		expect(again.status).toBe(200);
		expect(again.body.conflicts).toEqual([]);
		const second = await pull(owner, 'clients', null);
		expect(second.body.checkpoint).toEqual(first.body.checkpoint);
		expect(second.body.documents).toEqual([doc]);
	});

	it('replicates a tombstone without personal data to the other devices', async () => {
		const tablet = await pairDevice(s, owner);
		const at = s.now();
		const doc = clientDoc('gone', at, { note: 'allergic to nickel' });
		await push(owner, 'clients', [{ assumedMasterState: null, newDocumentState: doc }]);
		const { checkpoint } = (await pull(tablet, 'clients', null)).body;
		const tomb = clientTombstone('gone', at, at + 5);
		const res = await push(owner, 'clients', [{ assumedMasterState: doc, newDocumentState: tomb }]);
		expect(res.body.conflicts).toEqual([]);
		const after = await pull(tablet, 'clients', checkpoint);
		expect(after.body.documents).toEqual([tomb]);
		expect(JSON.stringify(after.body.documents)).not.toContain('nickel');
		const revs = await s.storage.revisions(owner.salonId, 'clients', 'gone');
		expect(revs.at(-1)).toMatchObject({ deviceId: owner.deviceId, deleted: true });
	});

	it('a tombstone that still carries personal data is refused with its path', async () => {
		const tomb = { ...clientTombstone('x', 1, 2), note: 'still here' };
		const res = await push(owner, 'clients', [
			{ assumedMasterState: null, newDocumentState: tomb }
		]);
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({
			error: { code: 'bad_request', path: 'rows.0.newDocumentState.note' }
		});
	});

	it('records which fields each accepted revision changed', async () => {
		const at = s.now();
		const base = clientDoc('rev', at);
		await push(owner, 'clients', [{ assumedMasterState: null, newDocumentState: base }]);
		const next = { ...base, tags: ['vip'], updatedAt: at + 1, clock: { tags: stamp(at + 1) } };
		await push(owner, 'clients', [{ assumedMasterState: base, newDocumentState: next }]);
		const revs = await s.storage.revisions(owner.salonId, 'clients', 'rev');
		expect(revs.at(-1)).toMatchObject({
			fields: ['tags'],
			deleted: false,
			deviceId: owner.deviceId
		});
	});

	it('syncs the settings, categories and sources collections too', async () => {
		const at = s.now();
		const category = { id: 'cat1', name: 'VIP', color: '#aa00cc', createdAt: at, _deleted: false };
		expect(
			(await push(owner, 'categories', [{ assumedMasterState: null, newDocumentState: category }]))
				.status
		).toBe(200);
		expect((await pull(owner, 'categories', null)).body.documents).toEqual([category]);
		// Collections do not leak into each other.
		expect((await pull(owner, 'sources', null)).body.documents).toEqual([]);
	});

	it('answers 404 for a collection that is not synced', async () => {
		const res = await pull(owner, 'appointments', null);
		expect(res.status).toBe(404);
		expect(res.body).toMatchObject({ error: { code: 'not_found' } });
	});

	it('refuses a clock more than 5 minutes in the future and writes nothing', async () => {
		const at = s.now();
		const ok = clientDoc('ok', at);
		const ahead = clientDoc('ahead', at, { firstName: 'Lucia' });
		ahead.clock = { firstName: stamp(at + 5 * 60_000 + 2_000) };
		const res = await push(owner, 'clients', [
			{ assumedMasterState: null, newDocumentState: ok },
			{ assumedMasterState: null, newDocumentState: ahead }
		]);
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({
			error: { code: 'clock_in_future', path: 'rows.1.newDocumentState.clock.firstName' }
		});
		expect((await pull(owner, 'clients', null)).body.documents).toEqual([]);
		// Just under the limit is fine (a device a little ahead is normal).
		ahead.clock = { firstName: stamp(at + 4 * 60_000) };
		const fine = await push(owner, 'clients', [
			{ assumedMasterState: null, newDocumentState: ahead }
		]);
		expect(fine.status).toBe(200);
	});
});
