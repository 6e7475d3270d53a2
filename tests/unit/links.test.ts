import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyClientFields, type Client, type ClientFields } from '../../src/lib/domain/client';
import { formatHlc, type Hlc } from '../../src/lib/domain/hlc';
import { groupView, writeThroughView } from '../../src/lib/domain/link-view';
import {
	distinctPairs,
	groupsOf,
	linkIdOf,
	linkSchema,
	mergeLinkDocs,
	writeLink,
	type Link
} from '../../src/lib/domain/links';
import { sortNameOf } from '../../src/lib/domain/normalize';
import { stampWrite } from '../../src/lib/domain/stamp';
import { canonicalJson } from '../../src/lib/domain/sync-protocol';

const hlc = (ms: number, node = 'dev1'): Hlc => formatHlc({ wallMs: ms, counter: 0, nodeId: node });

function card(id: string, patch: Partial<ClientFields>, ms = 1000): Client {
	const stamped = stampWrite(null, { ...emptyClientFields(), ...patch }, hlc(ms, `n${id}`));
	return {
		...stamped.fields,
		id,
		sortName: sortNameOf(stamped.fields),
		createdAt: ms,
		createdBy: '',
		updatedAt: ms,
		clock: stamped.clock,
		sets: stamped.sets
	};
}

function link(x: string, y: string, ms: number, extra: Partial<Link> = {}): Link {
	return {
		...writeLink(
			x,
			y,
			{ kind: 'merge', undone: false },
			{
				hlc: hlc(ms),
				deviceId: 'dev1',
				staff: '',
				now: ms
			}
		),
		...extra
	};
}

const phone = (raw: string) => ({ e164: `+39${raw}`, raw, label: 'mobile' as const });

describe('links', () => {
	it('one id per pair, whatever the order; the schema checks it', () => {
		expect(linkIdOf('b', 'a')).toBe('a~b');
		const l = link('b', 'a', 5);
		expect(l.a).toBe('a');
		expect(linkSchema.safeParse(l).success).toBe(true);
		expect(linkSchema.safeParse({ ...l, id: 'b~a' }).success).toBe(false);
		expect(linkSchema.safeParse({ ...l, a: 'z' }).success).toBe(false);
	});

	it('the newer stamp wins a conflict: an undo converges', () => {
		const merged = link('a', 'b', 5);
		const undone = link('a', 'b', 9, { undone: true });
		expect(mergeLinkDocs(merged, undone)).toBe(undone);
		expect(mergeLinkDocs(undone, merged)).toBe(undone);
	});

	it('groups: survivor is the smallest id; undone and distinct links do not group', () => {
		const g = groupsOf([
			link('c', 'd', 1),
			link('b', 'c', 2),
			link('x', 'y', 3, { undone: true }),
			link('p', 'q', 4, { kind: 'distinct' })
		]);
		expect(g.survivor.get('d')).toBe('b');
		expect(g.members.get('b')).toEqual(['b', 'c', 'd']);
		expect(g.survivor.has('x')).toBe(false);
		expect(distinctPairs([link('p', 'q', 4, { kind: 'distinct' })])).toEqual(new Set(['p~q']));
	});

	it('a view: non-empty beats empty, else the newer stamp; sets unioned; choices in between', () => {
		const a = card(
			'a',
			{ firstName: 'Maria', lastName: 'Rossi', phones: [phone('3331234567')] },
			10
		);
		const b = card(
			'b',
			{
				firstName: 'Maria',
				lastName: 'Rossi',
				note: 'likes tea',
				phones: [phone('3470001111')],
				emails: ['m@r.it']
			},
			20
		);
		const view = groupView('a', [a, b], [link('a', 'b', 30)]);
		expect(view.id).toBe('a');
		expect(view.note).toBe('likes tea');
		expect(view.phones.map((p) => p.raw)).toEqual(['3331234567', '3470001111']);
		expect(view.emails).toEqual(['m@r.it']);
		const chosen = groupView('a', [a, b], [link('a', 'b', 30, { choices: { note: 'coffee' } })]);
		expect(chosen.note).toBe('coffee');
	});

	it('an edit through the view wins, even one that empties a field, and an offline edit of the merged-away card reaches the view', () => {
		const a = card('a', { firstName: 'Maria', lastName: 'Rossi' }, 10);
		const b = card('b', { firstName: 'Maria', lastName: 'Rossi', note: 'x' }, 20);
		const links = [link('a', 'b', 30)];
		const view = groupView('a', [a, b], links);
		const a2 = writeThroughView(a, view, { ...view, note: '' }, hlc(40));
		expect(groupView('a', [a2, b], links).note).toBe('');
		const b2 = { ...b, note: 'offline', clock: { ...b.clock, note: hlc(50, 'other') } };
		expect(groupView('a', [a2, b2], links).note).toBe('offline');
	});
});

// ------------------------------------------------------------------------------ properties

const NAMES = ['Maria', 'Giulia', 'Anna', ''];
const NOTES = ['', 'tea', 'coffee'];
const PHONES = ['3331234567', '3470001111', '3209998888'];
const IDS = ['a', 'b', 'c', 'd', 'e'];

