// The `staff` collection on the sync server (issue 7): only a role that manages staff may write
// it (a reception or therapist device cannot add itself a member or change a PIN; 403, nothing
// written); what the owner writes reaches every device — the salted PIN hash included, never a
// PIN in clear — so a locked device can check a PIN offline. Both storages.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../src/lib/domain/pin.js';
import {
	api,
	BACKENDS,
	createSalon,
	makeBackend,
	salonPath,
	stamp,
	startServer,
	type Backend,
	type Session,
	type TestServer,
	pairDevice
} from './support/api.js';

type Doc = Record<string, unknown>;

describe.each(BACKENDS)('staff members on the server (%s)', (name) => {
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

	const pairAs = (role: string): Promise<Session> => pairDevice(s, owner, `${role} tablet`, role);
	const push = (who: Session, collection: string, rows: unknown[]) =>
		api<{ conflicts: Doc[]; error?: { code: string; path?: string } }>(
			s.url,
			'POST',
			salonPath(who.salonId, `${collection}/push`),
			{ token: who.token, body: { rows } }
		);
	const pull = (who: Session, collection: string) =>
		api<{ documents: Doc[] }>(s.url, 'POST', salonPath(who.salonId, `${collection}/pull`), {
			token: who.token,
			body: { checkpoint: null, limit: 100 }
		});

	async function member(id: string, role: string, pin: string): Promise<Doc> {
		const hlc = stamp(s.now(), 'desk');
		return {
			id,
			name: 'Tina',
			role,
			...(await hashPin(pin, 1000)),
			locationId: null,
			active: true,
			createdAt: s.now(),
			updatedAt: s.now(),
			editedBy: '',
			clock: { name: hlc, role: hlc, pin: hlc, locationId: hlc, active: hlc },
			_deleted: false
		};
	}

	it('refuses staff writes from reception and therapist devices, and writes nothing', async () => {
		for (const role of ['reception', 'therapist']) {
			const device = await pairAs(role);
			const res = await push(device, 'staff', [
				{ assumedMasterState: null, newDocumentState: await member(`by-${role}`, 'owner', '1111') }
			]);
			expect(res.status).toBe(403);
			expect(res.body.error).toMatchObject({ code: 'forbidden', path: 'rows.0.newDocumentState' });
			const idle = await push(device, 'settings', [
				{
					assumedMasterState: null,
					newDocumentState: {
						key: 'idleLockMinutes',
						value: 240,
						updatedAt: s.now(),
						_deleted: false
					}
				}
			]);
			expect(idle.status).toBe(403);
		}
		expect((await pull(owner, 'staff')).body.documents).toEqual([]);
		expect((await pull(owner, 'settings')).body.documents).toEqual([]);
	});

	it("accepts the owner's staff and sends every device the hash, never the PIN", async () => {
		const therapist = await pairAs('therapist');
		const tina = await member('tina', 'therapist', '5678');
		expect(
			(await push(owner, 'staff', [{ assumedMasterState: null, newDocumentState: tina }])).body
		).toEqual({ conflicts: [] });
		const seen = await pull(therapist, 'staff');
		expect(seen.body.documents).toEqual([tina]);
		expect(JSON.stringify(seen.body)).not.toContain('5678');
		// A PIN in clear is not a field of the wire document.
		const bad = await push(owner, 'staff', [
			{ assumedMasterState: tina, newDocumentState: { ...tina, pin: '5678' } }
		]);
		expect(bad.status).toBe(400);
	});
});
