// The index points a card's empty set metadata at shared frozen values (share-stamps.ts): the
// card must read the same, and every later write and merge over it must come out as over an
// untouched copy (they build new metadata, and would throw on a frozen value they changed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyClientFields, type Client, type ClientFields } from '../../src/lib/domain/client';
import { formatHlc } from '../../src/lib/domain/hlc';
import { mergeClients } from '../../src/lib/domain/merge';
import { sortNameOf } from '../../src/lib/domain/normalize';
import { shareEmptySets, shareStamps } from '../../src/lib/domain/share-stamps';
import { stampWrite } from '../../src/lib/domain/stamp';
import { generateClientFields } from '../fixtures/clients';

const pool = generateClientFields(40, { seed: 3 });
const hlc = (ms: number, node: string) =>
	formatHlc({ wallMs: 1_700_000_000_000 + ms, counter: 0, nodeId: node });

function card(id: string, fields: ClientFields, at: string): Client {
	const { fields: f, clock, sets } = stampWrite(null, fields, at);
	return {
		...f,
		id,
		sortName: sortNameOf(f),
		createdAt: 1,
		createdBy: '',
		updatedAt: 1,
		clock,
		sets
	};
}

function edit(c: Client, next: ClientFields, at: string): Client {
	const { fields, clock, sets } = stampWrite({ fields: c, clock: c.clock, sets: c.sets }, next, at);
	return { ...c, ...fields, sortName: sortNameOf(fields), clock, sets, updatedAt: 2 };
}

const fieldsOf = (i: number): ClientFields => ({
	...emptyClientFields(),
	...(pool[i] as ClientFields)
});

describe('shared empty set metadata', () => {
	it('reads the same, and writes and merges over it give what they give over a copy (property)', () => {
		fc.assert(
			fc.property(
				fc.nat(pool.length - 1),
				fc.nat(pool.length - 1),
				fc.nat(pool.length - 1),
				fc.subarray(['tags', 'allergies', 'emails', 'phones'] as const),
				(first, second, third, emptied) => {
					const original = card('x', fieldsOf(first), hlc(1, 'a'));
					const shared = structuredClone(original);
					shareStamps(shared.clock);
					shareEmptySets(shared.sets);
					// Some metadata is shared now (contraindications, at least, are empty here).
					expect(Object.values(shared.sets ?? {}).some((m) => Object.isFrozen(m))).toBe(true);
					expect(shared).toEqual(original);
					expect(JSON.stringify(shared)).toBe(JSON.stringify(original));
					// An edit that adds to and empties sets, then a concurrent edit from elsewhere.
					const next = { ...fieldsOf(second), tags: ['vip'], allergies: ['nickel'] };
					for (const field of emptied) next[field] = [];
					const mine = edit(shared, next, hlc(2, 'a'));
					expect(mine).toEqual(edit(original, next, hlc(2, 'a')));
					const theirs = edit(original, fieldsOf(third), hlc(3, 'b'));
					expect(mergeClients(shared, theirs)).toEqual(mergeClients(original, theirs));
					expect(mergeClients(theirs, shared)).toEqual(mergeClients(theirs, original));
					const sharedMine = structuredClone(mine);
					shareEmptySets(sharedMine.sets);
					expect(mergeClients(sharedMine, theirs)).toEqual(mergeClients(mine, theirs));
				}
			),
			{ numRuns: 150 }
		);
	});

	it('leaves frozen metadata and cards without any alone', () => {
		const frozen = Object.freeze({ tags: Object.freeze({}) });
		expect(() => shareEmptySets(frozen)).not.toThrow();
		expect(() => shareEmptySets(undefined)).not.toThrow();
	});
});
