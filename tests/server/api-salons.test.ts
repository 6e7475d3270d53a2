// POST /api/v1/salons: first start of a salon, and the server's policy for more salons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BACKENDS, makeBackend, startServer, type Backend } from './support/api.js';

describe.each(BACKENDS)('POST /api/v1/salons (%s)', (name) => {
	let backend: Backend;
	beforeAll(async () => {
		backend = await makeBackend(name);
	});
	afterAll(async () => backend?.dispose());

	it('creates a salon and its owner device, with a token only the server hash knows', async () => {
		const s = await startServer(await backend.open());
		try {
			const res = await api(s.url, 'POST', '/api/v1/salons', {
				body: { salonName: 'Salone Aurora', deviceName: 'Reception PC' }
			});
			expect(res.status).toBe(201);
			expect(res.body).toMatchObject({ role: 'owner' });
			expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
			const salonId = String(res.body.salonId);
			const devices = await s.storage.listDevices(salonId);
			expect(devices).toHaveLength(1);
			expect(devices[0]).toMatchObject({
				id: res.body.deviceId,
				role: 'owner',
				name: 'Reception PC'
			});
			expect(devices[0]?.tokenHash).not.toContain(String(res.body.token));
			// The token works at once on the salon's own routes.
			const list = await api(s.url, 'GET', `/api/v1/salons/${salonId}/devices`, {
				token: String(res.body.token)
			});
			expect(list.status).toBe(200);
		} finally {
			await s.stop();
		}
	});

	it('allows more salons by default (multi-tenant), each with its own id', async () => {
		const s = await startServer(await backend.open());
		try {
			const a = await api(s.url, 'POST', '/api/v1/salons', {
				body: { salonName: 'A', deviceName: 'PC' }
			});
			const b = await api(s.url, 'POST', '/api/v1/salons', {
				body: { salonName: 'B', deviceName: 'PC' }
			});
			expect([a.status, b.status]).toEqual([201, 201]);
			expect(a.body.salonId).not.toBe(b.body.salonId);
			expect(await s.storage.countSalons()).toBe(2);
		} finally {
			await s.stop();
		}
	});

	it('with ALLOW_NEW_SALONS=false only the first salon can be created', async () => {
		const s = await startServer(await backend.open(), { ALLOW_NEW_SALONS: 'false' });
		try {
			const first = await api(s.url, 'POST', '/api/v1/salons', {
				body: { salonName: 'A', deviceName: 'PC' }
			});
			expect(first.status).toBe(201);
			const second = await api(s.url, 'POST', '/api/v1/salons', {
				body: { salonName: 'B', deviceName: 'PC' }
			});
			expect(second.status).toBe(403);
			expect(second.body).toMatchObject({ error: { code: 'signup_closed' } });
			expect(await s.storage.countSalons()).toBe(1);
		} finally {
			await s.stop();
		}
	});

	it('refuses a bad body with the path and creates nothing', async () => {
		const s = await startServer(await backend.open());
		try {
			const missing = await api(s.url, 'POST', '/api/v1/salons', { body: { salonName: 'A' } });
			expect(missing.status).toBe(400);
			expect(missing.body).toMatchObject({ error: { code: 'bad_request', path: 'deviceName' } });
			const long = await api(s.url, 'POST', '/api/v1/salons', {
				body: { salonName: 'x'.repeat(201), deviceName: 'PC' }
			});
			expect(long.body).toMatchObject({ error: { code: 'bad_request', path: 'salonName' } });
			expect(await s.storage.countSalons()).toBe(0);
		} finally {
			await s.stop();
		}
	});

	it('logs each request as JSON with method, path and status, never the token', async () => {
		const s = await startServer(await backend.open());
		try {
			const res = await api(s.url, 'POST', '/api/v1/salons?x=1', {
				body: { salonName: 'A', deviceName: 'PC' }
			});
			const entry = s.logs.find((l) => l.event === 'http.request');
			expect(entry).toMatchObject({
				level: 'info',
				method: 'POST',
				path: '/api/v1/salons',
				status: 201,
				deviceId: res.body.deviceId
			});
			expect(typeof entry?.ms).toBe('number');
			expect(JSON.stringify(s.logs)).not.toContain(String(res.body.token));
		} finally {
			await s.stop();
		}
	});
});
