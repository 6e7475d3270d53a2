// POST /api/v1/salons/:salonId/clients/:clientId/erase on both databases: only a role with the
// `erase` permission may call it; it erases the whole merged group with what is attached, pings
// every stream, and from then on a stale device's push of the client or of a note about her is a
// conflict carrying the tombstone, with nothing written.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isErasedClient } from '../../src/lib/domain/erasure.js';
import { makeNote, stampAt } from '../fixtures/notes-files.js';
import {
	api,
	BACKENDS,
	clientDoc,
	createSalon,
	makeBackend,
	pairDevice,
	salonPath,
	startServer,
	type Backend,
	type Session,
	type TestServer
} from './support/api.js';
import { openStream } from './support/sse.js';

type Doc = Record<string, unknown>;
interface PushBody {
	conflicts: Doc[];
	error?: { code: string; path?: string };
}

describe.each(BACKENDS)('client erasure endpoint (%s)', (name) => {
	let backend: Backend;
	let s: TestServer;
	let owner: Session;
	let tablet: Session;

	beforeAll(async () => {
		backend = await makeBackend(name);
	});
	afterAll(async () => backend?.dispose());
	beforeEach(async () => {
		s = await startServer(await backend.open(), { RATE_LIMIT_PER_SECOND: '1000' });
		owner = await createSalon(s);
		tablet = await pairDevice(s, owner, 'Tablet cabina 2');
	});
	afterEach(async () => s?.stop());

	const push = (who: Session, collection: string, rows: unknown[]) =>
		api<PushBody>(s.url, 'POST', salonPath(who.salonId, `${collection}/push`), {
			token: who.token,
			body: { rows }
		});
	const pull = async (who: Session, collection: string) =>
		(
			await api<{ documents: Doc[] }>(s.url, 'POST', salonPath(who.salonId, `${collection}/pull`), {
				token: who.token,
				body: { checkpoint: null, limit: 100 }
			})
		).body.documents;
	const erase = (who: Session, clientId: string, body: unknown) =>
		api<{ erased?: string[]; documents?: number; error?: { code: string; path?: string } }>(
			s.url,
			'POST',
			salonPath(who.salonId, `clients/${clientId}/erase`),
			{ token: who.token, body }
		);

	/** Maria's card and her duplicate, a note on the card, both seen by the tablet. */
	async function seed() {
		const at = s.now();
		const maria = clientDoc('c1', at, {
			phones: [{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' }]
		});
		const twin = clientDoc('c2', at, { firstName: 'Maria', lastName: 'Rossi' });
		expect(
			(
				await push(
					owner,
					'clients',
					[maria, twin].map((d) => ({ assumedMasterState: null, newDocumentState: d }))
				)
			).body.conflicts
		).toEqual([]);
		const note = {
			...makeNote({
				id: 'n1',
				clientId: 'c1',
				createdAt: at,
				clock: { created: stampAt(at), pin: '' }
			}),
			_deleted: false
		};
		expect(
			(await push(tablet, 'notes', [{ assumedMasterState: null, newDocumentState: note }])).body
				.conflicts
		).toEqual([]);
		return { maria, twin, note };
	}

	/** A device paired with a code for `role`. */
	const pairAs = (role: string): Promise<Session> => pairDevice(s, owner, `${role} device`, role);

	it('a device whose role may not erase gets 403 and nothing changes', async () => {
		const { maria } = await seed();
		const therapist = await pairAs('therapist');
		const reception = await pairAs('reception');
		for (const device of [tablet, therapist, reception]) {
			const refused = await erase(device, 'c1', { clientIds: ['c1', 'c2'], confirm: true });
			expect(refused.status).toBe(403);
			expect(refused.body.error?.code).toBe('forbidden');
		}
		expect((await pull(owner, 'clients')).find((d) => d.id === 'c1')).toEqual(maria);
		expect(await s.storage.isErased(owner.salonId, 'c1')).toBe(false);
		expect(
			await s.storage.listAuditEvents(owner.salonId, { limit: 10, kinds: ['erasure'] })
		).toEqual([]);
	});

	it('refuses a request without confirmation or without the card in the group', async () => {
		await seed();
		const unconfirmed = await erase(owner, 'c1', { clientIds: ['c1'] });
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.body.error?.path).toBe('confirm');
		const elsewhere = await erase(owner, 'c1', { clientIds: ['c2'], confirm: true });
		expect(elsewhere.status).toBe(400);
		expect(elsewhere.body.error?.path).toBe('clientIds');
		expect(await s.storage.isErased(owner.salonId, 'c2')).toBe(false);
	});

	it('the owner erases the group; streams are pinged; stale pushes are refused', async () => {
		const { maria, note } = await seed();
		const stream = await openStream(s, tablet);
		await stream.next('resync');
		const done = await erase(owner, 'c1', { clientIds: ['c1', 'c2'], confirm: true });
		expect(done.status).toBe(200);
		expect(done.body).toEqual({ erased: ['c1', 'c2'], documents: 3 });
		const ping = await stream.next('change');
		expect(JSON.parse(ping.data).collections).toEqual(expect.arrayContaining(['clients']));
		await stream.cancel();

		const cards = await pull(tablet, 'clients');
		const tombstone = cards.find((d) => d.id === 'c1')!;
		expect(isErasedClient(tombstone)).toBe(true);
		expect(JSON.stringify(cards)).not.toContain('Rossi');
		expect(await s.storage.revisions(owner.salonId, 'clients', 'c1')).toEqual([]);
		// The owner's log records the erasure with ids and counts, never a name.
		const [event] = await s.storage.listAuditEvents(owner.salonId, {
			limit: 10,
			kinds: ['erasure']
		});
		expect(event).toMatchObject({
			kind: 'erasure',
			deviceId: owner.deviceId,
			detail: { clientIds: ['c1', 'c2'], documents: 3 }
		});
		expect(JSON.stringify(event)).not.toContain('Rossi');

		// The tablet was offline: it edited the card and wrote a new note about her.
		const edited = { ...maria, firstName: 'Mariella' };
		const stale = await push(tablet, 'clients', [
			{ assumedMasterState: maria, newDocumentState: edited }
		]);
		expect(stale.status).toBe(200);
		expect(stale.body.conflicts).toEqual([tombstone]);
		const fresh = await push(tablet, 'clients', [
			{ assumedMasterState: null, newDocumentState: edited }
		]);
		expect(fresh.body.conflicts).toEqual([tombstone]);
		const late = { ...note, id: 'n2', text: 'Written offline' };
		const lateNote = await push(tablet, 'notes', [
			{ assumedMasterState: null, newDocumentState: late }
		]);
		expect(lateNote.body.conflicts).toEqual([{ ...late, text: '', author: '', _deleted: true }]);
		const notes = await pull(owner, 'notes');
		expect(JSON.stringify(notes)).not.toContain('Written offline');
		expect(notes.every((n) => n._deleted === true)).toBe(true);
		expect((await pull(owner, 'clients')).find((d) => d.id === 'c1')).toEqual(tombstone);
	});
});
