// Merge properties (DESIGN.md › Merge rules) on random histories: three devices edit one card
// offline — scalar edits, set adds, removes and relabels, deletes, partial syncs — and then every
// state any device ever had is delivered to every device in a shuffled order with duplicates.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyClientFields, type ClientFields, type Phone } from '../../src/lib/domain/client';
import { HybridClock, compareHlc, type Hlc } from '../../src/lib/domain/hlc';
import {
	DELETED_CLOCK_KEY,
	isEqualDoc,
	mergeClients,
	toTombstone,
	type ClientDoc
} from '../../src/lib/domain/merge';
import { sortNameOf } from '../../src/lib/domain/normalize';
import { stampWrite } from '../../src/lib/domain/stamp';
import { canonicalJson } from '../../src/lib/domain/sync-protocol';

const SCALARS = {
	firstName: ['Maria', 'Anna', 'Giulia'],
	note: ['', 'allergica', 'preferisce il mattino'],
	archived: [true, false],
	profession: ['Avvocata', 'Medico']
} as const;
type Scalar = keyof typeof SCALARS;
const PHONES: Phone[] = [
	{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' },
	{ e164: '+393331234567', raw: '333 1234567', label: 'home' },
	{ e164: '+393479876543', raw: '347 9876543', label: 'work' }
];
const ELEMENTS = {
	phones: PHONES,
	tags: ['vip', 'VIP', 'sposa', 'nuova'],
	allergies: ['nichel', 'lattice'],
	emails: ['a@example.it', 'b@example.it'],
	categoryIds: ['c1', 'c2']
} as const;
type SetF = keyof typeof ELEMENTS;

type Op =
	| { kind: 'edit'; device: number; field: Scalar; pick: number; dt: number }
	| { kind: 'add' | 'remove'; device: number; field: SetF; pick: number; dt: number }
	| { kind: 'delete'; device: number; dt: number }
	| { kind: 'sync'; device: number; from: number; dt: number };

const device = fc.integer({ min: 0, max: 2 });
const dt = fc.integer({ min: 0, max: 3 });
const pick = fc.nat(9);
const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('edit' as const),
			device,
			field: fc.constantFrom(...(Object.keys(SCALARS) as Scalar[])),
			pick,
			dt
		})
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constantFrom('add' as const, 'remove' as const),
			device,
			field: fc.constantFrom(...(Object.keys(ELEMENTS) as SetF[])),
			pick,
			dt
		})
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, dt }) },
	{
		weight: 3,
		arbitrary: fc.record({ kind: fc.constant('sync' as const), device, from: device, dt })
	}
);

interface FieldWrite {
	field: string;
	value: unknown;
	hlc: Hlc;
}

interface Run {
	states: ClientDoc[];
	finals: ClientDoc[];
	writes: FieldWrite[];
}

function maxStamp(clock: Record<string, Hlc>): Hlc {
	return Object.values(clock).sort(compareHlc).at(-1) as Hlc;
}

/** Plays a history; returns every state any device had and the writes of scalar fields. */
function play(ops: Op[], skews: number[]): Omit<Run, 'finals'> {
	let now = 1_763_942_400_000;
	const clocks = skews.map((skew, i) => new HybridClock(`dev${i}`, () => now + skew));
	const first: ClientFields = { ...emptyClientFields(), firstName: 'Maria', lastName: 'Rossi' };
	const created = stampWrite(null, first, clocks[0]!.tick());
	const start: ClientDoc = {
		...created.fields,
		id: 'c1',
		sortName: sortNameOf(first),
		createdAt: now,
		createdBy: 'dev0',
		updatedAt: now,
		clock: created.clock,
		sets: created.sets,
		_deleted: false
	};
	const docs: ClientDoc[] = [start, start, start];
	const states: ClientDoc[] = [start];
	const writes: FieldWrite[] = Object.keys(SCALARS).map((field) => ({
		field,
		value: created.fields[field as Scalar],
		hlc: created.clock[field] as Hlc
	}));
	const write = (i: number, patch: Partial<ClientFields>) => {
		const doc = docs[i]!;
		const hlc = clocks[i]!.tick();
		const s = stampWrite(
			{ fields: doc, clock: doc.clock, sets: doc.sets },
			{ ...doc, ...patch },
			hlc
		);
		for (const [field, stamp] of Object.entries(s.clock)) {
			if (stamp === hlc && field in SCALARS)
				writes.push({ field, value: s.fields[field as Scalar], hlc });
		}
		docs[i] = {
			...doc,
			...s.fields,
			clock: s.clock,
			sets: s.sets,
			updatedAt: Math.max(now, doc.updatedAt)
		};
	};
	for (const op of ops) {
		now += op.dt;
		const doc = docs[op.device]!;
		if (op.kind === 'sync') {
			const remote = docs[op.from]!;
			// Replication adopts the remote stamps, so a device never writes "before" what it saw.
			clocks[op.device]!.receive(maxStamp(remote.clock));
			docs[op.device] = mergeClients(doc, remote);
		} else if (doc._deleted) {
			continue; // a deleted card is not shown, so nobody edits it on that device
		} else if (op.kind === 'edit') {
			const values = SCALARS[op.field] as readonly unknown[];
			write(op.device, { [op.field]: values[op.pick % values.length] });
		} else if (op.kind === 'add' || op.kind === 'remove') {
			const pool = ELEMENTS[op.field] as readonly unknown[];
			const element = pool[op.pick % pool.length];
			const current = doc[op.field] as unknown[];
			const next =
				op.kind === 'add'
					? [...current, element]
					: current.filter((_, i) => i !== op.pick % Math.max(1, current.length));
			write(op.device, { [op.field]: next });
		} else {
			docs[op.device] = toTombstone(doc, clocks[op.device]!.tick(), now);
		}
		states.push(docs[op.device]!);
	}
	return { states, writes };
}

