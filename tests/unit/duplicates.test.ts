import { describe, expect, it } from 'vitest';
import { emptyClientFields, type ClientFields } from '../../src/lib/domain/client';
import {
	DuplicateIndex,
	duplicateKeysOf,
	matchPair,
	type MatchLevel
} from '../../src/lib/domain/duplicates';
import { generateClientFields } from '../fixtures/clients';

interface Card {
	first?: string;
	last?: string;
	/** raw phone text as typed (e164 left empty, as the form has it before saving) */
	phones?: string[];
	emails?: string[];
	fc?: string;
}

function card(c: Card): ClientFields {
	return {
		...emptyClientFields(),
		firstName: c.first ?? '',
		lastName: c.last ?? '',
		phones: (c.phones ?? []).map((raw) => ({ e164: '', raw, label: 'mobile' as const })),
		emails: c.emails ?? [],
		fiscalCode: c.fc ?? ''
	};
}

const MARIA: Card = { first: 'Maria', last: 'Rossi', phones: ['333 123 4567'] };

// [label, a, b, expected level (null: no match), expected reasons]
const TABLE: Array<[string, Card, Card, MatchLevel | null, string[]]> = [
	['same name and phone', MARIA, MARIA, 'strong', ['name', 'phone']],
	[
		'swapped first/last name',
		MARIA,
		{ ...MARIA, first: 'Rossi', last: 'Maria' },
		'strong',
		['name', 'phone']
	],
	['name case', MARIA, { ...MARIA, first: 'MARIA', last: 'rossi' }, 'strong', ['name', 'phone']],
	[
		'Nicolò / Nicolo',
		{ first: 'Nicolò', last: 'Bianchi', phones: ['3401112233'] },
		{ first: 'Nicolo', last: 'Bianchi', phones: ['340 111 2233'] },
		'strong',
		['name', 'phone']
	],
	[
		"D'Angelo / D Angelo",
		{ first: 'Luca', last: "D'Angelo", emails: ['l@x.it'] },
		{ first: 'Luca', last: 'D Angelo', emails: ['L@X.IT'] },
		'strong',
		['name', 'email']
	],
	[
		'+39 333… / 0039 333…',
		{ ...MARIA, phones: ['+39 333 123 4567'] },
		{ ...MARIA, phones: ['0039 333 1234567'] },
		'strong',
		['name', 'phone']
	],
	[
		'+39 333… / 333 …',
		{ ...MARIA, phones: ['+39 333 123 4567'] },
		{ ...MARIA, phones: ['333 1234567'] },
		'strong',
		['name', 'phone']
	],
	[
		'0039 333… / 333-…',
		{ ...MARIA, phones: ['0039 3331234567'] },
		{ ...MARIA, phones: ['333-123-4567'] },
		'strong',
		['name', 'phone']
	],
	[
		'39 333… without plus / 333 …',
		{ ...MARIA, phones: ['39 333 1234567'] },
		MARIA,
		'strong',
		['name', 'phone']
	],
	[
		'second phone shared',
		{ ...MARIA, phones: ['06 1234 5678', '333 123 4567'] },
		MARIA,
		'strong',
		['name', 'phone']
	],
	[
		'same name and e-mail, no phone',
		{ first: 'Giulia', last: 'Verdi', emails: ['giulia@example.it'] },
		{ first: 'Giulia', last: 'Verdi', emails: [' Giulia@Example.IT '] },
		'strong',
		['name', 'email']
	],
	[
		'same name, phone and e-mail',
		{ ...MARIA, emails: ['m@r.it'] },
		{ ...MARIA, emails: ['m@r.it'] },
		'strong',
		['name', 'phone', 'email']
	],
	[
		'double first name split differently',
		{ first: 'Anna Maria', last: 'Rossi', phones: ['3331234567'] },
		{ first: 'Anna', last: 'Maria Rossi', phones: ['3331234567'] },
		'strong',
		['name', 'phone']
	],
	[
		'same fiscal code, different spelling',
		{ first: 'Maria', last: 'Rossi', fc: 'RSSMRA80A41H501U' },
		{ first: 'Marja', last: 'Rosi', fc: 'rssmra80a41h501u' },
		'certain',
		['fiscalCode']
	],
	[
		'same fiscal code with spaces',
		{ first: 'Maria', last: 'Rossi', fc: 'RSSMRA80A41H501U' },
		{ first: 'M.', last: 'Rossi', fc: 'RSS MRA 80A41 H501U' },
		'certain',
		['fiscalCode']
	],
	[
		'same fiscal code, name and phone',
		{ ...MARIA, fc: 'RSSMRA80A41H501U' },
		{ ...MARIA, fc: 'RSSMRA80A41H501U' },
		'certain',
		['fiscalCode', 'name', 'phone']
	],
	[
		'same fiscal code, other phone',
		{ ...MARIA, fc: 'RSSMRA80A41H501U' },
		{ first: 'Maria', last: 'Rossi', phones: ['347 000 1111'], fc: 'RSSMRA80A41H501U' },
		'certain',
		['fiscalCode', 'name']
	],
	[
		'mother and daughter share a phone',
		{ first: 'Maria', last: 'Rossi', phones: ['333 123 4567'] },
		{ first: 'Giulia', last: 'Rossi', phones: ['+39 333 123 4567'] },
		'review',
		['phone']
	],
	[
		'family e-mail shared',
		{ first: 'Paolo', last: 'Neri', emails: ['famiglia.neri@example.it'] },
		{ first: 'Laura', last: 'Neri', emails: ['famiglia.neri@example.it'] },
		'review',
		['email']
	],
	[
		'phone shared, different surname',
		MARIA,
		{ first: 'Maria', last: 'Bianchi', phones: ['3331234567'] },
		'review',
		['phone']
	],
	[
		'same name and phone, two fiscal codes (twins)',
		{ ...MARIA, fc: 'RSSMRA80A41H501U' },
		{ ...MARIA, fc: 'RSSMRA80A41H501X' },
		'review',
		['name', 'phone']
	],
	[
		'same name only',
		{ first: 'Maria', last: 'Rossi' },
		{ first: 'Maria', last: 'Rossi', phones: ['347 000 1111'] },
		'weak',
		['name']
	],
	[
		'same name only, swapped',
		{ first: 'Maria', last: 'Rossi' },
		{ first: 'Rossi', last: 'Maria' },
		'weak',
		['name']
	],
	[
		'same name only, accents',
		{ first: 'Zoë', last: 'Müller' },
		{ first: 'zoe', last: 'MULLER' },
		'weak',
		['name']
	],
	[
		'Cyrillic name',
		{ first: 'Мария', last: 'Иванова' },
		{ first: 'мария', last: 'ИВАНОВА' },
		'weak',
		['name']
	],
	[
		'different people',
		MARIA,
		{ first: 'Giulia', last: 'Bianchi', phones: ['347 000 1111'] },
		null,
		[]
	],
	[
		'different phones, different names',
		{ first: 'A', last: 'B', phones: ['3331111111'] },
		{ first: 'C', last: 'D', phones: ['3332222222'] },
		null,
		[]
	],
	[
		'first name alone is not a full-name match',
		{ first: 'Maria' },
		{ first: 'Maria', last: 'Rossi' },
		null,
		[]
	],
	['empty cards never match', {}, {}, null, []],
	[
		'unparsable phones never match',
		{ first: 'A', phones: ['abc'] },
		{ first: 'B', phones: ['abc'] },
		null,
		[]
	],
	[
		'partial fiscal code is not a code',
		{ first: 'A', fc: 'RSS' },
		{ first: 'B', fc: 'RSS' },
		null,
		[]
	],
	[
		'an e-mail without @ is not a key',
		{ first: 'A', emails: ['mario'] },
		{ first: 'B', emails: ['mario'] },
		null,
		[]
	],
	[
		'same name, different phones and e-mails',
		{ ...MARIA, emails: ['a@x.it'] },
		{ first: 'Maria', last: 'Rossi', phones: ['347 000 1111'], emails: ['b@x.it'] },
		'weak',
		['name']
	],
	[
		'Portuguese number in both forms',
		{ first: 'Ana', last: 'Silva', phones: ['+351 912 345 678'] },
		{ first: 'Ana', last: 'Silva', phones: ['00351912345678'] },
		'strong',
		['name', 'phone']
	],
	[
		'landline with leading 0',
		{ first: 'Anna', last: 'Ricci', phones: ['06 1234 5678'] },
		{ first: 'Anna', last: 'Ricci', phones: ['+39 06 12345678'] },
		'strong',
		['name', 'phone']
	]
];

