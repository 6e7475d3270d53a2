// The larger pull pages of a device's first sync (src/lib/db/bootstrap.ts): the server serves up
// to MAX_BOOTSTRAP_PULL_LIMIT documents per page, in seq order and without gaps, on both storages;
// files stay a few per page whatever is asked. (An older server refuses such a limit with a 400:
// tests/server/first-sync-bootstrap.test.ts shows the device then falls back to MAX_PULL_LIMIT.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	MAX_BOOTSTRAP_PULL_LIMIT,
	MAX_FILE_PULL_LIMIT
} from '../../src/lib/domain/sync-protocol.js';
import { makeFile } from '../fixtures/notes-files.js';
import {
	api,
	BACKENDS,
	clientDoc,
	createSalon,
	makeBackend,
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

describe.each(BACKENDS)('first-sync pull pages (%s)', (name) => {
	let backend: Backend;
	let s: TestServer;
	let owner: Session;
	const ids: string[] = [];
	const EXTRA = 120;

	beforeAll(async () => {
		backend = await makeBackend(name);
		s = await startServer(await backend.open(), { RATE_LIMIT_PER_SECOND: '10000' });
		owner = await createSalon(s);
		const at = s.now();
		for (let i = 0; i < MAX_BOOTSTRAP_PULL_LIMIT + EXTRA; i += 200) {
			const rows = [];
			for (let j = i; j < Math.min(i + 200, MAX_BOOTSTRAP_PULL_LIMIT + EXTRA); j++) {
				const id = `c-${String(j).padStart(5, '0')}`;
				ids.push(id);
				rows.push({ assumedMasterState: null, newDocumentState: clientDoc(id, at) });
			}
			const res = await push('clients', rows);
			expect(res.body.conflicts).toEqual([]);
		}
		for (let i = 0; i < MAX_FILE_PULL_LIMIT + 2; i++) {
			const file = { ...makeFile({ id: `f-${i}`, clientId: 'c-00000' }), _deleted: false };
			expect(
				(await push('files', [{ assumedMasterState: null, newDocumentState: file }])).status
			).toBe(200);
		}
	}, 180_000);
	afterAll(async () => {
		await s?.stop();
		await backend?.dispose();
	});

	function push(collection: string, rows: unknown[]) {
		return api<{ conflicts: unknown[] }>(
			s.url,
			'POST',
			salonPath(owner.salonId, `${collection}/push`),
			{ token: owner.token, body: { rows } }
		);
	}
	const pull = (collection: string, checkpoint: unknown, limit: number) =>
		api<PullBody>(s.url, 'POST', salonPath(owner.salonId, `${collection}/pull`), {
			token: owner.token,
			body: { checkpoint, limit }
		});

	it('serves a page of MAX_BOOTSTRAP_PULL_LIMIT, then the rest, in order and without gaps', async () => {
		const first = await pull('clients', null, MAX_BOOTSTRAP_PULL_LIMIT);
		expect(first.status).toBe(200);
		expect(first.body.documents).toHaveLength(MAX_BOOTSTRAP_PULL_LIMIT);
		const second = await pull('clients', first.body.checkpoint, MAX_BOOTSTRAP_PULL_LIMIT);
		expect(second.body.documents).toHaveLength(EXTRA);
		expect([...first.body.documents, ...second.body.documents].map((d) => d.id)).toEqual(ids);
		expect(second.body.checkpoint.seq).toBeGreaterThan(first.body.checkpoint.seq);
	});

	it('still serves files a few at a time, whatever the limit asked', async () => {
		const page = await pull('files', null, MAX_BOOTSTRAP_PULL_LIMIT);
		expect(page.status).toBe(200);
		expect(page.body.documents).toHaveLength(MAX_FILE_PULL_LIMIT);
	});
});
