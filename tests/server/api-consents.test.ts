// Signed consents on the sync server (issue 7 › 1): stored like any synced collection, the
// signature strokes intact; a record that breaks the consent rules is refused with its path and
// nothing of the request is written; a full push of the largest signatures fits the body limit.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	SIGNATURE_MAX_NUMBERS,
	SIGNATURE_MAX_STROKE_NUMBERS,
	SIGNATURE_MAX_SIZE
} from '../../src/lib/domain/consents.js';
import { MAX_BODY_BYTES, MAX_CONSENT_PUSH_ROWS } from '../../src/lib/domain/sync-protocol.js';
import { makeConsent } from '../fixtures/consents.js';
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

interface PullBody {
	documents: Array<Record<string, unknown>>;
	checkpoint: { seq: number };
}

const live = <T extends object>(doc: T) => ({ ...doc, _deleted: false });
const idOf = (n: number) => `0194a1b2-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe.each(BACKENDS)('consents (%s)', (name) => {
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

	const push = (who: Session, rows: unknown[]) =>
		api<{ conflicts?: unknown[]; error?: { code: string; path?: string } }>(
			s.url,
			'POST',
			salonPath(who.salonId, 'consents/push'),
			{ token: who.token, body: { rows } }
		);
	const pull = (who: Session) =>
		api<PullBody>(s.url, 'POST', salonPath(who.salonId, 'consents/pull'), {
			token: who.token,
			body: { checkpoint: null, limit: 100 }
		});

	it('a consent signed on a therapist tablet reaches reception with its signature', async () => {
		const tablet = await pairDevice(s, owner, 'Tablet cabina 1', 'therapist');
		const desk = await pairDevice(s, owner, 'Reception', 'reception');
		const signed = live(makeConsent({ id: idOf(1), deviceId: 'tablet', staffId: 'staff-giulia' }));
		const res = await push(tablet, [{ assumedMasterState: null, newDocumentState: signed }]);
		expect(res.status).toBe(200);
		expect(res.body.conflicts).toEqual([]);
		expect((await pull(desk)).body.documents).toEqual([signed]);
	});

	it('refuses an unsigned record and a withdrawal that grants; nothing is written', async () => {
		const ok = live(makeConsent({ id: idOf(2) }));
		const unsigned = live(
			makeConsent({ id: idOf(3), signature: { width: 600, height: 200, strokes: [] } })
		);
		const res = await push(owner, [
			{ assumedMasterState: null, newDocumentState: ok },
			{ assumedMasterState: null, newDocumentState: unsigned }
		]);
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({ path: 'rows.1.newDocumentState.choices' });
		const grants = live(makeConsent({ id: idOf(4), kind: 'withdrawn' }));
		const res2 = await push(owner, [{ assumedMasterState: null, newDocumentState: grants }]);
		expect(res2.status).toBe(400);
		expect((await pull(owner)).body.documents).toEqual([]);
	});

	it('a full push of the largest signatures fits the body limit; one row more is refused', async () => {
		const strokes = Array.from(
			{ length: SIGNATURE_MAX_NUMBERS / SIGNATURE_MAX_STROKE_NUMBERS },
			() => Array<number>(SIGNATURE_MAX_STROKE_NUMBERS).fill(SIGNATURE_MAX_SIZE - 1)
		);
		const rows = Array.from({ length: MAX_CONSENT_PUSH_ROWS + 1 }, (_, i) => ({
			assumedMasterState: null,
			newDocumentState: live(
				makeConsent({
					id: idOf(100 + i),
					signature: { width: SIGNATURE_MAX_SIZE, height: SIGNATURE_MAX_SIZE, strokes }
				})
			)
		}));
		const full = rows.slice(0, MAX_CONSENT_PUSH_ROWS);
		expect(JSON.stringify({ rows: full }).length).toBeLessThan(MAX_BODY_BYTES);
		const res = await push(owner, full);
		expect(res.status).toBe(200);
		expect((await pull(owner)).body.documents).toHaveLength(MAX_CONSENT_PUSH_ROWS);
		expect((await push(owner, rows)).status).toBe(400);
	});
});
