// The wire protocol's schemas accept what the app sends and refuse the rest with the path of the
// first problem, which the server returns as `error.path` in its 400.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { emptyClientFields } from '../../src/lib/domain/client';
import { HybridClock } from '../../src/lib/domain/hlc';
import { toTombstone } from '../../src/lib/domain/merge';
import { makeConsent } from '../fixtures/consents';
import { stampWrite } from '../../src/lib/domain/stamp';
import {
	ERROR_CODES,
	ERROR_STATUS,
	MAX_BOOTSTRAP_PULL_LIMIT,
	MAX_PULL_LIMIT,
	MAX_PUSH_ROWS,
	SYNCED_COLLECTIONS,
	badRequestBody,
	canonicalJson,
	checkpointSchema,
	createSalonRequestSchema,
	deviceSchema,
	documentSchemaFor,
	errorBodySchema,
	normalizePairingCode,
	pairRequestSchema,
	primaryKeyOf,
	pullRequestSchema,
	pullResponseSchemaFor,
	pushRequestSchemaFor,
	pushResponseSchemaFor
} from '../../src/lib/domain/sync-protocol';
import { makeVisit } from '../fixtures/visits';
import { makeFile, makeNote } from '../fixtures/notes-files';
import { makeStaff } from '../fixtures/staff';

const clock = new HybridClock('tablet', () => 1_763_942_400_000);

function liveClient(): Record<string, unknown> {
	const fields = { ...emptyClientFields(), firstName: 'Maria', lastName: 'Rossi', tags: ['vip'] };
	const s = stampWrite(null, fields, clock.tick());
	return {
		...s.fields,
		id: '0194a1b2-0000-7000-8000-000000000001',
		sortName: 'rossi maria',
		createdAt: 1,
		createdBy: 'Giulia',
		updatedAt: 2,
		clock: s.clock,
		sets: s.sets,
		_deleted: false
	};
}

const docs = {
	clients: liveClient,
	categories: () => ({ id: 'k1', name: 'VIP', color: '#aa00ff', createdAt: 1, _deleted: false }),
	sources: () => ({ id: 's1', name: 'Instagram', createdAt: 1, _deleted: false }),
	settings: () => ({ key: 'salonName', value: 'Bella', updatedAt: 3, _deleted: false }),
	imports: () => ({
		id: 'i1',
		importId: 'i1',
		part: 0,
		fileName: 'clienti.csv',
		deviceId: 'tablet',
		createdAt: 1,
		updatedAt: 2,
		status: 'committed',
		counts: { created: 1, filled: 0, skipped: 0, errors: 0 },
		createdIds: ['0194a1b2-0000-7000-8000-000000000001'],
		filled: [],
		_deleted: false
	}),
	links: () => ({
		id: 'c1~c2',
		a: 'c1',
		b: 'c2',
		kind: 'merge',
		undone: false,
		by: 'tablet',
		staff: '',
		at: 4,
		clock: { state: clock.tick() },
		origin: 'auto',
		choices: { note: 'allergic to latex' },
		_deleted: false
	}),
	visits: () => ({
		...makeVisit({ note: 'Colore 7.4', services: [{ itemId: 'c1', name: 'Colore', price: 5500 }] }),
		clock: { note: clock.tick() },
		_deleted: false
	}),
	catalog: () => ({
		id: 'c1',
		kind: 'service',
		name: 'Colore',
		price: 5500,
		active: true,
		createdAt: 1,
		updatedAt: 2,
		_deleted: false
	}),
	notes: () => ({ ...makeNote(), _deleted: false }),
	files: () => ({ ...makeFile(), _deleted: false }),
	consents: () => ({ ...makeConsent(), _deleted: false }),
	staff: () => ({ ...makeStaff({ name: 'Giulia' }), _deleted: false })
};

/** What a delete leaves: notes lose their text and pin, files their name and bytes. */
const emptiedOnDelete: Record<string, Record<string, unknown>> = {
	notes: { text: '', pinned: false },
	files: { name: '', data: '', thumb: '' },
	consents: { signerName: '', choices: [], signature: { width: 0, height: 0, strokes: [] } }
};

