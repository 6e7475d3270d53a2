// Merges of duplicate cards as `links` documents (DESIGN.md › Duplicates). One document per
// pair of cards, with a deterministic id, is a last-writer-wins register ordered by its HLC
// stamp: 'merge' (active or undone) or 'distinct' ("it's a different person"). Two devices that
// merge the same pair offline write the same document, and any order of delivery converges.
// The cards themselves are never rewritten by a merge: the survivor's view is computed from
// the group's cards and links (link-view.ts), so an undo restores both cards exactly.
import type { Hlc } from './hlc.js';
import { compareHlc } from './hlc.js';
import { linkIdOf, type Link, type LinkKind, type MergeChoices } from './link-schema.js';
import { canonicalJson } from './canonical-json.js';

export * from './link-schema.js';

export function isActiveMerge(link: Pick<Link, 'kind' | 'undone'>): boolean {
	return link.kind === 'merge' && !link.undone;
}

/** A new version of the pair's link. `hlc` must come from the device clock (newest stamp). */
export function writeLink(
	x: string,
	y: string,
	change: { kind: LinkKind; undone: boolean; origin?: Link['origin']; choices?: MergeChoices },
	ctx: { hlc: Hlc; deviceId: string; staff: string; now: number }
): Link {
	const [a, b] = x < y ? [x, y] : [y, x];
	return {
		id: linkIdOf(a, b),
		a,
		b,
		kind: change.kind,
		undone: change.undone,
		by: ctx.deviceId,
		staff: ctx.staff,
		at: ctx.now,
		clock: { state: ctx.hlc },
		origin: change.origin ?? 'manual',
		choices: change.choices ?? {}
	};
}

/** The merge rule of `links`: the newer stamp wins, canonical JSON breaks a tie. A max over a
 *  total order, hence commutative, associative and idempotent. */
export function mergeLinkDocs<T extends { clock: { state: string } }>(x: T, y: T): T {
	const byClock = compareHlc(x.clock.state, y.clock.state);
	if (byClock !== 0) return byClock > 0 ? x : y;
	return canonicalJson(x) >= canonicalJson(y) ? x : y;
}

export interface MergeGroups {
	/** Every id in a group of two or more → the group's survivor (its smallest id). */
	survivor: Map<string, string>;
	/** Survivor → every id of its group, survivor first, the rest sorted. */
	members: Map<string, string[]>;
	/** Survivor → the active merge links of its group. */
	links: Map<string, Link[]>;
}

/** Connected components of the active merge links; the survivor of each is its smallest id,
 *  so the result depends only on the set of links, never on their order. */
export function groupsOf(links: Iterable<Link>): MergeGroups {
	const parent = new Map<string, string>();
	const find = (x: string): string => {
		let root = x;
		while (parent.get(root) !== root) root = parent.get(root) as string;
		let node = x;
		while (node !== root) {
			const next = parent.get(node) as string;
			parent.set(node, root);
			node = next;
		}
		return root;
	};
	const active: Link[] = [];
	for (const link of links) {
		if (!isActiveMerge(link)) continue;
		active.push(link);
		for (const id of [link.a, link.b]) if (!parent.has(id)) parent.set(id, id);
		const ra = find(link.a);
		const rb = find(link.b);
		// Root = smaller id, so each root is its component's minimum.
		if (ra < rb) parent.set(rb, ra);
		else if (rb < ra) parent.set(ra, rb);
	}
	const survivor = new Map<string, string>();
	const members = new Map<string, string[]>();
	for (const id of [...parent.keys()].sort()) {
		const root = find(id);
		survivor.set(id, root);
		const list = members.get(root) ?? [];
		list.push(id);
		members.set(root, list);
	}
	const groupLinks = new Map<string, Link[]>();
	for (const link of active) {
		const root = survivor.get(link.a) as string;
		const list = groupLinks.get(root) ?? [];
		list.push(link);
		groupLinks.set(root, list);
	}
	return { survivor, members, links: groupLinks };
}

/** Pairs marked "different person", as link ids. */
export function distinctPairs(links: Iterable<Link>): Set<string> {
	const out = new Set<string>();
	for (const link of links) if (link.kind === 'distinct') out.add(link.id);
	return out;
}

/** Merges to write for the pairs a duplicate check found (best first): certain and strong
 *  pairs when `automatic`, unless split by hand before; each group joined once. The rest are
 *  counted for review. */
export function planMerges(
	pairs: ReadonlyArray<{ a: string; b: string; level: string }>,
	opts: {
		automatic: boolean;
		isDistinct(a: string, b: string): boolean;
		wasUndone(a: string, b: string): boolean;
	}
): { merges: Array<[string, string]>; review: number } {
	const joined = new Map<string, string>();
	const root = (id: string): string => {
		let r = id;
		while (joined.has(r)) r = joined.get(r) as string;
		return r;
	};
	const merges: Array<[string, string]> = [];
	let review = 0;
	for (const pair of pairs) {
		if (opts.isDistinct(pair.a, pair.b)) continue;
		const ra = root(pair.a);
		const rb = root(pair.b);
		if (ra === rb) continue;
		const obvious = pair.level === 'certain' || pair.level === 'strong';
		if (opts.automatic && obvious && !opts.wasUndone(pair.a, pair.b)) {
			merges.push([pair.a, pair.b]);
			if (ra < rb) joined.set(rb, ra);
			else joined.set(ra, rb);
		} else {
			review++;
		}
	}
	return { merges, review };
}

export function linksById(links: readonly Link[]): Map<string, Link> {
	return new Map(links.map((l) => [l.id, l]));
}
