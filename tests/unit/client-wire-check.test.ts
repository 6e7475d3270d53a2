// The bootstrap's fast check of a client card (client-wire-check.ts) answers exactly what the
// wire schema answers: over cards as the app writes them (with set metadata), tombstones, and
// those broken anywhere in their clock or set maps (any node replaced, removed, or a sibling
// added, with strings around every bound), plus any other field replaced and non-JSON oddities.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientSchema, emptyClientFields } from '../../src/lib/domain/client';
import { isWireClient } from '../../src/lib/domain/client-wire-check';
import { ERASED_CLOCK_KEY } from '../../src/lib/domain/erasure';
import { HybridClock } from '../../src/lib/domain/hlc';
import { stampWrite } from '../../src/lib/domain/stamp';
import { clientWireSchema } from '../../src/lib/domain/sync-protocol';
import { generateClientFields } from '../fixtures/clients';

const at = 1_763_942_400_000;
const hlc = new HybridClock('dev1');

const cards: Record<string, unknown>[] = generateClientFields(30, { seed: 7 }).map((raw, i) => {
	const stamped = stampWrite(null, raw, hlc.tick());
	const client = clientSchema.parse({
		...stamped.fields,
		id: `c-${i}`,
		sortName: `${stamped.fields.lastName} ${stamped.fields.firstName}`.toLowerCase(),
		createdAt: at,
		createdBy: '',
		updatedAt: at,
		clock: stamped.clock,
		sets: stamped.sets
	});
	return { ...client, _deleted: false };
});
const tombstone = {
	...emptyClientFields(),
	id: 'c-dead',
	sortName: '',
	createdAt: at,
	createdBy: '',
	updatedAt: at,
	clock: { _deleted: hlc.tick(), [ERASED_CLOCK_KEY]: hlc.tick() },
	_deleted: true
};
const docs: Record<string, unknown>[] = [...cards, tombstone, { ...cards[0], sets: undefined }];

const same = (doc: unknown) => isWireClient(doc) === clientWireSchema.safeParse(doc).success;

/** Paths of every node under the clock and the sets of a document. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
	const out = [path];
	if (value !== null && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			out.push(...pathsOf(v, [...path, Array.isArray(value) ? Number(k) : k]));
		}
	}
	return out;
}

/** Strings just under, at and over each bound of client.ts (64, 80, 260, 20, 40, 254 …). */
const bounded = fc.oneof(
	fc
		.constantFrom(
			19,
			20,
			21,
			39,
			40,
			41,
			49,
			50,
			51,
			63,
			64,
			65,
			79,
			80,
			81,
			199,
			200,
			201,
			253,
			254,
			255,
			259,
			260,
			261
		)
		.map((n) => 'x'.repeat(n)),
	fc.constantFrom(
		'mobile',
		'home',
		'work',
		'other',
		'fax',
		'',
		'__proto__',
		'constructor',
		'a',
		'r'
	),
	fc.string({ maxLength: 6 })
);
const anyValue = fc.oneof(bounded, fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));

type Op = { kind: 'set' | 'delete' | 'add'; key: string; value: unknown };
const op: fc.Arbitrary<Op> = fc.record({
	kind: fc.constantFrom('set', 'delete', 'add'),
	key: bounded,
	value: anyValue
});

/** items[i modulo its length], which the tests only call on non-empty lists. */
function pick<T>(items: readonly T[], i: number): T {
	const item = items[i % items.length];
	if (item === undefined) throw new Error('empty list');
	return item;
}

function mutate(doc: Record<string, unknown>, path: (string | number)[], o: Op): unknown {
	const copy = structuredClone(doc);
	if (path.length === 0) return copy;
	let parent = copy as Record<string | number, unknown>;
	for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
	const last = pick(path, path.length - 1);
	if (o.kind === 'set') parent[last] = o.value;
	else if (o.kind === 'delete') delete parent[last];
	else {
		const node = parent[last];
		if (Array.isArray(node)) node.push(o.value);
		else if (node !== null && typeof node === 'object')
			(node as Record<string, unknown>)[o.key] = o.value;
		else parent[last] = o.value;
	}
	return copy;
}

afterEach(() => vi.restoreAllMocks());