/** The error path the server would answer for `body`, or null when it is accepted. */
function pathOf(schema: z.ZodType, body: unknown): string | null {
	const r = schema.safeParse(body);
	return r.success ? null : (badRequestBody(r.error).error.path ?? '');
}

function nested(depth: number): unknown {
	let v: unknown = 'x';
	for (let i = 0; i < depth; i++) v = { v };
	return v;
}

describe('documents', () => {
	it.each(SYNCED_COLLECTIONS)('%s: accepts a live document and its tombstone', (c) => {
		const schema = documentSchemaFor(c);
		expect(pathOf(schema, docs[c]())).toBeNull();
		const tombstone =
			c === 'clients'
				? toTombstone(liveClient() as never, clock.tick(), 5)
				: { ...docs[c](), ...emptiedOnDelete[c], _deleted: true };
		expect(pathOf(schema, tombstone)).toBeNull();
	});

	it.each(SYNCED_COLLECTIONS)('%s: refuses a missing _deleted, extra and missing fields', (c) => {
		const schema = documentSchemaFor(c);
		const pk = primaryKeyOf(c);
		const { _deleted: _d, ...noFlag } = docs[c]();
		expect(pathOf(schema, noFlag)).toBe('_deleted');
		expect(pathOf(schema, { ...docs[c](), _rev: '1-abc' })).toBe('_rev');
		const { [pk]: _k, ...noKey } = docs[c]() as Record<string, unknown>;
		expect(pathOf(schema, noKey)).toBe(pk);
	});

	it('links: the id must be the ordered pair; choices are scalar client fields', () => {
		const schema = documentSchemaFor('links');
		expect(pathOf(schema, { ...docs.links(), id: 'c2~c1' })).toBe('id');
		expect(pathOf(schema, { ...docs.links(), a: 'c2', b: 'c1', id: 'c2~c1' })).toBe('id');
		expect(pathOf(schema, { ...docs.links(), choices: { phones: [] } })).toBe('choices.phones');
		expect(pathOf(schema, { ...docs.links(), choices: { note: 'x'.repeat(5001) } })).toBe(
			'choices.note'
		);
		expect(pathOf(schema, { ...docs.links(), kind: 'other' })).toBe('kind');
	});

	it('clients: wrong types, huge strings and deep nesting fail at their field', () => {
		const schema = documentSchemaFor('clients');
		expect(pathOf(schema, { ...liveClient(), firstName: 42 })).toBe('firstName');
		expect(pathOf(schema, { ...liveClient(), note: 'x'.repeat(5001) })).toBe('note');
		expect(pathOf(schema, { ...liveClient(), customFields: { shoe: nested(50) } })).toBe(
			'customFields.shoe'
		);
		expect(pathOf(schema, { ...liveClient(), clock: { ['k'.repeat(65)]: 'x' } })).toBe(
			`clock.${'k'.repeat(65)}`
		);
		expect(pathOf(schema, { ...liveClient(), firstName: '', lastName: '' })).toBe('lastName');
		// …unless a delete erased the name and a later edit revived the card (merge.ts).
		const live = liveClient();
		const clock = { ...(live.clock as object), _deleted: '1763942400000-0000-x' };
		const revived = { ...live, firstName: '', lastName: '', clock };
		expect(pathOf(schema, revived)).toBeNull();
		expect(pathOf(schema, { ...liveClient(), tags: ['a', 7] })).toBe('tags.1');
	});

	it('clients: a tombstone holding personal data or set metadata is refused', () => {
		const schema = documentSchemaFor('clients');
		const tombstone = toTombstone(liveClient() as never, clock.tick(), 5);
		expect(pathOf(schema, { ...tombstone, firstName: 'Maria' })).toBe('firstName');
		expect(
			pathOf(schema, { ...tombstone, phones: [{ e164: '+39', raw: '', label: 'home' }] })
		).toBe('phones');
		expect(pathOf(schema, { ...tombstone, sortName: 'rossi maria' })).toBe('sortName');
		// The creator (a staff id) is bookkeeping, kept by tombstones (merge.ts).
		expect(schema.safeParse({ ...tombstone, createdBy: 'staff-1' }).success).toBe(true);
		expect(pathOf(schema, { ...tombstone, sets: liveClient().sets })).toBe('sets');
	});

	it('settings: a known key must hold a valid value; any value is bounded in depth and size', () => {
		const schema = documentSchemaFor('settings');
		const base = docs.settings();
		expect(pathOf(schema, { ...base, key: 'locale', value: 'fr' })).toBe('value');
		expect(pathOf(schema, { ...base, key: 'locale', value: 'pt' })).toBeNull();
		expect(pathOf(schema, { ...base, key: 'futureKey', value: { a: [1, 2] } })).toBeNull();
		expect(pathOf(schema, { ...base, key: 'futureKey', value: nested(20) })).toBe('value');
		expect(pathOf(schema, { ...base, key: 'futureKey', value: 'x'.repeat(10_001) })).toBe('value');
		expect(pathOf(schema, { ...base, key: 'k'.repeat(41) })).toBe('key');
	});
});

