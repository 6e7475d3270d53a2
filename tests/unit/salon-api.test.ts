// The sync state's calls to the salon's API: the credentials kept from creating or joining a
// salon, each call made with the device's token on its salon's path, and the wipe asked for only
// when the server says it no longer knows the device. fetch answers as the server would.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncHttpError } from '$lib/db/replication';
import { credentialsFrom, requestPairing, requestSalon, SalonApi } from '$lib/state/salon-api';
import type { StoredSync } from '$lib/state/sync-helpers';

interface Call {
	url: string;
	method: string;
	authorization: string | null;
	body: unknown;
}

/** fetch answering `status` with `json`, recording each request. */
function serve(status: number, json: unknown): Call[] {
	const calls: Call[] = [];
	vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
		const headers = new Headers(init.headers);
		calls.push({
			url,
			method: init.method ?? 'GET',
			authorization: headers.get('Authorization'),
			body: typeof init.body === 'string' ? JSON.parse(init.body) : null
		});
		return new Response(JSON.stringify(json), { status });
	});
	return calls;
}

const creds: StoredSync = {
	serverUrl: 'https://sync.example',
	salonId: 'salon/1',
	deviceId: 'dev-1',
	token: 'tok',
	role: 'owner',
	deviceName: 'Desk',
	salonName: 'Bella',
	locationId: null
};

const device = {
	id: 'dev-2',
	name: 'Tablet',
	role: 'staff',
	createdAt: 1,
	lastSeenAt: null,
	revokedAt: null,
	locationId: 'loc-1',
	accessRole: 'therapist'
};

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('credentials from creating or joining a salon', () => {
	const answer = { salonId: 's1', deviceId: 'd1', token: 't1', role: 'staff' as const };

	it('keeps the answer with the names, no location and no role when the server sent none', () => {
		expect(credentialsFrom(answer, 'Tablet', '')).toEqual({
			serverUrl: '',
			salonId: 's1',
			deviceId: 'd1',
			token: 't1',
			role: 'staff',
			deviceName: 'Tablet',
			salonName: '',
			locationId: null
		});
		const full = credentialsFrom(
			{ ...answer, locationId: 'loc-1', accessRole: 'therapist' },
			'Tablet',
			''
		);
		expect([full.locationId, full.accessRole]).toEqual(['loc-1', 'therapist']);
	});

	it('creates a salon, and pairs with a code, on the server that serves the app', async () => {
		const calls = serve(201, { ...answer, role: 'owner' });
		const owner = await requestSalon('Bella', 'Desk');
		expect([owner.role, owner.salonName, owner.deviceName]).toEqual(['owner', 'Bella', 'Desk']);
		const pairing = serve(200, { ...answer, accessRole: 'reception' });
		const paired = await requestPairing('ABCD-EFGHJK', 'Tablet');
		expect([paired.salonName, paired.deviceName, paired.accessRole]).toEqual([
			'',
			'Tablet',
			'reception'
		]);
		expect(calls).toEqual([
			{
				url: '/api/v1/salons',
				method: 'POST',
				authorization: null,
				body: { salonName: 'Bella', deviceName: 'Desk' }
			}
		]);
		expect(pairing).toMatchObject([
			{ url: '/api/v1/pair', body: { code: 'ABCD-EFGHJK', deviceName: 'Tablet' } }
		]);
	});

	it('throws an answer that is not a device token', async () => {
		serve(200, { token: 't1' });
		await expect(requestPairing('ABCD-EFGHJK', 'Tablet')).rejects.toThrow();
	});
});

describe('SalonApi', () => {
	function api(current: StoredSync | null = creds) {
		let revoked = 0;
		const salonApi = new SalonApi(
			() => current,
			() => revoked++
		);
		return { salonApi, revoked: () => revoked };
	}

	it('calls the path of its salon with the device token and parses the answer', async () => {
		const calls = serve(200, { device });
		const a = api();
		expect(await a.salonApi.setDeviceRole('dev 2', 'therapist')).toEqual(device);
		expect(calls).toEqual([
			{
				url: 'https://sync.example/api/v1/salons/salon%2F1/devices/dev%202/role',
				method: 'POST',
				authorization: 'Bearer tok',
				body: { role: 'therapist' }
			}
		]);
		const code = serve(201, { code: 'ABCD-EFGHJK', expiresAt: 5 });
		await a.salonApi.createPairingCode(null, null);
		await a.salonApi.createPairingCode('loc-1', 'therapist');
		expect(code.map((c) => c.body)).toEqual([{}, { locationId: 'loc-1', role: 'therapist' }]);
		const list = serve(200, { devices: [device] });
		expect(await a.salonApi.devices()).toEqual([device]);
		expect(list).toMatchObject([{ method: 'GET', body: null }]);
		expect(a.revoked()).toBe(0);
	});

	it('asks for the wipe when the server no longer knows the device, and still throws', async () => {
		for (const code of ['unauthorized', 'device_revoked']) {
			serve(401, { error: { code, message: 'no' } });
			const a = api();
			await expect(a.salonApi.dataKey()).rejects.toMatchObject({ code });
			expect(a.revoked()).toBe(1);
		}
	});

	it('does not wipe for any other refusal, offline, or without credentials', async () => {
		const a = api();
		serve(403, { error: { code: 'forbidden', message: 'no' } });
		await expect(
			a.salonApi.requestExport({ scope: 'salon', format: 'csv', count: 1 })
		).rejects.toMatchObject({
			code: 'forbidden'
		});
		vi.stubGlobal('fetch', async () => {
			throw new TypeError('Failed to fetch');
		});
		await expect(a.salonApi.revoke('dev-2')).rejects.toMatchObject({ code: 'network' });
		expect(a.revoked()).toBe(0);
		const calls = serve(200, {});
		const unpaired = api(null);
		const error = await unpaired.salonApi.get('/audit').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SyncHttpError);
		expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
		expect(calls).toHaveLength(0);
		expect(unpaired.revoked()).toBe(0);
	});
});