/** Delivers every state to every device: shuffled, some twice. */
function deliver(states: ClientDoc[], order: number[][], dups: number[][]): ClientDoc[] {
	return order.map((perm, d) => {
		const inbox = perm.map((i) => states[i % states.length]!);
		for (const i of dups[d] ?? []) inbox.push(states[i % states.length]!);
		return inbox.reduce((acc, s) => mergeClients(acc, s), states[0]!);
	});
}

const historyArb = fc.record({
	ops: fc.array(opArb, { minLength: 1, maxLength: 24 }),
	skews: fc.tuple(
		fc.integer({ min: -50, max: 50 }),
		fc.integer({ min: -50, max: 50 }),
		fc.integer({ min: -50, max: 50 })
	),
	seeds: fc.array(fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), {
		minLength: 3,
		maxLength: 3
	}),
	dups: fc.array(fc.array(fc.nat(), { maxLength: 6 }), { minLength: 3, maxLength: 3 })
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

function run(h: History): Run {
	const { states, writes } = play(h.ops, h.skews);
	// A permutation per device, from its seeds: sort state indexes by a random key.
	const order = h.seeds.map((seed) =>
		states.map((_, i) => i).sort((x, y) => seed[x % seed.length]! - seed[y % seed.length]! || x - y)
	);
	return { states, writes, finals: deliver(states, order, h.dups) };
}

describe('mergeClients on random histories of three devices', () => {
	it('converges: every device ends in the same state whatever the delivery order', () => {
		fc.assert(
			fc.property(historyArb, (h) => {
				const { finals, states } = run(h);
				const inOrder = states.reduce((acc, s) => mergeClients(acc, s));
				for (const f of finals) expect(canonicalJson(f)).toBe(canonicalJson(inOrder));
			}),
			{ numRuns: 1000 }
		);
	});

	it('keeps the scalar write with the largest clock, unless a later delete erased it', () => {
		fc.assert(
			fc.property(historyArb, (h) => {
				const { finals, writes } = run(h);
				const final = finals[0]!;
				const deletedAt = final.clock[DELETED_CLOCK_KEY];
				for (const field of Object.keys(SCALARS)) {
					const latest = writes
						.filter((w) => w.field === field)
						.sort((a, b) => compareHlc(a.hlc, b.hlc))
						.at(-1);
					if (!latest) continue;
					expect(final.clock[field]).toBe(latest.hlc);
					if (deletedAt !== undefined && compareHlc(latest.hlc, deletedAt) <= 0) continue;
					expect(final._deleted).toBe(false);
					expect(final[field as Scalar]).toEqual(latest.value);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('is commutative, associative and idempotent on the states of a history', () => {
		fc.assert(
			fc.property(historyArb, fc.nat(), fc.nat(), fc.nat(), (h, i, j, k) => {
				const { states } = play(h.ops, h.skews);
				const a = states[i % states.length]!;
				const b = states[j % states.length]!;
				const c = states[k % states.length]!;
				expect(isEqualDoc(mergeClients(a, b), mergeClients(b, a))).toBe(true);
				expect(
					isEqualDoc(mergeClients(mergeClients(a, b), c), mergeClients(a, mergeClients(b, c)))
				).toBe(true);
				const ab = mergeClients(a, b);
				expect(isEqualDoc(mergeClients(ab, ab), ab)).toBe(true);
				expect(isEqualDoc(mergeClients(ab, a), ab)).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('every live merge result is a valid card on the wire or a valid tombstone', async () => {
		const { documentSchemaFor } = await import('../../src/lib/domain/sync-protocol');
		const schema = documentSchemaFor('clients');
		fc.assert(
			fc.property(historyArb, (h) => {
				const { finals } = run(h);
				const final = finals[0]!;
				const parsed = schema.safeParse(final);
				expect(parsed.error?.issues ?? []).toEqual([]);
			}),
			{ numRuns: 200 }
		);
	});
});

// A card's creator is fixed at creation, but versions can disagree on it: cards written by
// older apps hold a typed name, a tombstone written before this rule holds '', a hand-made
// document anything. The merge must stay a join on createdBy whatever the versions say: a
// tombstone keeps it (a staff id, not the client's data) and the merge takes the max on both
// sides of a delete. Before, a tombstone emptied it, so a card revived by a later edit took its
// creator from whichever versions the grouping had merged live (seed below, found by fast-check).
const CREATORS = ['', 'staff-a', 'staff-b', 'Giulia'];
const withCreator = (doc: ClientDoc, pick: number): ClientDoc =>
	doc._deleted && pick % 2 === 0
		? { ...doc, createdBy: '' }
		: { ...doc, createdBy: CREATORS[pick % CREATORS.length]! };

function associativeOnCreators(h: History, picks: number[], i: number, j: number, k: number) {
	const { states } = play(h.ops, h.skews);
	const [a, b, c] = [i, j, k].map((n, m) => withCreator(states[n % states.length]!, picks[m]!)) as [
		ClientDoc,
		ClientDoc,
		ClientDoc
	];
	expect(isEqualDoc(mergeClients(a, b), mergeClients(b, a))).toBe(true);
	expect(isEqualDoc(mergeClients(mergeClients(a, b), c), mergeClients(a, mergeClients(b, c)))).toBe(
		true
	);
	const ab = mergeClients(a, b);
	expect(isEqualDoc(mergeClients(ab, ab), ab)).toBe(true);
}

const creatorsArb = fc.array(fc.nat(7), { minLength: 3, maxLength: 3 });

describe('createdBy when versions disagree on it', () => {
	it('the merge stays associative across a delete and a revival', () => {
		fc.assert(
			fc.property(historyArb, creatorsArb, fc.nat(), fc.nat(), fc.nat(), associativeOnCreators),
			{ numRuns: 500 }
		);
	});

	it('the failing case fast-check found (seed -73747482), replayed as a plain test', () => {
		// Device 0 edits and deletes; device 1 edits after that (a revival); device 0, deleted,
		// is not edited. a: the tombstone by a typed name, b and c: the start (creator '').
		const zeros = Array.from({ length: 30 }, () => 0);
		const history: History = {
			ops: [
				{ kind: 'edit', device: 0, field: 'firstName', pick: 0, dt: 0 },
				{ kind: 'delete', device: 0, dt: 0 },
				{ kind: 'edit', device: 1, field: 'firstName', pick: 1, dt: 0 },
				{ kind: 'add', device: 0, field: 'phones', pick: 0, dt: 0 }
			],
			skews: [0, 1, 0],
			seeds: [zeros, zeros, zeros],
			dups: [[], [], []]
		};
		associativeOnCreators(history, [5, 0, 0], 0, 1667576198, 590095095);
		// And the same fixed seed as a property, so the run that failed is replayed every time.
		fc.assert(
			fc.property(historyArb, creatorsArb, fc.nat(), fc.nat(), fc.nat(), associativeOnCreators),
			{ seed: -73747482, numRuns: 200 }
		);
	});

	it('a tombstone keeps its creator and passes the wire', async () => {
		const { documentSchemaFor } = await import('../../src/lib/domain/sync-protocol');
		const { states } = play(
			[{ kind: 'edit', device: 0, field: 'note', pick: 1, dt: 1 }],
			[0, 0, 0]
		);
		const tombstone = toTombstone(states.at(-1)!, '1763942400100-0000-dev0', 1);
		expect(tombstone.createdBy).toBe('dev0');
		expect(documentSchemaFor('clients').safeParse(tombstone).success).toBe(true);
	});
});