describe('pull and push bodies', () => {
	it('pull request: checkpoint null or {seq}, limit within bounds', () => {
		expect(pathOf(pullRequestSchema, { checkpoint: null, limit: 100 })).toBeNull();
		expect(
			pathOf(pullRequestSchema, { checkpoint: { seq: 12 }, limit: MAX_PULL_LIMIT })
		).toBeNull();
		expect(pathOf(pullRequestSchema, { checkpoint: { seq: -1 }, limit: 1 })).toBe('checkpoint.seq');
		expect(pathOf(pullRequestSchema, { checkpoint: { seq: 1.5 }, limit: 1 })).toBe(
			'checkpoint.seq'
		);
		// A first sync asks for larger pages (bootstrap.ts); an older server refused above MAX_PULL_LIMIT.
		expect(
			pathOf(pullRequestSchema, { checkpoint: null, limit: MAX_BOOTSTRAP_PULL_LIMIT })
		).toBeNull();
		expect(
			pathOf(pullRequestSchema, { checkpoint: null, limit: MAX_BOOTSTRAP_PULL_LIMIT + 1 })
		).toBe('limit');
		expect(MAX_BOOTSTRAP_PULL_LIMIT).toBeGreaterThan(MAX_PULL_LIMIT);
		expect(pathOf(pullRequestSchema, { checkpoint: null, limit: 0 })).toBe('limit');
		expect(pathOf(pullRequestSchema, { limit: 1 })).toBe('checkpoint');
		expect(checkpointSchema.parse(null)).toBeNull();
	});

	it('pull response carries documents and the next checkpoint', () => {
		const schema = pullResponseSchemaFor('clients');
		expect(pathOf(schema, { documents: [liveClient()], checkpoint: { seq: 7 } })).toBeNull();
		expect(pathOf(schema, { documents: [], checkpoint: null })).toBe('checkpoint');
	});

	it('push request: 1..MAX_PUSH_ROWS rows, paths point into the row', () => {
		const schema = pushRequestSchemaFor('clients');
		const row = { assumedMasterState: null, newDocumentState: liveClient() };
		expect(pathOf(schema, { rows: [row] })).toBeNull();
		expect(pathOf(schema, { rows: [] })).toBe('rows');
		expect(pathOf(schema, { rows: Array.from({ length: MAX_PUSH_ROWS + 1 }, () => row) })).toBe(
			'rows'
		);
		expect(
			pathOf(schema, {
				rows: [row, { ...row, newDocumentState: { ...liveClient(), firstName: 3 } }]
			})
		).toBe('rows.1.newDocumentState.firstName');
		expect(pathOf(schema, { rows: [{ ...row, extra: 1 }] })).toBe('rows.0.extra');
		expect(pathOf(schema, { rows: [{ newDocumentState: liveClient() }] })).toBe(
			'rows.0.assumedMasterState'
		);
		const other = { ...liveClient(), id: 'another' };
		expect(
			pathOf(schema, { rows: [{ assumedMasterState: other, newDocumentState: liveClient() }] })
		).toBe('rows.0.assumedMasterState.id');
		expect(pathOf(schema, [row])).toBe('');
	});

	it('push response lists conflicts as documents', () => {
		const schema = pushResponseSchemaFor('settings');
		expect(pathOf(schema, { conflicts: [docs.settings()] })).toBeNull();
		expect(pathOf(schema, { conflicts: [{ key: 'x' }] })).toBe('conflicts.0._deleted');
	});
});

