// The API's boundaries: who may call (401/403), what a body may be (400/413), how often (429).
// Every refused request must leave the database as it was.
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
import { MAX_BOOTSTRAP_PULL_LIMIT } from '../../src/lib/domain/sync-protocol.js';

describe.each(BACKENDS)('limits and access (%s)', (name) => {
	let backend: Backend;
	let s: TestServer;
	let owner: Session;

	beforeAll(async () => {
		backend = await makeBackend(name);
	});
	afterAll(async () => backend?.dispose());
	beforeEach(async () => {
		s = await startServer(
			await backend.open(),
			{ RATE_LIMIT_PER_SECOND: '5' },
			{ frozenClock: true }
		);
		owner = await createSalon(s);
	});
	afterEach(async () => s?.stop());

	const pushPath = () => salonPath(owner.salonId, 'clients/push');
	const stored = async () => (await s.storage.pull(owner.salonId, 'clients', 0, 1000)).length;
	const row = (doc: unknown) => ({ rows: [{ assumedMasterState: null, newDocumentState: doc }] });

	describe('authentication', () => {
		it('401 without a token, with a malformed one, or with an unknown one', async () => {
			const body = row(clientDoc('a', s.now()));
			for (const token of [undefined, 'short', 'A'.repeat(43)]) {
				const res = await api(s.url, 'POST', pushPath(), { token, body });
				expect(res.status, String(token)).toBe(401);
				expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
			}
			expect(await stored()).toBe(0);
		});

		it("a token of salon A on salon B's URLs gets 403 and sees nothing", async () => {
			const other = await createSalon(s, 'Other salon');
			await api(s.url, 'POST', salonPath(other.salonId, 'clients/push'), {
				token: other.token,
				body: row(clientDoc('secret', s.now(), { note: 'private' }))
			});
			const read = await api(s.url, 'POST', salonPath(other.salonId, 'clients/pull'), {
				token: owner.token,
				body: { checkpoint: null, limit: 100 }
			});
			expect(read.status).toBe(403);
			expect(read.body).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
			expect(JSON.stringify(read.body)).not.toContain('private');
			const write = await api(s.url, 'POST', salonPath(other.salonId, 'clients/push'), {
				token: owner.token,
				body: row(clientDoc('intruder', s.now()))
			});
			expect(write.status).toBe(403);
			for (const path of ['devices', 'stream-ticket', 'pairing-codes']) {
				const method = path === 'devices' ? 'GET' : 'POST';
				const res = await api(s.url, method, salonPath(other.salonId, path), {
					token: owner.token
				});
				expect(res.status, path).toBe(403);
			}
			const theirs = await s.storage.pull(other.salonId, 'clients', 0, 100);
			expect(theirs.map((d) => d.id)).toEqual(['secret']);
		});
	});

	describe('bodies', () => {
		const cases: Array<[string, () => unknown, string]> = [
			[
				'a wrong type',
				() => row({ ...clientDoc('a', s.now()), firstName: 42 }),
				'rows.0.newDocumentState.firstName'
			],
			[
				'a missing field',
				() => {
					const doc = clientDoc('a', s.now());
					delete doc.gender;
					return row(doc);
				},
				'rows.0.newDocumentState.gender'
			],
			[
				'a huge string',
				() => row({ ...clientDoc('a', s.now()), note: 'x'.repeat(5001) }),
				'rows.0.newDocumentState.note'
			],
			[
				'an unknown field',
				() => row({ ...clientDoc('a', s.now()), password: 'x' }),
				'rows.0.newDocumentState.password'
			],
			[
				'deep nesting',
				() => {
					let deep: unknown = 'x';
					for (let i = 0; i < 500; i++) deep = { a: deep };
					return row({ ...clientDoc('a', s.now()), customFields: { k: deep } });
				},
				'rows.0.newDocumentState.customFields.k'
			],
			[
				'a NUL character (PostgreSQL cannot store it)',
				() => row({ ...clientDoc('a', s.now()), note: 'before\u0000after' }),
				'rows.0.newDocumentState.note'
			],
			['no rows', () => ({ rows: [] }), 'rows'],
			[
				'too many rows',
				() => ({
					rows: Array.from({ length: 201 }, (_, i) => ({
						assumedMasterState: null,
						newDocumentState: clientDoc(`r${i}`, s.now())
					}))
				}),
				'rows'
			]
		];
		it.each(cases)('400 with the path for %s, nothing written', async (_label, make, path) => {
			const res = await api(s.url, 'POST', pushPath(), { token: owner.token, body: make() });
			expect(res.status).toBe(400);
			expect(res.body).toMatchObject({ error: { code: 'bad_request', path } });
			expect(await stored()).toBe(0);
		});

		it('400 on malformed JSON and on an empty body, without echoing it', async () => {
			const bad = await api(s.url, 'POST', pushPath(), {
				token: owner.token,
				raw: '{"rows": [tel'
			});
			expect(bad.status).toBe(400);
			expect(bad.body).toMatchObject({ error: { code: 'bad_request' } });
			expect(JSON.stringify(bad.body)).not.toContain('tel');
			const empty = await api(s.url, 'POST', pushPath(), { token: owner.token, raw: '' });
			expect(empty.status).toBe(400);
		});

		it('400 on a pull limit out of bounds', async () => {
			const res = await api(s.url, 'POST', salonPath(owner.salonId, 'clients/pull'), {
				token: owner.token,
				body: { checkpoint: null, limit: MAX_BOOTSTRAP_PULL_LIMIT + 1 }
			});
			expect(res.body).toMatchObject({ error: { code: 'bad_request', path: 'limit' } });
		});

		it('413 on a body over 1,000,000 bytes, declared or streamed', async () => {
			const big = JSON.stringify(row({ ...clientDoc('a', s.now()), note: 'x'.repeat(1_000_001) }));
			const res = await api(s.url, 'POST', pushPath(), { token: owner.token, raw: big });
			expect(res.status).toBe(413);
			expect(res.body).toMatchObject({ error: { code: 'body_too_large' } });
			// Chunked, with no Content-Length: the bytes are counted as they arrive.
			const chunked = await new Promise<number>((resolve, reject) => {
				const req = request(
					`${s.url}${pushPath()}`,
					{
						method: 'POST',
						headers: { Authorization: `Bearer ${owner.token}`, 'Transfer-Encoding': 'chunked' }
					},
					(r) => {
						r.resume();
						resolve(r.statusCode ?? 0);
					}
				);
				req.on('error', reject);
				for (let i = 0; i < 20; i++) req.write('x'.repeat(100_000));
				req.end();
			});
			expect(chunked).toBe(413);
			expect(await stored()).toBe(0);
		});
	});

	describe('rate', () => {
		it('429 with Retry-After past the burst, and back once the bucket refills', async () => {
			const path = salonPath(owner.salonId, 'clients/pull');
			const body = { checkpoint: null, limit: 1 };
			const statuses: number[] = [];
			let limited: Headers | null = null;
			for (let i = 0; i < 12; i++) {
				const res = await api(s.url, 'POST', path, { token: owner.token, body });
				statuses.push(res.status);
				if (res.status === 429) {
					limited = res.headers;
					expect(res.body).toMatchObject({ error: { code: 'rate_limited' } });
				}
			}
			// RATE_LIMIT_PER_SECOND=5 → a burst of 10 (the first request made the salon).
			expect(statuses.slice(0, 10).every((st) => st === 200)).toBe(true);
			expect(statuses.slice(10)).toEqual([429, 429]);
			expect(Number(limited?.get('retry-after'))).toBeGreaterThanOrEqual(1);
			s.advance(1_000);
			expect((await api(s.url, 'POST', path, { token: owner.token, body })).status).toBe(200);
		});

		it('limits pairing attempts per address', async () => {
			const statuses: number[] = [];
			for (let i = 0; i < 12; i++) {
				const res = await api(s.url, 'POST', '/api/v1/pair', {
					body: { code: 'ABCD-EFGHJK', deviceName: 'guess' }
				});
				statuses.push(res.status);
			}
			expect(statuses).toContain(429);
			expect(statuses.filter((st) => st === 400).length).toBeLessThanOrEqual(10);
		});
	});
});
