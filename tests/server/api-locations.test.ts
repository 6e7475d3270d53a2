// Chains over HTTP: a salon's locations are its synced `locations` setting; a pairing code can
// carry a location, the owner moves devices between locations, and the server refuses any id
// that is not a live location of the same salon. Both storages.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Location } from '../../src/lib/domain/locations.js';
import {
	api,
	BACKENDS,
	createSalon,
	makeBackend,
	salonPath,
	startServer,
	type Backend,
	type Session,
	type TestServer
} from './support/api.js';
import { openStream } from './support/sse.js';

interface DeviceBody {
	device: { id: string; locationId: string | null };
}

const MILANO: Location = { id: 'loc-milano', name: 'Milano Centro', removedAt: null };
const ROMA: Location = { id: 'loc-roma', name: 'Roma Prati', removedAt: null };

describe.each(BACKENDS)('locations (%s)', (name) => {
	let backend: Backend;
	let s: TestServer;
	let owner: Session;

	beforeAll(async () => {
		backend = await makeBackend(name);
	});
	afterAll(async () => backend?.dispose());
	beforeEach(async () => {
		s = await startServer(await backend.open());
		owner = await createSalon(s);
	});
	afterEach(async () => s?.stop());

	/** Writes the salon's location list the way the app does: a pushed `settings` document. */
	async function saveLocations(who: Session, list: Location[]): Promise<void> {
		const current = await api<{ documents: unknown[] }>(
			s.url,
			'POST',
			salonPath(who.salonId, 'settings/pull'),
			{ token: who.token, body: { checkpoint: null, limit: 100 } }
		);
		const assumed =
			(current.body.documents as Array<{ key: string }>).find((d) => d.key === 'locations') ?? null;
		const doc = { key: 'locations', value: list, updatedAt: Date.now(), _deleted: false };
		const res = await api<{ conflicts: unknown[] }>(
			s.url,
			'POST',
			salonPath(who.salonId, 'settings/push'),
			{ token: who.token, body: { rows: [{ assumedMasterState: assumed, newDocumentState: doc }] } }
		);
		expect(res.status).toBe(200);
		expect(res.body.conflicts).toEqual([]);
	}

	const codeFor = (who: Session, body?: unknown) =>
		api<{ code: string }>(s.url, 'POST', salonPath(who.salonId, 'pairing-codes'), {
			token: who.token,
			body
		});
	const pair = (code: string) =>
		api<Session & { locationId: string | null }>(s.url, 'POST', '/api/v1/pair', {
			body: { code, deviceName: 'Tablet Milano' }
		});
	const me = (who: Session) =>
		api<DeviceBody>(s.url, 'GET', salonPath(who.salonId, 'devices/me'), { token: who.token });
	const move = (who: Session, deviceId: string, body: unknown) =>
		api<DeviceBody>(s.url, 'POST', salonPath(who.salonId, `devices/${deviceId}/location`), {
			token: who.token,
			body
		});

	it('pairs a device at the location its code was made for', async () => {
		await saveLocations(owner, [MILANO, ROMA]);
		const code = await codeFor(owner, { locationId: MILANO.id });
		expect(code.status).toBe(201);
		const tablet = await pair(code.body.code);
		expect(tablet.status).toBe(201);
		expect(tablet.body.locationId).toBe(MILANO.id);
		expect((await me(tablet.body)).body.device.locationId).toBe(MILANO.id);
		const list = await api<{ devices: Array<{ id: string; locationId: string | null }> }>(
			s.url,
			'GET',
			salonPath(owner.salonId, 'devices'),
			{ token: owner.token }
		);
		expect(list.body.devices.find((d) => d.id === tablet.body.deviceId)?.locationId).toBe(
			MILANO.id
		);
		// A code without a location (or an empty body, as before chains) pairs with none.
		const plain = await pair((await codeFor(owner)).body.code);
		expect(plain.body.locationId).toBeNull();
		expect((await me(owner)).body.device.locationId).toBeNull();
	});

	it("refuses a pairing code for a location that is not one of the salon's", async () => {
		const other = await createSalon(s, 'Salone Borea');
		await saveLocations(other, [{ id: 'loc-borea', name: 'Borea', removedAt: null }]);
		await saveLocations(owner, [MILANO]);
		for (const locationId of ['loc-borea', 'loc-nowhere']) {
			const res = await codeFor(owner, { locationId });
			expect(res.status).toBe(400);
			expect(res.body).toMatchObject({ error: { code: 'unknown_location', path: 'locationId' } });
		}
		const bad = await codeFor(owner, { locationId: 42 });
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ error: { code: 'bad_request', path: 'locationId' } });
	});

	it('lets the owner move a device, tells the device at once, and validates the location', async () => {
		await saveLocations(owner, [MILANO, ROMA]);
		const tablet = (await pair((await codeFor(owner, { locationId: MILANO.id })).body.code)).body;
		const stream = await openStream(s, tablet);
		await stream.next('resync');

		const moved = await move(owner, tablet.deviceId, { locationId: ROMA.id });
		expect(moved.status).toBe(200);
		expect(moved.body.device).toMatchObject({ id: tablet.deviceId, locationId: ROMA.id });
		const event = await stream.next('device');
		expect(JSON.parse(event.data)).toMatchObject({ device: { locationId: ROMA.id } });
		expect((await me(tablet)).body.device.locationId).toBe(ROMA.id);

		// Unknown or another salon's location, bad body: refused, nothing changes.
		const other = await createSalon(s, 'Salone Borea');
		await saveLocations(other, [{ id: 'loc-borea', name: 'Borea', removedAt: null }]);
		for (const body of [{ locationId: 'loc-borea' }, { locationId: 'nope' }]) {
			const res = await move(owner, tablet.deviceId, body);
			expect(res.status).toBe(400);
			expect(res.body).toMatchObject({ error: { code: 'unknown_location' } });
		}
		const extra = await move(owner, tablet.deviceId, { locationId: ROMA.id, x: 1 });
		expect(extra.status).toBe(400);
		expect((await me(tablet)).body.device.locationId).toBe(ROMA.id);

		// Only an owner moves devices, only its own salon's.
		expect((await move(tablet, tablet.deviceId, { locationId: MILANO.id })).status).toBe(403);
		const foreign = await move(other, tablet.deviceId, { locationId: 'loc-borea' });
		expect(foreign.status).toBe(404);
		expect((await move(owner, other.deviceId, { locationId: ROMA.id })).status).toBe(404);

		const cleared = await move(owner, tablet.deviceId, { locationId: null });
		expect(cleared.body.device.locationId).toBeNull();
		await stream.cancel();
	});

	it('no longer assigns a removed location', async () => {
		await saveLocations(owner, [MILANO, ROMA]);
		const code = (await codeFor(owner, { locationId: ROMA.id })).body.code;
		await saveLocations(owner, [MILANO, { ...ROMA, removedAt: Date.now() }]);
		const tablet = await pair(code);
		expect(tablet.status).toBe(201);
		expect(tablet.body.locationId).toBeNull();
		const res = await move(owner, tablet.body.deviceId, { locationId: ROMA.id });
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({ error: { code: 'unknown_location' } });
	});

	it('refuses a malformed location list in a settings push and writes nothing', async () => {
		const doc = {
			key: 'locations',
			value: [MILANO, { ...MILANO }],
			updatedAt: Date.now(),
			_deleted: false
		};
		const res = await api(s.url, 'POST', salonPath(owner.salonId, 'settings/push'), {
			token: owner.token,
			body: { rows: [{ assumedMasterState: null, newDocumentState: doc }] }
		});
		expect(res.status).toBe(400);
		expect(await s.storage.getDocument(owner.salonId, 'settings', 'locations')).toBeNull();
	});
});