describe('isWireClient', () => {
	it('accepts every well-formed card without the full schema', () => {
		const full = vi.spyOn(clientWireSchema, 'safeParse');
		for (const doc of docs) expect(isWireClient(doc)).toBe(true);
		expect(full).not.toHaveBeenCalled();
	});

	it('answers like the wire schema for any change anywhere in the clock or the sets', () => {
		const outcomes = new Set<boolean>();
		fc.assert(
			fc.property(
				fc.constantFrom(...docs),
				fc.nat(),
				fc.array(op, { minLength: 1, maxLength: 3 }),
				(start, p, ops) => {
					let doc = start;
					for (const o of ops) {
						const paths = [...pathsOf(doc.clock, ['clock']), ...pathsOf(doc.sets, ['sets'])];
						doc = mutate(doc, pick(paths, p), o) as Record<string, unknown>;
					}
					outcomes.add(clientWireSchema.safeParse(doc).success);
					expect(same(doc)).toBe(true);
				}
			),
			{ numRuns: 3000 }
		);
		expect([...outcomes].sort()).toEqual([false, true]);
	});

	it('answers like the wire schema at every bound of every node and key of the clock and sets', () => {
		const lengths = [19, 20, 21, 39, 40, 41, 49, 50, 51, 63, 64, 65, 79, 80, 81, 199, 200, 201];
		const longer = [253, 254, 255, 259, 260, 261];
		const strings = [...lengths, ...longer].map((n) => 'x'.repeat(n));
		let refused = 0;
		for (const doc of docs.slice(0, 6)) {
			const paths = [...pathsOf(doc.clock, ['clock']), ...pathsOf(doc.sets, ['sets'])];
			for (const path of paths.filter((p) => p.length > 1)) {
				const parent = path.slice(0, -1);
				for (const value of strings) {
					const changed = mutate(doc, path, { kind: 'set', key: '', value });
					expect(same(changed)).toBe(true);
					if (!clientWireSchema.safeParse(changed).success) refused++;
				}
				// The node moved under a key of each length (a set element's key, a tag, a field).
				const last = pick(path, path.length - 1);
				if (typeof last === 'number') continue;
				for (const key of strings) {
					const copy = structuredClone(doc);
					let node = copy as Record<string | number, unknown>;
					for (const step of parent) node = node[step] as Record<string | number, unknown>;
					node[key] = node[last];
					delete node[last];
					expect(same(copy)).toBe(true);
				}
			}
		}
		expect(refused).toBeGreaterThan(0);
	});

	it('answers like the wire schema for any other field replaced, removed or added', () => {
		fc.assert(
			fc.property(fc.constantFrom(...docs), fc.nat(), op, (doc, k, o) => {
				const keys = [...Object.keys(doc), 'unknownKey'];
				expect(same(mutate(doc, [pick(keys, k)], o))).toBe(true);
			}),
			{ numRuns: 1000 }
		);
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 2 }), (v) => {
				expect(same(v)).toBe(true);
			})
		);
	});

	it('answers like the wire schema for objects JSON cannot produce', () => {
		const card = pick(cards, 1);
		const sets = card.sets as Record<string, Record<string, { a: object; r: unknown[] }>>;
		const [field, map] = pick(
			Object.entries(sets).filter(([, m]) => Object.keys(m).length > 0),
			0
		);
		const key = pick(Object.keys(map), 0);
		const entry = map[key];
		if (!entry) throw new Error('no set element');
		const withEntry = (entry: unknown) => ({
			...card,
			sets: { ...sets, [field]: { ...map, [key]: entry } }
		});
		const odd: unknown[] = [
			{ ...card, clock: { ...(card.clock as object), [Symbol('s')]: 'x' } },
			{ ...card, clock: Object.assign(Object.create(null), card.clock) },
			{ ...card, clock: JSON.parse('{"__proto__": 5, "firstName": "x"}') },
			{ ...card, clock: JSON.parse('{"__proto__": "x", "firstName": "x"}') },
			{ ...card, clock: { ...(card.clock as object), constructor: 'x' } },
			{ ...card, clock: new (class Clock {})() },
			{ ...card, clock: new Map() },
			{ ...card, clock: [] },
			withEntry({ a: entry.a, r: new Array(3) }),
			withEntry({ a: entry.a, r: Object.assign([], { x: 1 }) }),
			withEntry({ a: { ...entry.a, [Symbol('t')]: 'x' }, r: [] }),
			withEntry(Object.assign(Object.create(null), entry)),
			JSON.parse(JSON.stringify({ ...card, clock: undefined })),
			Object.assign(Object.create(null), card),
			{ ...card, [Symbol('doc')]: 1 }
		];
		for (const doc of odd) expect(same(doc), String(odd.indexOf(doc))).toBe(true);
	});
});
