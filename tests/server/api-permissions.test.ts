// Device roles enforced by the server (issue 7): a device acts as the role it was paired with;
// pushes beyond that role are refused with 403 before anything is written; clients leave the
// server masked for a role that may not see contacts; the export gate. Both storages.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	api,
	BACKENDS,
	clientDoc,
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
interface PullBody {
	documents: Doc[];
	checkpoint: { seq: number };
}
interface DeviceBody {
	device: { id: string; accessRole?: string };
}

const MARIA = {
	lastName: 'Rossi',
	phones: [{ e164: '+393331234567', raw: '333 123 4567', label: 'mobile' as const }],
	emails: ['maria.rossi@example.com'],
	fiscalCode: 'RSSMRA80A41H501X',
	allergies: ['Nickel']
};

describe.each(BACKENDS)('device roles and permissions (%s)', (name) => {
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

	async function pairAs(role: string, deviceName = `${role} tablet`): Promise<Session> {
		const device = (await pairDevice(s, owner, deviceName, role)) as Session & {
			accessRole: string;
		};
		expect(device.accessRole).toBe(role);
		return device;
	}
	const push = (who: Session, collection: string, rows: unknown[]) =>
		api<{ conflicts: Doc[]; error?: { code: string; path?: string } }>(
			s.url,
			'POST',
			salonPath(who.salonId, `${collection}/push`),
			{ token: who.token, body: { rows } }
		);
	const pullRaw = async (who: Session, collection = 'clients') => {
		const res = await fetch(`${s.url}${salonPath(who.salonId, `${collection}/pull`)}`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${who.token}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ checkpoint: null, limit: 100 })
		});
		const text = await res.text();
		return { text, body: JSON.parse(text) as PullBody };
	};
	const exportAs = (who: Session, body: unknown) =>
		api<{ ok?: boolean; error?: { code: string } }>(
			s.url,
			'POST',
			salonPath(who.salonId, 'exports'),
			{ token: who.token, body }
		);

	async function seedMaria(id = 'maria'): Promise<Doc> {
		const doc = clientDoc(id, s.now(), MARIA);
		expect(
			(await push(owner, 'clients', [{ assumedMasterState: null, newDocumentState: doc }])).body
		).toEqual({ conflicts: [] });
		return doc;
	}

	it('pairs a device with the role the owner chose and reports it in devices/me', async () => {
		const therapist = await pairAs('therapist');
		const me = await api<DeviceBody>(s.url, 'GET', salonPath(owner.salonId, 'devices/me'), {
			token: therapist.token
		});
		expect(me.body.device.accessRole).toBe('therapist');
		const mine = await api<DeviceBody>(s.url, 'GET', salonPath(owner.salonId, 'devices/me'), {
			token: owner.token
		});
		expect(mine.body.device.accessRole).toBe('owner');
		const bad = await api(s.url, 'POST', salonPath(owner.salonId, 'pairing-codes'), {
			token: owner.token,
			body: { role: 'no-such-role' }
		});
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ error: { code: 'unknown_role' } });
	});

	it('lets a manager change a device role (audited), and nobody else', async () => {
		const therapist = await pairAs('therapist');
		const reception = await pairAs('reception');
		const path = salonPath(owner.salonId, `devices/${therapist.deviceId}/role`);
		const refused = await api(s.url, 'POST', path, {
			token: reception.token,
			body: { role: 'owner' }
		});
		expect(refused.status).toBe(403);
		const own = await api(
			s.url,
			'POST',
			salonPath(owner.salonId, `devices/${owner.deviceId}/role`),
			{
				token: owner.token,
				body: { role: 'therapist' }
			}
		);
		expect(own.status).toBe(403);
		const changed = await api<DeviceBody>(s.url, 'POST', path, {
			token: owner.token,
			body: { role: 'reception' }
		});
		expect(changed.status).toBe(200);
		expect(changed.body.device.accessRole).toBe('reception');
		const me = await api<DeviceBody>(s.url, 'GET', salonPath(owner.salonId, 'devices/me'), {
			token: therapist.token
		});
		expect(me.body.device.accessRole).toBe('reception');
		const log = await s.storage.listAuditEvents(owner.salonId, { limit: 50 });
		expect(log.find((e) => e.kind === 'roleChange')?.detail).toMatchObject({
			targetDeviceId: therapist.deviceId,
			from: 'therapist',
			to: 'reception'
		});
	});

	it('refuses a therapist changing a contact field with 403 and writes nothing', async () => {
		await seedMaria();
		const therapist = await pairAs('therapist');
		const { body } = await pullRaw(therapist);
		const masked = body.documents[0] as Doc;
		const before = await s.storage.revisions(owner.salonId, 'clients', 'maria');
		const seqBefore = (await pullRaw(owner)).body.checkpoint.seq;
		const at = s.now();
		const edited = {
			...masked,
			phones: [{ e164: '+393470000000', raw: '347 000 0000', label: 'mobile' }],
			clock: { ...(masked.clock as object), phones: stamp(at, 'tab') },
			updatedAt: at
		};
		const res = await push(therapist, 'clients', [
			{ assumedMasterState: masked, newDocumentState: edited }
		]);
		expect(res.status).toBe(403);
		expect(res.body.error).toMatchObject({
			code: 'forbidden_field',
			path: 'rows.0.newDocumentState.phones'
		});
		const after = await pullRaw(owner);
		expect(after.body.checkpoint.seq).toBe(seqBefore);
		expect(after.body.documents[0]?.phones).toEqual(MARIA.phones);
		expect(await s.storage.revisions(owner.salonId, 'clients', 'maria')).toEqual(before);
	});

	it('refuses a therapist deleting a card, importing, and writing the roles setting', async () => {
		await seedMaria();
		const therapist = await pairAs('therapist');
		const reception = await pairAs('reception');
		const masked = (await pullRaw(therapist)).body.documents[0] as Doc;
		const del = await push(therapist, 'clients', [
			{
				assumedMasterState: masked,
				newDocumentState: {
					...clientDoc('maria', s.now()),
					firstName: '',
					lastName: '',
					sortName: '',
					createdBy: '',
					clock: { _deleted: stamp(s.now(), 'tab') },
					_deleted: true
				}
			}
		]);
		expect(del.status).toBe(403);
		expect(del.body.error?.path).toBe('rows.0.newDocumentState._deleted');
		const batch = {
			id: 'imp-1',
			importId: 'imp-1',
			part: 0,
			fileName: 'clients.csv',
			deviceId: therapist.deviceId,
			createdAt: s.now(),
			updatedAt: s.now(),
			status: 'committed',
			counts: { created: 0, filled: 0, skipped: 0, errors: 0 },
			createdIds: [],
			filled: [],
			_deleted: false
		};
		const imported = await push(therapist, 'imports', [
			{ assumedMasterState: null, newDocumentState: batch }
		]);
		expect(imported.status).toBe(403);
		expect(imported.body.error?.path).toBe('rows.0.newDocumentState');
		expect((await pullRaw(owner, 'imports')).body.documents).toEqual([]);
		// What an import filled into a contact field (kept for undo) reaches a therapist emptied.
		const filled = {
			...batch,
			deviceId: owner.deviceId,
			filled: [
				{
					id: 'c-9',
					field: 'phones',
					previous: '[]',
					value: '[{"e164":"+393339876543","raw":"333 9876543","label":"mobile"}]',
					clock: ''
				}
			]
		};
		const byOwnerImport = await push(owner, 'imports', [
			{ assumedMasterState: null, newDocumentState: filled }
		]);
		expect(byOwnerImport.body.conflicts).toEqual([]);
		const therapistImports = await pullRaw(therapist, 'imports');
		expect(therapistImports.body.documents).toHaveLength(1);
		expect(therapistImports.text).not.toContain('9876543');
		expect((await pullRaw(owner, 'imports')).text).toContain('9876543');
		const roles = {
			key: 'roles',
			value: [{ id: 'junior', name: 'Junior', permissions: ['seeContacts'] }],
			updatedAt: s.now(),
			_deleted: false
		};
		const bySetting = await push(reception, 'settings', [
			{ assumedMasterState: null, newDocumentState: roles }
		]);
		expect(bySetting.status).toBe(403);
		expect(bySetting.body.error?.code).toBe('forbidden');
		const byOwner = await push(owner, 'settings', [
			{ assumedMasterState: null, newDocumentState: roles }
		]);
		expect(byOwner.body.conflicts).toEqual([]);
		// The custom role now exists: a device can be paired with it.
		const junior = await pairAs('junior');
		expect(junior.deviceId).toBeTruthy();
	});

	it('never sends a therapist the raw contacts, and lets it edit a health field on the masked card', async () => {
		await seedMaria();
		const therapist = await pairAs('therapist');
		const { text, body } = await pullRaw(therapist);
		for (const secret of ['Rossi', '1234567', '333 123', 'maria.rossi', 'RSSMRA']) {
			expect(text).not.toContain(secret);
		}
		const masked = body.documents[0] as Doc;
		expect(masked.lastName).toBe('R.');
		expect(masked.phones).toEqual([{ e164: '', raw: '•••• 4567', label: 'mobile' }]);
		expect(masked.allergies).toEqual(['Nickel']);

		const at = s.now();
		const edited = {
			...masked,
			allergies: ['Nickel', 'Latex'],
			clock: { ...(masked.clock as object), allergies: stamp(at, 'tab') },
			updatedAt: at
		};
		const res = await push(therapist, 'clients', [
			{ assumedMasterState: masked, newDocumentState: edited }
		]);
		expect(res.status).toBe(200);
		expect(res.body.conflicts).toEqual([]);
		const full = (await pullRaw(owner)).body.documents[0] as Doc;
		expect(full.allergies).toEqual(['Nickel', 'Latex']);
		expect(full.lastName).toBe('Rossi');
		expect(full.phones).toEqual(MARIA.phones);
		expect(full.emails).toEqual(MARIA.emails);

		// A stale push gets the master back as a conflict, masked too.
		const stale = await push(therapist, 'clients', [
			{ assumedMasterState: masked, newDocumentState: { ...edited, note: 'stale' } }
		]);
		expect(stale.body.conflicts).toHaveLength(1);
		expect(JSON.stringify(stale.body)).not.toContain('Rossi');
		expect(stale.body.conflicts[0]?.allergies).toEqual(['Nickel', 'Latex']);
	});

	it('refuses a therapist export and accepts (and logs) a reception export', async () => {
		const therapist = await pairAs('therapist');
		const reception = await pairAs('reception');
		const refused = await exportAs(therapist, { scope: 'salon', format: 'csv', count: 3 });
		expect(refused.status).toBe(403);
		expect(refused.body.error?.code).toBe('forbidden');
		const accepted = await exportAs(reception, {
			scope: 'client',
			clientId: 'maria',
			format: 'json'
		});
		expect(accepted.status).toBe(201);
		const bad = await exportAs(reception, { scope: 'client', format: 'json' });
		expect(bad.status).toBe(400);
		const log = await s.storage.listAuditEvents(owner.salonId, { limit: 50 });
		const exports = log.filter((e) => e.kind === 'export');
		expect(exports).toHaveLength(1);
		expect(exports[0]).toMatchObject({
			deviceId: reception.deviceId,
			detail: { scope: 'client', clientId: 'maria', format: 'json' }
		});
	});
});
