// The assumed master state of a push row is validated by comparing it with the stored master,
// and by zod only when it differs (routes/push-body.ts): these check that the answers are the
// ones full validation gave — a malformed assumed state is a 400 naming it and nothing of the
// push is stored, a state zod normalises (a name with spaces around it) still matches.
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
	type TestServer
} from './support/api.js';

describe.each(BACKENDS)('push: the assumed master state (%s)', (name) => {
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

	const push = (collection: string, rows: unknown[]) =>
		api<{ conflicts: unknown[]; error?: { code: string; path?: string } }>(
			s.url,
			'POST',
			salonPath(owner.salonId, `${collection}/push`),
			{ token: owner.token, body: { rows } }
		);
	const pull = async (collection: string) =>
		(
			await api<{ documents: Array<Record<string, unknown>> }>(
				s.url,
				'POST',
				salonPath(owner.salonId, `${collection}/pull`),
				{ token: owner.token, body: { checkpoint: null, limit: 100 } }
			)
		).body.documents;

	const edited = (doc: Record<string, unknown>, firstName: string) => ({
		...doc,
		firstName,
		updatedAt: s.now() + 1,
		clock: { ...(doc.clock as object), firstName: stamp(s.now() + 1) }
	});

	it('accepts an assumed state equal to the master in any key order, without re-validating it', async () => {
		const v1 = clientDoc('c-1', s.now());
		expect(
			(await push('clients', [{ assumedMasterState: null, newDocumentState: v1 }])).status
		).toBe(200);
		const reordered = Object.fromEntries(Object.entries(v1).reverse());
		const res = await push('clients', [
			{ assumedMasterState: reordered, newDocumentState: edited(v1, 'Marta') }
		]);
		expect(res.status).toBe(200);
		expect(res.body.conflicts).toEqual([]);
		expect((await pull('clients'))[0]?.firstName).toBe('Marta');
	});

	it('a malformed assumed state that is not the master is a 400 naming it; nothing of the push is stored', async () => {
		const a = clientDoc('c-a', s.now());
		const b = clientDoc('c-b', s.now());
		await push('clients', [
			{ assumedMasterState: null, newDocumentState: a },
			{ assumedMasterState: null, newDocumentState: b }
		]);
		const res = await push('clients', [
			{ assumedMasterState: a, newDocumentState: edited(a, 'Anna') },
			{ assumedMasterState: { ...b, firstName: 42 }, newDocumentState: edited(b, 'Bea') }
		]);
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({
			code: 'bad_request',
			path: 'rows.1.assumedMasterState.firstName'
		});
		// The first row's accepted edit was taken back with the push.
		const names = (await pull('clients')).map((d) => d.firstName);
		expect(names).toEqual(['Maria', 'Maria']);
	});

	it('a malformed assumed state where there is no master yet is a 400 too', async () => {
		const doc = clientDoc('c-new', s.now());
		const res = await push('clients', [
			{ assumedMasterState: { ...doc, unknownKey: 1 }, newDocumentState: doc }
		]);
		expect(res.status).toBe(400);
		expect(res.body.error?.path).toBe('rows.0.assumedMasterState.unknownKey');
		expect(await pull('clients')).toEqual([]);
	});

	it('a well-formed assumed state that is not the master is a conflict with the master', async () => {
		const v1 = clientDoc('c-2', s.now());
		await push('clients', [{ assumedMasterState: null, newDocumentState: v1 }]);
		const stale = { ...v1, firstName: 'Old' };
		const res = await push('clients', [
			{ assumedMasterState: stale, newDocumentState: edited(v1, 'New') }
		]);
		expect(res.status).toBe(200);
		expect(res.body.conflicts).toEqual([v1]);
	});

	it('an assumed state zod normalises to the master still matches (catalog names are trimmed)', async () => {
		const at = s.now();
		const item = {
			id: 'svc-1',
			kind: 'service',
			name: '  Piega  ',
			price: 2500,
			active: true,
			createdAt: at,
			updatedAt: at,
			_deleted: false
		};
		expect(
			(await push('catalog', [{ assumedMasterState: null, newDocumentState: item }])).status
		).toBe(200);
		expect((await pull('catalog'))[0]?.name).toBe('Piega');
		// The device still holds what it pushed, spaces included, as the master it assumes.
		const res = await push('catalog', [
			{ assumedMasterState: item, newDocumentState: { ...item, price: 2800, updatedAt: at + 1 } }
		]);
		expect(res.status).toBe(200);
		expect(res.body.conflicts).toEqual([]);
		expect((await pull('catalog'))[0]?.price).toBe(2800);
	});

	it('a body that is wrong elsewhere names the same first problem as before', async () => {
		const doc = clientDoc('c-3', s.now());
		const res = await push('clients', [{ assumedMasterState: 'nope', newDocumentState: doc }]);
		expect(res.status).toBe(400);
		expect(res.body.error?.path).toBe('rows.0.assumedMasterState');
		const other = await push('clients', [
			{ assumedMasterState: { ...doc, id: 'c-other' }, newDocumentState: doc }
		]);
		expect(other.status).toBe(400);
		expect(other.body.error?.path).toBe('rows.0.assumedMasterState.id');
	});
});
