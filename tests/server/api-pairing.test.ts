// Pairing: an owner's code turns a new device into a staff device of the same salon, once.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

interface CodeBody {
	code: string;
	expiresAt: number;
}

describe.each(BACKENDS)('pairing (%s)', (name) => {
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

	const newCode = async (who: Session = owner) =>
		api<CodeBody>(s.url, 'POST', salonPath(who.salonId, 'pairing-codes'), { token: who.token });
	const pair = (code: string, deviceName = 'Tablet') =>
		api(s.url, 'POST', '/api/v1/pair', { body: { code, deviceName } });
	const deviceCount = async () => (await s.storage.listDevices(owner.salonId)).length;

	it('an owner gets a XXXX-XXXXXX code valid for 10 minutes', async () => {
		const res = await newCode();
		expect(res.status).toBe(201);
		expect(res.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}$/);
		expect(res.body.expiresAt - s.now()).toBeGreaterThan(9 * 60_000);
		expect(res.body.expiresAt - s.now()).toBeLessThanOrEqual(10 * 60_000);
		// Only the id is stored as is; the secret part is hashed.
		const stored = await s.storage.findPairingCode(res.body.code.slice(0, 4));
		expect(stored?.secretHash).not.toContain(res.body.code.slice(5));
	});

	it('the code works once and gives a staff token of the same salon', async () => {
		const { code } = (await newCode()).body;
		const res = await pair(code.toLowerCase().replace('-', ' '));
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ salonId: owner.salonId, role: 'staff' });
		const devices = await api(s.url, 'GET', salonPath(owner.salonId, 'devices'), {
			token: String(res.body.token)
		});
		expect(devices.status).toBe(200);
		const again = await pair(code, 'Second tablet');
		expect(again.status).toBe(400);
		expect(again.body).toMatchObject({ error: { code: 'pairing_code_invalid', path: 'code' } });
		expect(await deviceCount()).toBe(2);
	});

	it('expires after 10 minutes', async () => {
		const { code } = (await newCode()).body;
		s.advance(10 * 60_000 + 1);
		const res = await pair(code);
		expect(res.status).toBe(410);
		expect(res.body).toMatchObject({ error: { code: 'pairing_code_expired' } });
		expect(await deviceCount()).toBe(1);
	});

	it('dies after 5 wrong secrets: even the right one is then refused', async () => {
		const { code } = (await newCode()).body;
		const id = code.slice(0, 4);
		const wrong = code.endsWith('000000') ? `${id}-111111` : `${id}-000000`;
		for (let i = 0; i < 5; i++) {
			const res = await pair(wrong);
			expect(res.status).toBe(400);
			expect(res.body).toMatchObject({ error: { code: 'pairing_code_invalid' } });
		}
		expect((await s.storage.findPairingCode(id))?.attempts).toBe(5);
		const right = await pair(code);
		expect(right.status).toBe(400);
		expect(right.body).toMatchObject({ error: { code: 'pairing_code_invalid' } });
		expect(await deviceCount()).toBe(1);
	});

	it('an unknown code id or a malformed code is invalid', async () => {
		expect((await pair('ZZZZ-ZZZZZZ')).body).toMatchObject({
			error: { code: 'pairing_code_invalid' }
		});
		const malformed = await pair('12-34');
		expect(malformed.status).toBe(400);
		expect(malformed.body).toMatchObject({ error: { code: 'bad_request', path: 'code' } });
	});

	it('only an owner may create codes', async () => {
		const { code } = (await newCode()).body;
		const staff = (await pair(code)).body as unknown as Session;
		const res = await newCode(staff);
		expect(res.status).toBe(403);
		expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
		const anonymous = await api(s.url, 'POST', salonPath(owner.salonId, 'pairing-codes'));
		expect(anonymous.status).toBe(401);
	});
});
