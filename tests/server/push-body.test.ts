// The push body with the assumed state validated lazily (routes/push-body.ts) against the full
// zod schema (pushRequestSchemaFor): whatever the body, it accepts and refuses exactly what the
// full schema does — counting the validation the storage runs on a row whose assumed state is not
// the master — and yields the same parsed rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushRequestSchemaFor, type SyncedCollection } from '../../src/lib/domain/sync-protocol.js';
import { HttpError } from '../../sync-server/src/http/errors.js';
import { parsePushBody } from '../../sync-server/src/routes/push-body.js';
import { clientDoc, stamp } from './support/api.js';

const at = 1_763_942_400_000;
const client = clientDoc('c-1', at, { firstName: 'Anna', phones: [] });
const catalogItem = {
	id: 'svc-1',
	kind: 'service',
	name: ' Piega ',
	price: 2500,
	active: true,
	createdAt: at,
	updatedAt: at,
	_deleted: false
};

/** A document with one random change: a key set to any JSON value, removed, or the whole replaced. */
function mutated(doc: Record<string, unknown>) {
	const keys = [...Object.keys(doc), 'unknownKey', 'clock'];
	return fc.oneof(
		{ arbitrary: fc.constant(doc), weight: 3 },
		{
			arbitrary: fc
				.tuple(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2 }))
				.map(([k, v]) => ({ ...doc, [k]: v })),
			weight: 3
		},
		{
			arbitrary: fc.constantFrom(...keys).map((k) => {
				const copy = { ...doc };
				delete copy[k];
				return copy;
			}),
			weight: 1
		},
		{
			arbitrary: fc.constant({
				...doc,
				clock: { ...(doc.clock as object), firstName: stamp(at), ['x'.repeat(70)]: 'y' }
			}),
			weight: 1
		},
		{ arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 },
		{ arbitrary: fc.constant(null), weight: 1 }
	);
}

const body = (doc: Record<string, unknown>) =>
	fc.oneof(
		{
			arbitrary: fc
				.array(fc.record({ assumedMasterState: mutated(doc), newDocumentState: mutated(doc) }), {
					minLength: 0,
					maxLength: 3
				})
				.map((rows) => ({ rows })),
			weight: 9
		},
		{ arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 }
	);

/** parsePushBody, then the storage's worst case: every row's assumed state validated. */
function lazily(collection: SyncedCollection, raw: unknown) {
	try {
		const rows = parsePushBody(collection, raw, true);
		const assumed = rows.map((r) =>
			r.validateAssumed ? r.validateAssumed() : r.assumedMasterState
		);
		return { ok: true as const, rows, assumed };
	} catch (error) {
		if (!(error instanceof HttpError)) throw error;
		return { ok: false as const, error };
	}
}

describe.each([
	['clients', client],
	['catalog', catalogItem]
] as const)('push body with lazy assumed-state validation ≡ zod (%s)', (collection, doc) => {
	const full = pushRequestSchemaFor(collection);

	it('accepts and refuses exactly what the full schema does, with the same rows', () => {
		fc.assert(
			fc.property(body(doc), (raw) => {
				const expected = full.safeParse(raw);
				const got = lazily(collection, raw);
				expect(got.ok).toBe(expected.success);
				if (expected.success && got.ok) {
					expect(got.rows.map((r) => r.newDocumentState)).toEqual(
						expected.data.rows.map((r) => r.newDocumentState)
					);
					expect(got.assumed).toEqual(expected.data.rows.map((r) => r.assumedMasterState));
				} else if (!expected.success && !got.ok) {
					expect(got.error.status).toBe(400);
					expect(got.error.code).toBe('bad_request');
					// The path names a problem the full schema reports too.
					const paths = expected.error.issues.map((i) =>
						[...i.path.map(String), ...(i.code === 'unrecognized_keys' ? i.keys : [])].join('.')
					);
					expect(paths).toContain(got.error.path);
				}
			}),
			{ numRuns: 3000 }
		);
	});

	it('eager mode is the full schema', () => {
		const raw = { rows: [{ assumedMasterState: doc, newDocumentState: doc }] };
		const rows = parsePushBody(collection, raw, false);
		expect(rows).toEqual(full.parse(raw).rows);
		expect(rows[0]?.validateAssumed).toBeUndefined();
	});
});