describe('pairing, devices and errors', () => {
	it('create-salon and pair bodies are bounded; pairing codes are normalised', () => {
		expect(
			pathOf(createSalonRequestSchema, { salonName: 'Bella', deviceName: 'Cassa' })
		).toBeNull();
		expect(pathOf(createSalonRequestSchema, { salonName: '', deviceName: 'Cassa' })).toBe(
			'salonName'
		);
		expect(pathOf(createSalonRequestSchema, { salonName: 'x'.repeat(201), deviceName: 'C' })).toBe(
			'salonName'
		);
		expect(normalizePairingCode(' k7mq-4xz9o1 ')).toBe('K7MQ-4XZ901');
		expect(normalizePairingCode('abcdil0000')).toBe('ABCD-110000');
		expect(pairRequestSchema.parse({ code: 'k7mq4xz9o1', deviceName: 'Tablet' }).code).toBe(
			'K7MQ-4XZ901'
		);
		expect(pathOf(pairRequestSchema, { code: 'K7MQ-4XZ9U1', deviceName: 'Tablet' })).toBe('code');
		expect(pathOf(pairRequestSchema, { code: 'K7MQ-4XZ901', deviceName: '' })).toBe('deviceName');
	});

	it('device records match the documented shape', () => {
		const device = {
			id: 'd1',
			name: 'Tablet',
			role: 'staff',
			createdAt: 1,
			lastSeenAt: null,
			revokedAt: null,
			locationId: null
		};
		expect(pathOf(deviceSchema, device)).toBeNull();
		expect(pathOf(deviceSchema, { ...device, role: 'admin' })).toBe('role');
		expect(pathOf(deviceSchema, { ...device, tokenHash: 'x' })).toBe('tokenHash');
	});

	it('every error code has a status and a body shape', () => {
		expect(ERROR_STATUS).toMatchObject({
			bad_request: 400,
			body_too_large: 413,
			unauthorized: 401,
			device_revoked: 401,
			forbidden: 403,
			not_found: 404,
			rate_limited: 429,
			clock_in_future: 400,
			erased: 409,
			pairing_code_invalid: 400,
			pairing_code_expired: 410,
			salon_exists: 403,
			signup_closed: 403
		});
		for (const code of ERROR_CODES) {
			expect(
				errorBodySchema.safeParse({ error: { code, message: 'm', path: 'a.b' } }).success
			).toBe(true);
		}
		expect(pathOf(errorBodySchema, { error: { code: 'oops', message: '' } })).toBe('error.code');
	});
});

describe('canonicalJson', () => {
	it('ignores key order at every level and keeps array order', () => {
		const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: null } };
		const b = { a: { x: null, y: [1, { p: 2, q: 1 }] }, b: 1 };
		expect(canonicalJson(a)).toBe(canonicalJson(b));
		expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"p":2,"q":1}]},"b":1}');
		expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
	});

	it('is stable: parsing and re-serialising gives the same string; undefined keys vanish', () => {
		const doc = liveClient();
		const once = canonicalJson(doc);
		expect(canonicalJson(JSON.parse(once))).toBe(once);
		expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
		expect(canonicalJson('é"\n')).toBe(JSON.stringify('é"\n'));
	});
});
