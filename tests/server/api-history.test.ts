// The revision log with values (issue 7): every accepted card revision keeps its old and new
// values and its staff member; `GET …/clients/:id/history` serves them (masked for a role that
// may not see them); imports and merge links leave events in the owner's log.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/lib/domain/audit.js';
import type { HistoryResponse } from '../../src/lib/domain/history.js';
import { linkIdOf } from '../../src/lib/domain/link-schema.js';
import {
	api,
	BACKENDS,
	clientDoc,
	createSalon,
	makeBackend,
	pairDevice,
	salonPath,
	stamp,
	startServer,
	type Backend,
	type Session,
	type TestServer
} from './support/api.js';

describe.each(BACKENDS)('field history and push audit (%s)', (name) => {
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

	const push = (who: Session, collection: string, rows: unknown[]) =>
		api<{ conflicts: unknown[] }>(s.url, 'POST', salonPath(who.salonId, `${collection}/push`), {
			token: who.token,
			body: { rows }
		});
	const history = (who: Session, clientId: string, query = '') =>
		api<HistoryResponse>(
			s.url,
			'GET',
			salonPath(who.salonId, `clients/${encodeURIComponent(clientId)}/history${query}`),
			{ token: who.token }
		);
	const auditKinds = async () =>
		(
			await api<AuditPage>(
				s.url,
				'GET',
				salonPath(owner.salonId, 'audit?kind=import&kind=merge&kind=unmerge'),
				{
					token: owner.token
				}
			)
		).body.events;

	/** A card created, then edited: last name, phones and allergies change. */
	async function editedCard(id: string) {
		const at = s.now();
		const v1 = clientDoc(id, at, {
			lastName: 'Rossi',
			phones: [{ e164: '+393331234567', raw: '333 123 4567', label: 'mobile' }],
			allergies: ['nickel']
		});
		const v2 = {
			...v1,
			lastName: 'Bianchi',
			sortName: 'bianchi maria',
			phones: [{ e164: '+393339876543', raw: '333 987 6543', label: 'mobile' }],
			allergies: ['nickel', 'latex'],
			updatedAt: at + 1,
			clock: {
				...(v1.clock as object),
				lastName: stamp(at + 1),
				phones: stamp(at + 1),
				allergies: stamp(at + 1)
			}
		};
		expect(
			(await push(owner, 'clients', [{ assumedMasterState: null, newDocumentState: v1 }])).status
		).toBe(200);
		expect(
			(await push(owner, 'clients', [{ assumedMasterState: v1, newDocumentState: v2 }])).status
		).toBe(200);
		return { v1, v2 };
	}

	it('keeps the old and new value of every changed field, with device and time', async () => {
		await editedCard('card-1');
		const res = await history(owner, 'card-1');
		expect(res.status).toBe(200);
		const [created, edited] = res.body.entries;
		expect(res.body.entries).toHaveLength(2);
		expect(created).toMatchObject({ clientId: 'card-1', created: true, deleted: false });
		expect(created!.changes.find((c) => c.field === 'firstName')).toEqual({
			field: 'firstName',
			old: null,
			new: 'Maria',
			omitted: false,
			masked: false
		});
		expect(edited).toMatchObject({
			clientId: 'card-1',
			created: false,
			deleted: false,
			at: s.now(),
			deviceId: owner.deviceId,
			deviceName: 'Reception PC',
			staffId: null
		});
		expect(edited!.changes).toEqual([
			{
				field: 'allergies',
				old: ['nickel'],
				new: ['nickel', 'latex'],
				omitted: false,
				masked: false
			},
			{ field: 'lastName', old: 'Rossi', new: 'Bianchi', omitted: false, masked: false },
			{
				field: 'phones',
				old: [{ e164: '+393331234567', raw: '333 123 4567', label: 'mobile' }],
				new: [{ e164: '+393339876543', raw: '333 987 6543', label: 'mobile' }],
				omitted: false,
				masked: false
			}
		]);
		// The stored revision carries them too (what erasure purges).
		const revs = await s.storage.revisions(owner.salonId, 'clients', 'card-1');
		expect(revs.at(-1)?.changes.lastName).toEqual({ old: 'Rossi', new: 'Bianchi' });
	});

	it('masks contact values for a therapist-role device, and shows it the health data', async () => {
		await editedCard('card-2');
		const tablet = await pairDevice(s, owner, 'Tablet cabina 2', 'therapist');
		const res = await history(tablet, 'card-2');
		expect(res.status).toBe(200);
		const edited = res.body.entries.at(-1)!;
		const byField = Object.fromEntries(edited.changes.map((c) => [c.field, c]));
		expect(byField.lastName).toMatchObject({ old: 'R.', new: 'B.', masked: true });
		expect(byField.phones).toMatchObject({
			old: [{ e164: '', raw: '•••• 4567', label: 'mobile' }],
			new: [{ e164: '', raw: '•••• 6543', label: 'mobile' }],
			masked: true
		});
		expect(byField.allergies).toMatchObject({
			old: ['nickel'],
			new: ['nickel', 'latex'],
			masked: false
		});
		// Reception sees contacts as they are.
		const reception = await pairDevice(s, owner, 'Reception tablet', 'reception');
		const unmasked = (await history(reception, 'card-2')).body.entries.at(-1)!;
		expect(unmasked.changes.find((c) => c.field === 'lastName')).toMatchObject({
			old: 'Rossi',
			new: 'Bianchi',
			masked: false
		});
		const body = JSON.stringify(res.body);
		for (const secret of ['Rossi', 'Bianchi', '1234567', '9876543'])
			expect(body).not.toContain(secret);
	});

	it('adds the history of cards merged into the card when the app names them', async () => {
		await editedCard('card-3');
		await editedCard('card-4');
		const alone = await history(owner, 'card-3');
		expect(new Set(alone.body.entries.map((e) => e.clientId))).toEqual(new Set(['card-3']));
		const merged = await history(owner, 'card-3', '?merged=card-4');
		expect(merged.body.entries.map((e) => e.clientId)).toEqual([
			'card-3',
			'card-3',
			'card-4',
			'card-4'
		]);
		expect(merged.body.entries.map((e) => e.seq)).toEqual(
			[...merged.body.entries.map((e) => e.seq)].sort((a, b) => a - b)
		);
		expect((await history(owner, 'card-3', '?other=1')).status).toBe(400);
		expect((await history(owner, 'card-3', '?merged=a%2Fb')).status).toBe(400);
		expect((await history(owner, 'no-such-card')).body.entries).toEqual([]);
	});

	it('records merge and unmerge events with the staff member, and the revision of the link', async () => {
		const at = s.now();
		const link = {
			id: linkIdOf('card-a', 'card-b'),
			a: 'card-a',
			b: 'card-b',
			kind: 'merge',
			undone: false,
			by: owner.deviceId,
			staff: 'staff-anna',
			at,
			clock: { state: stamp(at) },
			origin: 'manual',
			choices: {},
			_deleted: false
		};
		const undone = { ...link, undone: true, at: at + 1, clock: { state: stamp(at + 1) } };
		expect(
			(await push(owner, 'links', [{ assumedMasterState: null, newDocumentState: link }])).status
		).toBe(200);
		expect(
			(await push(owner, 'links', [{ assumedMasterState: link, newDocumentState: undone }])).status
		).toBe(200);
		const events = await auditKinds();
		expect(events.map((e) => [e.kind, e.staffId, e.deviceId, e.detail])).toEqual([
			[
				'unmerge',
				'staff-anna',
				owner.deviceId,
				{ linkId: link.id, clientIds: ['card-a', 'card-b'], origin: 'manual' }
			],
			[
				'merge',
				'staff-anna',
				owner.deviceId,
				{ linkId: link.id, clientIds: ['card-a', 'card-b'], origin: 'manual' }
			]
		]);
		const revs = await s.storage.revisions(owner.salonId, 'links', link.id);
		expect(revs.map((r) => [r.staffId, r.changes.undone])).toEqual([
			['staff-anna', { old: null, new: false }],
			['staff-anna', { old: false, new: true }]
		]);
	});

	it('records an import when its batch is committed, with counts and no personal data', async () => {
		const at = s.now();
		const header = {
			id: 'imp-1',
			importId: 'imp-1',
			part: 0,
			fileName: 'clienti Maria Rossi.csv',
			deviceId: owner.deviceId,
			createdAt: at,
			updatedAt: at,
			status: 'pending',
			counts: { created: 2, filled: 1, skipped: 0, errors: 0 },
			createdIds: ['c1', 'c2'],
			filled: [],
			_deleted: false
		};
		const committed = { ...header, status: 'committed', updatedAt: at + 1 };
		await push(owner, 'imports', [{ assumedMasterState: null, newDocumentState: header }]);
		expect(await auditKinds()).toEqual([]);
		await push(owner, 'imports', [{ assumedMasterState: header, newDocumentState: committed }]);
		const events = await auditKinds();
		expect(events.map((e) => [e.kind, e.deviceId, e.detail])).toEqual([
			[
				'import',
				owner.deviceId,
				{ importId: 'imp-1', status: 'committed', created: 2, filled: 1, skipped: 0, errors: 0 }
			]
		]);
		expect(JSON.stringify(events)).not.toContain('Rossi');
	});
});
