// What a merged group of cards shows (DESIGN.md › Duplicates): computed from the cards and the
// group's links on every read, never written into the cards. Every device holding the same
// documents computes the same view, whatever order they arrived in, and an undo only has to
// mark the link: the cards are exactly as they were.
//
// A scalar field of the view is the best of its candidates, compared by class, then HLC stamp,
// then canonical JSON (a max over a total order, so the group's order does not matter):
//   3 — a card's value written after the group's newest merge (an edit through the merged
//       card, or an offline edit of a merged-away card, which is thus applied to the survivor);
//   2 — a value chosen or typed in the merge view (stored in the link, stamped with it);
//   1 — a card's non-empty value;   0 — an empty value.
// Sets are the union of the cards' observed-remove metadata (merge.ts), so a phone removed
// through the merged card stays removed and one added on either card shows.
import {
	SET_FIELDS,
	emptyClientFields,
	type Client,
	type ClientFields,
	type SetsMeta
} from './client.js';
import { compareHlc, maxHlc, type Hlc } from './hlc.js';
import type { Link } from './links.js';
import { SCALAR_FIELDS } from './links.js';
import { mergeSetMaps } from './merge.js';
import { sortNameOf } from './normalize.js';
import {
	deepEqual,
	implicitSets,
	stampSets,
	visibleValues,
	type SetField,
	type SetMap
} from './stamp.js';
import { canonicalJson } from './canonical-json.js';

type AnySets = Record<SetField, SetMap>;
const EMPTY = emptyClientFields();
const SORT_NAME_MAX = 210;

function isFilled(field: keyof ClientFields, value: unknown): boolean {
	// An archived duplicate must not archive the active card it is merged into.
	if (field === 'archived') return value === false;
	return !deepEqual(value, EMPTY[field]);
}

interface Candidate {
	cls: number;
	stamp: Hlc;
	value: unknown;
	json?: string;
}

function better(x: Candidate, y: Candidate): Candidate {
	if (x.cls !== y.cls) return x.cls > y.cls ? x : y;
	const byStamp = compareHlc(x.stamp, y.stamp);
	if (byStamp !== 0) return byStamp > 0 ? x : y;
	x.json ??= canonicalJson(x.value);
	y.json ??= canonicalJson(y.value);
	return x.json >= y.json ? x : y;
}

export function setsOf(client: Client): AnySets {
	return (client.sets as AnySets | undefined) ?? implicitSets(client, client.clock);
}

/** The newest stamp of the group's active merges. */
export function mergeStampOf(links: readonly Link[]): Hlc {
	let newest: Hlc | undefined;
	for (const link of links) newest = maxHlc(newest, link.clock.state);
	return newest ?? '';
}

/**
 * The card a group shows, under `id` (its survivor). `cards` are the group's live cards, in any
 * order; `links` its active merge links.
 */
export function groupView(id: string, cards: readonly Client[], links: readonly Link[]): Client {
	const merged = mergeStampOf(links);
	const choices = [...links].sort((x, y) => compareHlc(x.clock.state, y.clock.state));
	const fields: Record<string, unknown> = {};
	for (const field of SCALAR_FIELDS) {
		let best: Candidate | null = null;
		for (const card of cards) {
			const stamp = card.clock[field] ?? '';
			const cls =
				merged !== '' && compareHlc(stamp, merged) > 0 ? 3 : isFilled(field, card[field]) ? 1 : 0;
			const candidate = { cls, stamp, value: card[field] };
			best = best ? better(best, candidate) : candidate;
		}
		for (const link of choices) {
			if (!Object.prototype.hasOwnProperty.call(link.choices, field)) continue;
			const candidate = { cls: 2, stamp: link.clock.state, value: link.choices[field] };
			best = best ? better(best, candidate) : candidate;
		}
		fields[field] = best ? best.value : EMPTY[field];
	}
	const sets = {} as AnySets;
	const cardSets = cards.map(setsOf);
	for (const field of SET_FIELDS) {
		let map: SetMap = {};
		for (const s of cardSets) map = mergeSetMaps(map, s[field], undefined);
		sets[field] = map;
		fields[field] = visibleValues(field, map);
	}
	const clock: Record<string, Hlc> = {};
	for (const card of cards) {
		for (const [key, stamp] of Object.entries(card.clock)) {
			clock[key] = maxHlc(clock[key], stamp) as Hlc;
		}
	}
	const own = cards.find((c) => c.id === id) ?? cards[0];
	return {
		...(fields as ClientFields),
		id,
		sortName: sortNameOf(fields as ClientFields).slice(0, SORT_NAME_MAX),
		createdAt: Math.min(...cards.map((c) => c.createdAt)),
		createdBy: own?.createdBy ?? '',
		updatedAt: Math.max(...cards.map((c) => c.updatedAt)),
		clock,
		sets: sets as SetsMeta
	};
}

/**
 * An edit made on a group's view, written into the survivor card: every scalar field whose
 * value differs from the view is stamped `hlc` (newer than the merge, so it wins the view even
 * when it empties a field); set fields get exactly the adds and removals the edit made to the
 * view's union. The other cards are untouched, so an undo shows them as they were.
 */
export function writeThroughView(
	survivor: Client,
	view: Client,
	patch: Partial<ClientFields>,
	hlc: Hlc
): Client {
	const next: Record<string, unknown> = { ...survivor };
	const clock: Record<string, Hlc> = { ...survivor.clock };
	for (const field of SCALAR_FIELDS) {
		if (!(field in patch) || deepEqual(patch[field], view[field])) continue;
		next[field] = patch[field];
		clock[field] = hlc;
	}
	const viewSets = setsOf(view);
	const edited = stampSets(viewSets, { ...(view as ClientFields), ...patch }, hlc);
	const own = setsOf(survivor);
	const sets = {} as AnySets;
	for (const field of SET_FIELDS) {
		const map: SetMap = { ...own[field] };
		let changed = false;
		for (const [key, entry] of Object.entries(edited[field])) {
			const before = viewSets[field][key] ?? { a: {}, r: [] };
			const adds = Object.keys(entry.a).filter((tag) => !(tag in before.a));
			const removes = entry.r.filter((tag) => !before.r.includes(tag));
			if (adds.length === 0 && removes.length === 0) continue;
			changed = true;
			const mine = map[key] ?? { a: {}, r: [] };
			const a: Record<string, unknown> = {};
			for (const [tag, value] of Object.entries(mine.a)) if (!removes.includes(tag)) a[tag] = value;
			for (const tag of adds) a[tag] = entry.a[tag];
			const entryAfter = { a, r: [...new Set([...mine.r, ...removes])] };
			// Through the join, so tags and removals come out sorted as every other writer sorts them.
			const joined = mergeSetMaps({}, { [key]: entryAfter }, undefined)[key];
			if (joined) map[key] = joined;
			else delete map[key];
		}
		sets[field] = map;
		next[field] = visibleValues(field, map);
		if (changed) clock[field] = hlc;
	}
	return {
		...(next as Client),
		sortName: sortNameOf(next as ClientFields).slice(0, SORT_NAME_MAX),
		clock,
		sets: sets as SetsMeta
	};
}
