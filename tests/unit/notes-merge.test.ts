// Timeline notes under sync (DESIGN.md › Merge rules, rule 4): notes added concurrently on
// several offline devices all survive, a note's text is never overwritten, and concurrent pins
// converge on one alert, whatever order, duplicates and retries the documents arrive in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareHlc, HybridClock } from '../../src/lib/domain/hlc';
import { isEqualDoc, mergeDocs } from '../../src/lib/domain/merge';
import {
	compareNotesNewestFirst,
	currentAlert,
	pinChanges,
	toNoteTombstone,
	unpinChanges,
	type Note,
	type NoteDoc
} from '../../src/lib/domain/notes';
import { makeNote, stampAt } from '../fixtures/notes-files';

const T0 = 1_763_942_400_000;
type Doc = NoteDoc & { _deleted: boolean };
type Store = Map<string, Doc>;

/** What a device (or the server) holds after receiving `doc`: the merge with what it had. */
function receive(store: Store, doc: Doc): void {
	const had = store.get(doc.id);
	store.set(doc.id, had ? mergeDocs('notes', had, doc) : doc);
}

function live(store: Store): Note[] {
	return [...store.values()].filter((d) => !d._deleted);
}

describe('note merge', () => {
	it('two notes added concurrently on two offline devices both survive, text intact', () => {
		const tablet = new Map<string, Doc>();
		const reception = new Map<string, Doc>();
		const a = {
			...makeNote({ id: 'n-a', text: 'Reacted to the peel', deviceId: 'tablet' }),
			_deleted: false
		};
		const b = {
			...makeNote({
				id: 'n-b',
				text: 'Pays by card only',
				deviceId: 'recept',
				clock: { created: stampAt(T0, 'recept'), pin: '' }
			}),
			_deleted: false
		};
		receive(tablet, a);
		receive(reception, b);
		// Reconnect: each side gets the other's note (and its own echo back from the server).
		for (const doc of [a, b]) {
			receive(tablet, doc);
			receive(reception, doc);
		}
		for (const store of [tablet, reception]) {
			expect(
				live(store)
					.map((n) => n.text)
					.sort()
			).toEqual(['Pays by card only', 'Reacted to the peel']);
		}
	});

	it('the merge is commutative, associative and idempotent on versions of one note', () => {
		const version = fc.record({
			pinned: fc.boolean(),
			pinMs: fc.integer({ min: 0, max: 50 }),
			node: fc.constantFrom('tablet', 'recept', 'phone'),
			deleted: fc.boolean()
		});
		const toDoc = (v: { pinned: boolean; pinMs: number; node: string; deleted: boolean }): Doc => {
			const note = makeNote({
				pinned: v.pinned,
				clock: { created: stampAt(T0), pin: v.pinMs === 0 ? '' : stampAt(T0 + v.pinMs, v.node) }
			});
			return v.deleted
				? { ...toNoteTombstone(note), _deleted: true }
				: { ...note, _deleted: false };
		};
		fc.assert(
			fc.property(version, version, version, (va, vb, vc) => {
				const [a, b, c] = [toDoc(va), toDoc(vb), toDoc(vc)];
				const m = (x: Doc, y: Doc) => mergeDocs('notes', x, y);
				expect(isEqualDoc(m(a, b), m(b, a))).toBe(true);
				expect(isEqualDoc(m(m(a, b), c), m(a, m(b, c)))).toBe(true);
				expect(isEqualDoc(m(a, a), a)).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('a pin from another device changes the pin, never the text', () => {
		const original = { ...makeNote({ text: 'Original text' }), _deleted: false };
		const pinned = {
			...original,
			pinned: true,
			clock: { ...original.clock, pin: stampAt(T0 + 5, 'recept') }
		};
		const merged = mergeDocs('notes', original, pinned);
		expect(merged.text).toBe('Original text');
		expect(merged.pinned).toBe(true);
	});

	it('a delete by the author wins over a concurrent pin, and drops the text', () => {
		const note = { ...makeNote(), _deleted: false };
		const pinned = {
			...note,
			pinned: true,
			clock: { ...note.clock, pin: stampAt(T0 + 9, 'recept') }
		};
		const deleted = { ...toNoteTombstone(note), _deleted: true };
		for (const merged of [
			mergeDocs('notes', pinned, deleted),
			mergeDocs('notes', deleted, pinned)
		]) {
			expect(merged._deleted).toBe(true);
			expect(merged.text).toBe('');
		}
	});
});

describe('the pinned alert converges', () => {
	it('random concurrent pins and unpins on three devices, shuffled and duplicated delivery → one alert everywhere', () => {
		const op = fc.record({
			device: fc.integer({ min: 0, max: 2 }),
			kind: fc.constantFrom('add', 'pin', 'pin', 'unpin', 'sync'),
			target: fc.nat(),
			advanceMs: fc.integer({ min: 0, max: 3 })
		});
		fc.assert(
			fc.property(
				fc.array(op, { minLength: 1, maxLength: 30 }),
				fc.infiniteStream(fc.nat()),
				(ops, rand) => {
					let now = T0;
					const nodes = ['tablet', 'recept', 'phone'];
					const clocks = nodes.map((n) => new HybridClock(n, () => now));
					const stores: Store[] = nodes.map(() => new Map());
					const sent: Doc[] = [];
					let added = 0;
					const write = (device: number, doc: Doc) => {
						receive(stores[device] as Store, doc);
						sent.push(doc);
					};
					for (const o of ops) {
						now += o.advanceMs;
						const store = stores[o.device] as Store;
						const clock = clocks[o.device] as HybridClock;
						const notes = live(store);
						if (o.kind === 'add') {
							const id = `n-${String(added++).padStart(3, '0')}`;
							write(o.device, {
								...makeNote({
									id,
									text: `note ${id}`,
									deviceId: nodes[o.device],
									createdAt: now,
									clock: { created: clock.tick(), pin: '' }
								}),
								_deleted: false
							});
						} else if (o.kind === 'pin' && notes.length > 0) {
							const target = notes[o.target % notes.length] as Note;
							for (const c of pinChanges(notes, target.id, clock.tick())) {
								const doc = store.get(c.id) as Doc;
								write(o.device, { ...doc, pinned: c.pinned, clock: { ...doc.clock, pin: c.pin } });
							}
						} else if (o.kind === 'unpin') {
							for (const c of unpinChanges(notes, clock.tick())) {
								const doc = store.get(c.id) as Doc;
								write(o.device, { ...doc, pinned: c.pinned, clock: { ...doc.clock, pin: c.pin } });
							}
						} else if (o.kind === 'sync' && sent.length > 0) {
							// A partial sync: this device receives some of what was written so far.
							for (const doc of sent.slice(0, (o.target % sent.length) + 1)) receive(store, doc);
							for (const doc of store.values()) clock.receive(doc.clock.created);
						}
					}
					// Everything reaches everyone, shuffled, with duplicates.
					const finals = stores.map((store, i) => {
						const order = [...sent, ...sent.slice(0, i + 1)];
						const it = rand[Symbol.iterator]();
						for (let k = order.length - 1; k > 0; k--) {
							const j = (it.next().value as number) % (k + 1);
							[order[k], order[j]] = [order[j] as Doc, order[k] as Doc];
						}
						for (const doc of order) receive(store, doc);
						return store;
					});
					const alerts = finals.map((s) => currentAlert(live(s))?.id ?? null);
					expect(new Set(alerts).size).toBe(1);
					// Every note added anywhere is on every device.
					for (const s of finals) expect(live(s)).toHaveLength(added);
					// The alert, if any, is the note pinned last (largest pin stamp among pinned notes).
					const pinned = live(finals[0] as Store).filter((n) => n.pinned);
					if (pinned.length > 0) {
						const last = pinned.reduce((x, y) =>
							compareHlc(y.clock.pin, x.clock.pin) > 0 ? y : x
						);
						expect(alerts[0]).toBe(last.id);
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it('pinning a note unpins the one pinned before; unpinning leaves no older pin behind', () => {
		const a = makeNote({
			id: 'a',
			pinned: true,
			clock: { created: stampAt(T0), pin: stampAt(T0 + 1) }
		});
		const b = makeNote({ id: 'b', clock: { created: stampAt(T0 + 2), pin: '' } });
		const c = makeNote({
			id: 'c',
			pinned: true,
			clock: { created: stampAt(T0 + 3), pin: stampAt(T0 + 4) }
		});
		expect(pinChanges([a, b, c], 'b', stampAt(T0 + 10))).toEqual([
			{ id: 'a', pinned: false, pin: stampAt(T0 + 10) },
			{ id: 'b', pinned: true, pin: stampAt(T0 + 10) },
			{ id: 'c', pinned: false, pin: stampAt(T0 + 10) }
		]);
		expect(unpinChanges([a, b, c], stampAt(T0 + 11)).map((ch) => ch.id)).toEqual(['a', 'c']);
		expect(currentAlert([a, b, c])?.id).toBe('c');
	});

	it('the timeline is newest first', () => {
		const old = makeNote({ id: 'old', createdAt: T0 });
		const recent = makeNote({ id: 'new', createdAt: T0 + 60_000 });
		expect([old, recent].sort(compareNotesNewestFirst).map((n) => n.id)).toEqual(['new', 'old']);
	});
});