const cardArb = (id: string) =>
	fc
		.record({
			first: fc.constantFrom(...NAMES),
			note: fc.constantFrom(...NOTES),
			phones: fc.subarray(PHONES),
			ms: fc.integer({ min: 1, max: 50 })
		})
		.map((r) =>
			card(
				id,
				{ firstName: r.first, lastName: 'Rossi', note: r.note, phones: r.phones.map(phone) },
				r.ms
			)
		);

const linkArb = fc
	.record({
		pair: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 2, maxLength: 2 }),
		ms: fc.integer({ min: 60, max: 90 }),
		undone: fc.boolean(),
		note: fc.option(fc.constantFrom(...NOTES), { nil: undefined })
	})
	.map((r) =>
		link(r.pair[0] as string, r.pair[1] as string, r.ms, {
			undone: r.undone,
			choices: r.note === undefined ? {} : { note: r.note }
		})
	);

/** The latest version of each pair's link, folded with the merge rule in the given order. */
function latest(links: readonly Link[]): Link[] {
	const byId = new Map<string, Link>();
	for (const l of links) {
		const seen = byId.get(l.id);
		byId.set(l.id, seen ? mergeLinkDocs(seen, l) : l);
	}
	return [...byId.values()];
}

function views(cards: readonly Client[], links: readonly Link[]): string {
	const active = latest(links);
	const g = groupsOf(active);
	const out: Record<string, unknown> = {};
	for (const [survivor, ids] of g.members) {
		const members = cards.filter((c) => ids.includes(c.id));
		out[survivor] = groupView(survivor, members, g.links.get(survivor) ?? []);
	}
	return canonicalJson({ survivors: Object.fromEntries(g.survivor), out });
}

describe('merge group properties', () => {
	it('any order of the same links and cards gives the same survivors and fields', () => {
		fc.assert(
			fc.property(
				fc.tuple(...IDS.map(cardArb)),
				fc.array(linkArb, { minLength: 1, maxLength: 8 }),
				fc.func(fc.integer()),
				(cards, links, order) => {
					const shuffle = <T>(xs: readonly T[]) =>
						xs
							.map((x, i) => ({ x, k: order(i) }))
							.sort((p, q) => p.k - q.k)
							.map((p) => p.x);
					const expected = views(cards, links);
					expect(views(shuffle(cards), shuffle(links))).toBe(expected);
					expect(views([...cards].reverse(), [...links].reverse())).toBe(expected);
					// duplicated delivery changes nothing either
					expect(views(cards, [...links, ...links])).toBe(expected);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('unmerge after merge restores the cards; edits made through the merged card stay on the survivor', () => {
		const editArb = fc.record({
			note: fc.option(fc.constantFrom(...NOTES, 'new note'), { nil: undefined }),
			first: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
			addPhone: fc.option(fc.constantFrom('3551112222', ...PHONES), { nil: undefined })
		});
		fc.assert(
			fc.property(
				cardArb('a'),
				cardArb('b'),
				fc.array(editArb, { maxLength: 4 }),
				(a, b, edits) => {
					const merge = link('a', 'b', 100);
					const bBefore = structuredClone(b);
					const added = new Set<string>();
					let survivor = a;
					let ms = 200;
					const expected: Partial<ClientFields> = {};
					for (const e of edits) {
						const view = groupView('a', [survivor, b], [merge]);
						const patch: Partial<ClientFields> = {};
						if (e.note !== undefined) patch.note = e.note;
						if (e.first !== undefined) patch.firstName = e.first;
						if (e.addPhone !== undefined) {
							patch.phones = [...view.phones, phone(e.addPhone)];
							if (!view.phones.some((p) => p.raw === e.addPhone)) added.add(e.addPhone);
						}
						survivor = writeThroughView(survivor, view, patch, hlc(ms++));
						// what the merged card now shows is what was typed
						const after = groupView('a', [survivor, b], [merge]);
						if (patch.note !== undefined) expect(after.note).toBe(patch.note);
						if (patch.firstName !== undefined) expect(after.firstName).toBe(patch.firstName);
						if (e.note !== undefined && e.note !== view.note) expected.note = e.note;
						if (e.first !== undefined && e.first !== view.firstName) expected.firstName = e.first;
					}
					const undo = { ...merge, undone: true, clock: { state: hlc(ms) } };
					const g = groupsOf(latest([merge, undo]));
					expect(g.survivor.size).toBe(0);
					// the merged-away card is exactly as it was; the survivor too, but for what was edited
					for (const field of ['firstName', 'lastName', 'note', 'gender', 'address'] as const) {
						expect(survivor[field]).toEqual(field in expected ? expected[field] : a[field]);
					}
					expect(b).toEqual(bBefore);
					// phones of the survivor: exactly its own plus those added through the merged card
					const keep = new Set([...a.phones.map((p) => p.raw), ...added]);
					expect(new Set(survivor.phones.map((p) => p.raw))).toEqual(keep);
					if (edits.length === 0) expect(canonicalJson(survivor)).toBe(canonicalJson(a));
				}
			),
			{ numRuns: 300 }
		);
	});
});