describe('matchPair', () => {
	it('has a table of at least 30 pairs', () => {
		expect(TABLE.length).toBeGreaterThanOrEqual(30);
	});

	it.each(TABLE)('%s', (_label, a, b, level, reasons) => {
		const ka = duplicateKeysOf(card(a));
		const kb = duplicateKeysOf(card(b));
		const ab = matchPair(ka, kb);
		expect(ab === null ? null : ab.level).toBe(level);
		expect(ab?.reasons ?? []).toEqual(reasons);
		// symmetric
		expect(matchPair(kb, ka)).toEqual(ab);
	});
});

describe('duplicateKeysOf', () => {
	it('prefers the stored E.164 and normalises raw text with the salon country', () => {
		const stored = {
			...card({}),
			phones: [{ e164: '+351912345678', raw: 'whatever', label: 'mobile' as const }]
		};
		expect(duplicateKeysOf(stored).phones).toEqual(['+351912345678']);
		expect(duplicateKeysOf(card({ phones: ['912 345 678'] }), 'PT').phones).toEqual([
			'+351912345678'
		]);
		expect(duplicateKeysOf(card({ phones: ['333 123 4567'] }), 'IT').phones).toEqual([
			'+393331234567'
		]);
	});
});

describe('DuplicateIndex', () => {
	it('finds candidates best first and excludes the card itself', () => {
		const index = new DuplicateIndex('IT');
		index.set('1', card(MARIA));
		index.set('2', card({ first: 'Giulia', last: 'Rossi', phones: ['3331234567'] }));
		index.set('3', card({ first: 'Maria', last: 'Rossi' }));
		index.set('4', card({ first: 'Maria', last: 'Rossi', fc: 'RSSMRA80A41H501U' }));
		index.set('5', card({ first: 'Other', last: 'Person' }));
		const found = index.candidatesFor(card({ ...MARIA, fc: 'RSSMRA80A41H501U' }), {
			excludeId: '1'
		});
		expect(found.map((m) => [m.id, m.level])).toEqual([
			['4', 'certain'],
			['2', 'review'],
			['3', 'weak']
		]);
		expect(
			index.candidatesFor(card(MARIA), { minLevel: 'review' }).map((m) => [m.id, m.level])
		).toEqual([
			['1', 'strong'],
			['2', 'review']
		]);
	});

	it('replaces and deletes entries', () => {
		const index = new DuplicateIndex();
		index.set('1', card(MARIA));
		index.set('1', card({ first: 'Giulia', last: 'Verdi' }));
		expect(index.candidatesFor(card(MARIA))).toEqual([]);
		expect(index.candidatesFor(card({ first: 'Verdi', last: 'Giulia' }))).toHaveLength(1);
		index.delete('1');
		expect(index.size).toBe(0);
		expect(index.candidatesFor(card({ first: 'Giulia', last: 'Verdi' }))).toEqual([]);
	});

	it('lists each pair once, a < b, at or above the level asked', () => {
		const index = new DuplicateIndex();
		index.set('b', card(MARIA));
		index.set('a', card(MARIA));
		index.set('c', card({ first: 'Giulia', last: 'Rossi', phones: ['3331234567'] }));
		index.set('d', card({ first: 'Maria', last: 'Rossi' }));
		expect(index.pairsFor(['a', 'b', 'c'], 'review')).toEqual([
			{ a: 'a', b: 'b', level: 'strong', reasons: ['name', 'phone'] },
			{ a: 'a', b: 'c', level: 'review', reasons: ['phone'] },
			{ a: 'b', b: 'c', level: 'review', reasons: ['phone'] }
		]);
		expect(index.pairsFor(['d'])).toHaveLength(2);
	});

	it('agrees with a pairwise scan on a generated salon', () => {
		const all = generateClientFields(400, { seed: 7 });
		const index = new DuplicateIndex();
		all.forEach((f, i) => index.set(String(i).padStart(4, '0'), f));
		const keys = all.map((f) => duplicateKeysOf(f));
		const expected: string[] = [];
		for (let i = 0; i < all.length; i++) {
			for (let j = i + 1; j < all.length; j++) {
				const m = matchPair(keys[i]!, keys[j]!);
				if (m) expected.push(`${i} ${j} ${m.level}`);
			}
		}
		const ids = all.map((_, i) => String(i).padStart(4, '0'));
		const got = index.pairsFor(ids).map((p) => `${Number(p.a)} ${Number(p.b)} ${p.level}`);
		expect(expected.length).toBeGreaterThan(10);
		expect(got.sort()).toEqual(expected.sort());
	});
});
