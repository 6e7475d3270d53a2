// GET /api/v1/salons/:salonId/audit: the owner's log of pairing, revocation and the rest; only a
// role that manages staff may read it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/lib/domain/audit.js';
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

describe.each(BACKENDS)('audit log (%s)', (name) => {
	let backend: Backend;
	let s: TestServer;
	let owner: Session;

	beforeAll(async () => {
		backend = await makeBackend(name);
	});
	afterAll(async () => backend?.dispose());
	beforeEach(async () => {
		s = await startServer(await backend.open(), {}, { frozenClock: true });
		owner = await createSalon(s);
	});
	afterEach(async () => s?.stop());

	const log = (who: Session, query = '') =>
		api<AuditPage>(s.url, 'GET', salonPath(who.salonId, `audit${query}`), { token: who.token });

	it('records the pairing of a device and its revocation, with the acting device named', async () => {
		const tablet = await pairDevice(s, owner, 'Tablet cabina 2');
		const revoked = await api(
			s.url,
			'POST',
			salonPath(owner.salonId, `devices/${tablet.deviceId}/revoke`),
			{ token: owner.token }
		);
		expect(revoked.status).toBe(200);
		const res = await log(owner);
		expect(res.status).toBe(200);
		expect(res.body.nextBefore).toBeNull();
		expect(
			res.body.events.map((e) => ({
				kind: e.kind,
				deviceId: e.deviceId,
				deviceName: e.deviceName,
				detail: e.detail
			}))
		).toEqual([
			{
				kind: 'revocation',
				deviceId: owner.deviceId,
				deviceName: 'Reception PC',
				detail: { revokedDeviceId: tablet.deviceId }
			},
			{
				kind: 'pairing',
				deviceId: owner.deviceId,
				deviceName: 'Reception PC',
				detail: { pairedDeviceId: tablet.deviceId, locationId: null, role: 'reception' }
			}
		]);
		for (const e of res.body.events) expect(e.at).toBe(s.now());
	});

	it('pages newest first and filters by kind', async () => {
		const tablets = [];
		for (let i = 0; i < 3; i++) tablets.push(await pairDevice(s, owner, `Tablet ${i}`));
		await api(s.url, 'POST', salonPath(owner.salonId, `devices/${tablets[0]!.deviceId}/revoke`), {
			token: owner.token
		});
		const first = await log(owner, '?limit=2');
		expect(first.body.events.map((e) => e.kind)).toEqual(['revocation', 'pairing']);
		expect(first.body.nextBefore).toBe(first.body.events[1]!.id);
		const second = await log(owner, `?limit=2&before=${first.body.nextBefore}`);
		expect(second.body.events.map((e) => e.detail.pairedDeviceId)).toEqual([
			tablets[1]!.deviceId,
			tablets[0]!.deviceId
		]);
		expect(second.body.nextBefore).toBeNull();
		const pairings = await log(owner, '?kind=pairing&kind=export');
		expect(pairings.body.events).toHaveLength(3);
		expect(pairings.body.events.every((e) => e.kind === 'pairing')).toBe(true);
	});

	it('refuses a device whose role does not manage staff, and a bad query', async () => {
		for (const role of ['reception', 'therapist']) {
			const tablet = await pairDevice(s, owner, `Tablet ${role}`, role);
			const refused = await log(tablet);
			expect(refused.status, role).toBe(403);
			expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
		}
		for (const query of ['?kind=gossip', '?limit=0', '?limit=9999', '?before=abc', '?page=2']) {
			const bad = await log(owner, query);
			expect(bad.status, query).toBe(400);
		}
		const other = await createSalon(s, 'Salone Borea');
		const foreign = await api(s.url, 'GET', salonPath(owner.salonId, 'audit'), {
			token: other.token
		});
		expect(foreign.status).toBe(403);
	});
});
