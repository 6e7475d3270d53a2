// Encryption at rest (issue 7): GET /api/v1/salons/:salonId/data-key releases the salon's data
// key to its paired devices — the same key every time and to every device of the salon, never to
// a revoked device (401, it then wipes) nor to another salon's device (403).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataKeyResponseSchema } from '../../src/lib/domain/data-key.js';
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

describe.each(BACKENDS)('data key (%s)', (name) => {
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
		tablet = await pairDevice(s, owner, 'Tablet cabina 2');
	});
	afterEach(async () => s?.stop());

	const dataKey = (who: Session, salonId = who.salonId) =>
		api<{ key?: string; error?: { code: string } }>(s.url, 'GET', salonPath(salonId, 'data-key'), {
			token: who.token
		});

	it('gives a paired device the same random key every time, and the same to every device', async () => {
		const first = await dataKey(tablet);
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toBe('no-store');
		const { key } = dataKeyResponseSchema.parse(first.body);
		expect((await dataKey(tablet)).body).toEqual({ key });
		expect((await dataKey(owner)).body).toEqual({ key });
		// A second salon gets a key of its own.
		const other = await createSalon(s, 'Other');
		const otherKey = dataKeyResponseSchema.parse((await dataKey(other)).body).key;
		expect(otherKey).not.toBe(key);
	});

	it('answers 401 device_revoked to a revoked device, and nothing of the key', async () => {
		const { key } = dataKeyResponseSchema.parse((await dataKey(tablet)).body);
		const revoked = await api(
			s.url,
			'POST',
			salonPath(owner.salonId, `devices/${tablet.deviceId}/revoke`),
			{ token: owner.token }
		);
		expect(revoked.status).toBe(200);
		const res = await dataKey(tablet);
		expect(res.status).toBe(401);
		expect(res.body).toEqual({ error: expect.objectContaining({ code: 'device_revoked' }) });
		expect(JSON.stringify(res.body)).not.toContain(key);
	});

	it("answers 403 to another salon's device and 401 without a token", async () => {
		const { key } = dataKeyResponseSchema.parse((await dataKey(owner)).body);
		const other = await createSalon(s, 'Other');
		const crossed = await dataKey(other, owner.salonId);
		expect(crossed.status).toBe(403);
		expect(crossed.body).toEqual({ error: expect.objectContaining({ code: 'forbidden' }) });
		expect(JSON.stringify(crossed.body)).not.toContain(key);
		const anonymous = await api(s.url, 'GET', salonPath(owner.salonId, 'data-key'));
		expect(anonymous.status).toBe(401);
	});
});
