// The SQLite push stores a document as JSON.stringify writes it (no sorted copy) and decides
// "already applied" by value: the same decisions as when every stored row was canonical JSON,
// for rows written either way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/domain/canonical-json.js';
import { openSqliteStorage } from '../../sync-server/src/storage/sqlite.js';
import type { PushRow, SyncStorage } from '../../sync-server/src/storage/types.js';
import {
	describeChange,
	insert,
	makeDoc,
	makeSalon,
	T0,
	type WireDoc
} from './support/storage-factories.js';

const tmp = mkdtempSync(join(tmpdir(), 'schedario-stored-json-'));
const file = join(tmp, 'stored.sqlite');
let storage: SyncStorage;
let salonId: string;
beforeAll(async () => {
	storage = await openSqliteStorage({ file });
	({ salonId } = await makeSalon(storage));
});
afterAll(async () => {
	await storage.close();
	rmSync(tmp, { recursive: true, force: true });
});

const push = (rows: PushRow[]) => storage.push(salonId, 'clients', 'd1', rows, T0, describeChange);

/** The stored text of one document, read through a second connection. */
function storedText(id: string): string {
	const db = new Database(file, { readonly: true });
	try {
		const row = db
			.prepare<[string, string], { data: string }>(
				'SELECT data FROM docs WHERE salon_id = ? AND id = ?'
			)
			.get(salonId, id);
		return row!.data;
	} finally {
		db.close();
	}
}

/** The same value with every object's keys in reverse order (array-index keys keep theirs). */
function reordered(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(reordered);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.keys(value)
			.reverse()
			.map((k) => [k, reordered((value as Record<string, unknown>)[k])])
	);
}

describe('SQLite stored document JSON', () => {
	it('stores a pushed document as JSON.stringify writes it and pulls the same value', async () => {
		const doc = makeDoc('plain', { zeta: 1, alpha: { b: 2, a: [{ d: 1, c: 2 }] } });
		expect(await push([insert(doc)])).toMatchObject({ conflicts: [] });
		expect(storedText('plain')).toBe(JSON.stringify(doc));
		expect(await storage.getDocument(salonId, 'clients', 'plain')).toEqual(doc);
	});

	it('treats a re-push of a row stored as canonical JSON (earlier versions) as applied', async () => {
		const v1 = makeDoc('legacy', { note: 'x', address: { street: 'Via Roma', city: 'Bari' } });
		await push([insert(v1)]);
		// An earlier server wrote the sorted form: put it back as such.
		const db = new Database(file);
		db.prepare('UPDATE docs SET data = ? WHERE salon_id = ? AND id = ?').run(
			canonicalJson(v1),
			salonId,
			'legacy'
		);
		db.close();
		expect(storedText('legacy')).not.toBe(JSON.stringify(v1));
		expect(await push([insert(v1)])).toEqual({ conflicts: [], seq: null });
		const v2 = { ...v1, note: 'y' };
		const written = await push([{ assumed: v1, next: v2 }]);
		expect(written.conflicts).toEqual([]);
		expect(written.seq).not.toBeNull();
		expect(await storage.getDocument(salonId, 'clients', 'legacy')).toEqual(v2);
	});

	it('decides re-push and conflict by value, whatever the key order (property)', async () => {
		let n = 0;
		const fields = fc.dictionary(
			fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== 'id' && k !== '_deleted'),
			fc.jsonValue({ maxDepth: 3 }),
			{ maxKeys: 8 }
		);
		await fc.assert(
			fc.asyncProperty(fields, fc.boolean(), async (extra, stringOrder) => {
				const id = `p${n++}`;
				const doc: WireDoc = { ...extra, id, _deleted: false };
				const first = await push([insert(doc)]);
				expect(first.conflicts).toEqual([]);
				// A re-push of the same value, in the same or another key order: neither a write nor a
				// conflict.
				const again = stringOrder ? doc : (reordered(doc) as WireDoc);
				expect(await push([insert(again)])).toEqual({ conflicts: [], seq: null });
				// A different value against a wrong assumed state: the stored master comes back.
				const other = { ...doc, _deleted: true };
				const refused = await push([insert(other)]);
				expect(refused.seq).toBeNull();
				expect(refused.conflicts.map(canonicalJson)).toEqual([canonicalJson(doc)]);
			}),
			{ numRuns: 60 }
		);
	});

	// The compare-and-swap's fast path (sqlite-push.ts): an assumed state whose JSON.stringify is
	// the stored text stands for the master unparsed. It must decide and record exactly what the
	// walk by value decides for the same value in another key order, or a different value.
	it('decides an edit the same whether its assumed state is the stored text, reordered or different (property)', async () => {
		let n = 0;
		const fields = fc.dictionary(
			fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== 'id' && k !== '_deleted'),
			fc.jsonValue({ maxDepth: 3 }),
			{ maxKeys: 8 }
		);
		const assumedKind = fc.constantFrom('stored', 'reordered', 'different');
		await fc.assert(
			fc.asyncProperty(
				fields,
				fc.jsonValue({ maxDepth: 2 }),
				assumedKind,
				async (extra, note, kind) => {
					const id = `cas${n++}`;
					const master: WireDoc = { ...extra, id, _deleted: false };
					await push([insert(master)]);
					const stored = storedText(id);
					const next: WireDoc = { ...master, note: { edited: note } };
					const assumed =
						kind === 'stored'
							? (JSON.parse(stored) as WireDoc)
							: kind === 'reordered'
								? (reordered(master) as WireDoc)
								: { ...master, note: { other: note } };
					const before = await storage.revisions(salonId, 'clients', id);
					const result = await push([{ assumed, next }]);
					const after = await storage.revisions(salonId, 'clients', id);
					if (kind === 'different') {
						expect(result.seq).toBeNull();
						expect(result.conflicts.map(canonicalJson)).toEqual([canonicalJson(master)]);
						expect(storedText(id)).toBe(stored);
						expect(after).toEqual(before);
					} else {
						expect(result.conflicts).toEqual([]);
						expect(result.seq).not.toBeNull();
						expect(storedText(id)).toBe(JSON.stringify(next));
						expect(after).toHaveLength(before.length + 1);
						const expected = describeChange(master, next);
						expect(after.at(-1)!.fields).toEqual(expected.fields);
						expect(canonicalJson(after.at(-1)!.changes)).toBe(canonicalJson(expected.changes));
					}
				}
			),
			{ numRuns: 80 }
		);
	});
});
