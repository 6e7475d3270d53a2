// The pull answer spliced from stored JSON text (sync-server/src/routes/pull-answer.ts) is the
// answer the route gave by parsing, masking and stringifying: for any stored documents, any
// permission set and any page, on both storages. A role that masks nothing never has a document
// parsed (the storage's parsed `pull` is not called); one that masks still gets masked cards. The
// answer is UTF-8 bytes (SQLite's rows are spliced as their stored bytes).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../../src/lib/domain/permissions.js';
import type { SyncedCollection } from '../../src/lib/domain/sync-protocol.js';
import { pullAnswerJson } from '../../sync-server/src/routes/pull-answer.js';
import { maskFor, needsMasking } from '../../sync-server/src/routes/replication-access.js';
import type { SyncStorage } from '../../sync-server/src/storage/types.js';
import { BACKENDS, clientDoc, makeBackend, type Backend } from './support/api.js';
import {
	describeChange,
	insert,
	makeSalon,
	T0,
	type WireDoc
} from './support/storage-factories.js';

// Text a card may hold: quotes, backslashes, control characters, line separators, any script and
// emoji. (No U+0000: PostgreSQL's jsonb refuses it, and so would the push route's storage.)
const text = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 12 }),
	fc.string({
		unit: fc.constantFrom('"', '\\', '\n', '\t', '\u0001', '\u001f', '\u2028', '/', 'é', '😀', 'a'),
		maxLength: 8
	})
);

const cardArb = fc.record({
	firstName: text,
	lastName: text,
	notes: text,
	allergies: fc.array(text, { maxLength: 3 }),
	emails: fc.array(text, { maxLength: 2 }),
	deleted: fc.boolean()
});

const importArb = fc.record({
	filled: fc.array(
		fc.record({
			field: fc.constantFrom('phones', 'notes', 'allergies'),
			previous: text,
			value: text
		}),
		{ maxLength: 3 }
	),
	deleted: fc.boolean()
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

const permsArb = fc.subarray([...PERMISSIONS]).map((list) => new Set<Permission>(list));

/** What the route answered before: parsed, masked, stringified. */
async function parsedAnswer(
	storage: SyncStorage,
	salonId: string,
	collection: SyncedCollection,
	afterSeq: number,
	limit: number,
	perms: ReadonlySet<Permission>
): Promise<string> {
	const docs = await storage.pull(salonId, collection, afterSeq, limit);
	return JSON.stringify({
		documents: maskFor(
			collection,
			docs.map((d) => d.data),
			perms
		),
		checkpoint: { seq: docs.at(-1)?.seq ?? afterSeq }
	});
}

/** The storage with its parsed `pull` counted. */
function counting(storage: SyncStorage): { storage: SyncStorage; parsedPulls: () => number } {
	let calls = 0;
	const wrapped: SyncStorage = Object.create(storage) as SyncStorage;
	wrapped.pull = (...args) => {
		calls += 1;
		return storage.pull(...args);
	};
	return { storage: wrapped, parsedPulls: () => calls };
}

describe.each(BACKENDS)('pull answer from stored JSON (%s)', (name) => {
	let backend: Backend;
	let storage: SyncStorage;
	let run = 0;

	beforeAll(async () => {
		backend = await makeBackend(name);
		storage = await backend.open();
	}, 120_000);
	afterAll(async () => {
		await storage?.close();
		await backend?.dispose();
	});

	async function check(
		collection: SyncedCollection,
		docs: WireDoc[],
		pages: Array<{ perms: Set<Permission>; after: number; limit: number }>
	): Promise<void> {
		const { salonId } = await makeSalon(storage);
		if (docs.length > 0) {
			await storage.push(salonId, collection, 'd1', docs.map(insert), T0, describeChange);
		}
		for (const { perms, after, limit } of pages) {
			const counted = counting(storage);
			const page = { salonId, collection, afterSeq: after, limit };
			const spliced = await pullAnswerJson(counted.storage, page, perms);
			const expected = await parsedAnswer(storage, salonId, collection, after, limit, perms);
			// Valid UTF-8 (a fatal decoder throws on anything else), parsing to the same value.
			expect(JSON.parse(utf8.decode(spliced))).toEqual(JSON.parse(expected));
			expect(counted.parsedPulls()).toBe(needsMasking(collection, perms) ? 1 : 0);
		}
	}

	const pagesArb = fc.array(
		fc.record({ perms: permsArb, after: fc.nat(12), limit: fc.integer({ min: 1, max: 12 }) }),
		{ minLength: 1, maxLength: 4 }
	);

	it('equals the parsed-and-stringified answer for any cards, permissions and page', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(cardArb, { maxLength: 10 }), pagesArb, async (cards, pages) => {
				run += 1;
				const docs = cards.map((c, i) => {
					const { deleted, ...fields } = c;
					return {
						...clientDoc(`c-${run}-${i}`, T0, fields),
						_deleted: deleted
					} as WireDoc;
				});
				await check('clients', docs, pages);
			}),
			{ numRuns: 25 }
		);
	}, 120_000);

	it('the same for import batches (masked) and a collection never masked', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(importArb, { maxLength: 6 }), pagesArb, async (batches, pages) => {
				run += 1;
				const docs = batches.map(
					(b, i) => ({ id: `i-${run}-${i}`, filled: b.filled, _deleted: b.deleted }) as WireDoc
				);
				await check('imports', docs, pages);
				const sources = batches.map(
					(b, i) =>
						({
							id: `s-${run}-${i}`,
							name: b.filled[0]?.value ?? '',
							_deleted: b.deleted
						}) as WireDoc
				);
				await check('sources', sources, pages);
			}),
			{ numRuns: 15 }
		);
	}, 120_000);

	it('answers an empty page with the checkpoint asked from', async () => {
		const { salonId } = await makeSalon(storage);
		const page = { salonId, collection: 'clients' as const, afterSeq: 7, limit: 5 };
		const answer = await pullAnswerJson(storage, page, new Set(PERMISSIONS));
		expect(JSON.parse(utf8.decode(answer))).toEqual({
			documents: [],
			checkpoint: { seq: 7 }
		});
	});
});
