// The salon's devices: listing, revoking, and what a revoked device gets afterwards.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

interface DevicesBody {
	devices: Array<Record<string, unknown>>;
}

describe.each(BACKENDS)('devices (%s)', (name) => {
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

	const list = (who: Session) =>
		api<DevicesBody>(s.url, 'GET', salonPath(who.salonId, 'devices'), { token: who.token });
	const revoke = (who: Session, deviceId: string) =>
		api(s.url, 'POST', salonPath(who.salonId, `devices/${deviceId}/revoke`), { token: who.token });

	it('lists every device to owner and staff, without token hashes', async () => {
		for (const who of [owner, tablet]) {
			const res = await list(who);
			expect(res.status).toBe(200);
			expect(res.body.devices.map((d) => [d.name, d.role])).toEqual(
				expect.arrayContaining([
					['Reception PC', 'owner'],
					['Tablet cabina 2', 'staff']
				])
			);
			for (const d of res.body.devices) {
				expect(Object.keys(d).sort()).toEqual(
					[
						'accessRole',
						'createdAt',
						'id',
						'lastSeenAt',
						'locationId',
						'name',
						'revokedAt',
						'role'
					].sort()
				);
			}
		}
	});

	it('updates lastSeenAt at most once a minute', async () => {
		const seen = async () =>
			(await list(owner)).body.devices.find((d) => d.id === tablet.deviceId)?.lastSeenAt;
		await list(tablet);
		const first = await seen();
		s.advance(30_000);
		await list(tablet);
		expect(await seen()).toBe(first);
		s.advance(31_000);
		await list(tablet);
		expect(Number(await seen())).toBeGreaterThan(Number(first));
	});

	it('a revoked device gets 401 device_revoked on its next request', async () => {
		const res = await revoke(owner, tablet.deviceId);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			device: { id: tablet.deviceId, revokedAt: expect.any(Number) }
		});
		const next = await api(s.url, 'POST', salonPath(tablet.salonId, 'clients/pull'), {
			token: tablet.token,
			body: { checkpoint: null, limit: 10 }
		});
		expect(next.status).toBe(401);
		expect(next.body).toMatchObject({ error: { code: 'device_revoked' } });
		const listed = (await list(owner)).body.devices.find((d) => d.id === tablet.deviceId);
		expect(listed?.revokedAt).toEqual(expect.any(Number));
	});

	it('staff cannot revoke, an owner cannot revoke itself, unknown devices are 404', async () => {
		expect((await revoke(tablet, owner.deviceId)).status).toBe(403);
		const self = await revoke(owner, owner.deviceId);
		expect(self.status).toBe(403);
		expect(self.body).toMatchObject({ error: { code: 'forbidden' } });
		expect((await revoke(owner, 'no-such-device')).status).toBe(404);
		const devices = (await list(owner)).body.devices;
		expect(devices.every((d) => d.revokedAt === null)).toBe(true);
	});

	it("a device of another salon cannot be revoked through this salon's URL", async () => {
		const other = await createSalon(s, 'Other');
		expect((await revoke(owner, other.deviceId)).status).toBe(404);
		expect((await revoke(other, tablet.deviceId)).status).toBe(404);
		const crossed = await api(
			s.url,
			'POST',
			salonPath(owner.salonId, `devices/${tablet.deviceId}/revoke`),
			{ token: other.token }
		);
		expect(crossed.status).toBe(403);
		const res = await list(other);
		expect(res.body.devices.every((d) => d.revokedAt === null)).toBe(true);
	});
});
