// The search index answers word needles from per-word-start lists (word-starts.ts) and scans
// digits-only values apart from the rest (search-texts.ts). Both must give exactly the answers
// of a plain scan: the same marks as Haystack.mark over the same texts, through edits before and
// after the lists are built, and the same query results as a card-by-card filter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyClientFields, type Client } from '../../src/lib/domain/client';
import { Haystack } from '../../src/lib/domain/haystack';
import { sortNameOf } from '../../src/lib/domain/normalize';
import { NO_FILTERS, type ClientFilters, type SortSpec } from '../../src/lib/domain/query';
import { ClientSearchIndex, matchesText } from '../../src/lib/domain/search';
import { WordStarts } from '../../src/lib/domain/word-starts';
import { generateClientFields } from '../fixtures/clients';

/** Words as Entry.words holds them: ' word word…', folded, possibly with empty words. */
// A small alphabet, so that prefixes often start a word (and 5–6 characters pass the lists'
// 4-character keys).
const word = fc
	.array(fc.constantFrom('m', 'a', 'ò', 'п', "'"), { maxLength: 7 })
	.map((cs) => cs.join(''));
const words = fc.array(word, { maxLength: 4 }).map((ws) => ws.map((w) => ` ${w}`).join(''));
const prefix = fc
	.array(fc.constantFrom('m', 'a', 'ò', 'п', "'", ' '), { minLength: 1, maxLength: 6 })
	.map((cs) => cs.join(''));

type Op =
	| { kind: 'set'; slot: number; text: string }
	| { kind: 'delete'; slot: number }
	| { kind: 'build' }
	| { kind: 'mark'; prefix: string; from: number };

const op: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({ kind: fc.constant('set' as const), slot: fc.nat(12), text: words })
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), slot: fc.nat(12) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('build' as const) }) },
	{
		weight: 3,
		arbitrary: fc.record({ kind: fc.constant('mark' as const), prefix, from: fc.nat(2) })
	}
);

describe('word-start lists', () => {
	it('mark exactly like a scan of the joined words, before and after a build, through edits (property)', () => {
		fc.assert(
			fc.property(
				fc.array(op, { maxLength: 60 }),
				fc.array(fc.nat(2), { minLength: 16, maxLength: 16 }),
				(ops, start) => {
					const starts = new WordStarts();
					const scan = new Haystack();
					for (const o of ops) {
						if (o.kind === 'set') {
							starts.set(o.slot, o.text);
							scan.set(o.slot, o.text);
						} else if (o.kind === 'delete') {
							starts.delete(o.slot);
							scan.delete(o.slot);
						} else if (o.kind === 'build') {
							starts.build();
							expect(starts.ready).toBe(true);
						} else {
							const a = Uint16Array.from(start);
							const b = Uint16Array.from(start);
							const moved = starts.mark(o.prefix, a, o.from);
							const expected = scan.mark(` ${o.prefix}`, b, o.from);
							if (moved === -1) {
								expect(starts.ready).toBe(false);
							} else {
								expect(moved).toBe(expected);
								expect([...a]).toEqual([...b]);
							}
						}
					}
				}
			),
			{ numRuns: 400 }
		);
	});

	it('are dropped after many changes, and answer again once rebuilt', () => {
		const starts = new WordStarts();
		for (let slot = 0; slot < 3_000; slot++) starts.set(slot, ' maria rossi');
		starts.build();
		const counts = new Uint16Array(3_000);
		expect(starts.mark('ma', counts, 0)).toBe(3_000);
		for (let slot = 0; slot < 2_500; slot++) starts.set(slot, ' anna verdi');
		expect(starts.ready).toBe(false);
		expect(starts.mark('ma', new Uint16Array(3_000), 0)).toBe(-1);
		starts.build();
		expect(starts.mark('ma', new Uint16Array(3_000), 0)).toBe(500);
		expect(starts.mark('an', new Uint16Array(3_000), 0)).toBe(2_500);
	});
});

const book: Client[] = generateClientFields(300, { seed: 11 }).map((fields, i) => {
	const f = { ...emptyClientFields(), ...fields };
	// Some company names and tags with punctuation and Cyrillic, some digits-only card numbers.
	if (i % 9 === 0) f.business = { ...f.business, company: "Salone d'Oro-Ёлка" };
	if (i % 13 === 0) f.tags = ['vip', 'колористка'];
	if (i % 17 === 0) f.fidelityCardNumber = `33${i}`;
	return {
		...f,
		id: `w${String(i).padStart(4, '0')}`,
		sortName: sortNameOf(f),
		createdAt: 1e12 + i,
		createdBy: 'test',
		updatedAt: 0,
		clock: {},
		archived: i % 10 === 0,
		blacklisted: false
	};
});

const names = [...new Set(book.flatMap((c) => [c.firstName, c.lastName]))];

/** What people type: 1–4 character prefixes of the book's names, digits, several words,
 *  accents, Cyrillic, card and e-mail fragments, punctuation. */
const typed = fc.oneof(
	fc
		.tuple(fc.constantFrom(...names), fc.integer({ min: 1, max: 4 }))
		.map(([name, n]) => name.slice(0, n)),
	fc.constantFrom(
		'r',
		'ro',
		'ros',
		'F',
		'FC',
		'FC1',
		'FC10',
		'fc100',
		'3',
		'33',
		'333',
		'333 1',
		'4567',
		'+39 3',
		'mari',
		'maria ros',
		'sara m',
		'giulia.bianchi',
		'nicolò',
		'иванова',
		'ив',
		'd',
		"d'a",
		'ёлка',
		'колор',
		'example',
		'@ex',
		'x',
		'g m r'
	),
	fc
		.array(fc.constantFrom('a', 'm', 'r', 'o', 's', 'i', '3', '1', ' ', 'и', 'в', 'à', 'F', 'C'), {
			minLength: 1,
			maxLength: 5
		})
		.map((cs) => cs.join(''))
);

type Step =
	| { kind: 'type'; text: string; archived: ClientFilters['archived']; column: SortSpec['column'] }
	| { kind: 'edit'; card: number }
	| { kind: 'remove'; card: number }
	| { kind: 'prepare' };

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('type' as const),
			text: typed,
			archived: fc.constantFrom<ClientFilters['archived']>('active', 'all'),
			column: fc.constantFrom<SortSpec['column']>('name', 'phone')
		})
	},
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), card: fc.nat(299) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), card: fc.nat(299) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('prepare' as const) }) }
);

describe('the index with word-start lists and split substring texts', () => {
	it('answers like a card-by-card filter through typing, edits, removals and idle builds (property)', () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
				const live = new Map(book.slice(0, 200).map((c) => [c.id, c]));
				const idx = new ClientSearchIndex({ defaultCountry: 'IT' });
				idx.replaceAll([...live.values()]);
				for (const s of steps) {
					if (s.kind === 'prepare') {
						idx.prepare();
					} else if (s.kind === 'remove') {
						const id = (book[s.card] as Client).id;
						idx.remove(id);
						live.delete(id);
					} else if (s.kind === 'edit') {
						const card = book[s.card] as Client;
						// Names that share no start with the book's, or the card as it was.
						const renamed = live.get(card.id)?.firstName !== 'Zeno';
						const edited = {
							...card,
							firstName: renamed ? 'Zeno' : card.firstName,
							lastName: renamed ? 'Quarta' : card.lastName,
							fidelityCardNumber: card.fidelityCardNumber ? '' : `FC${s.card}`,
							phones: card.phones.length
								? []
								: [{ e164: '+393331234567', raw: '3331234567', label: 'mobile' as const }]
						};
						const written = { ...edited, sortName: sortNameOf(edited) };
						idx.upsert(written);
						live.set(written.id, written);
					} else {
						const answer = idx.query({
							text: s.text,
							filters: { ...NO_FILTERS, archived: s.archived },
							sort: { column: s.column, direction: 'asc' },
							today: '2026-06-01'
						});
						const expected = [...live.values()].filter(
							(c) => (s.archived === 'all' || !c.archived) && matchesText(c, s.text, 'IT')
						);
						expect(answer.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
					}
				}
			}),
			{ numRuns: 120 }
		);
	});
});

describe('1–2 digit needles from the per-card digit bits', () => {
	it('find exactly the cards holding that digit or pair, through edits and removals', () => {
		const live = new Map(book.map((c) => [c.id, c]));
		const idx = new ClientSearchIndex({ defaultCountry: 'IT' });
		idx.replaceAll([...live.values()]);
		const needles = [
			...Array.from({ length: 10 }, (_, d) => String(d)),
			...Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'))
		];
		const check = () => {
			for (const text of [...needles, ...needles.map((n) => `maria ${n}`)]) {
				const answer = idx.query({
					text,
					filters: { ...NO_FILTERS, archived: 'all' },
					sort: { column: 'name', direction: 'asc' },
					today: '2026-06-01'
				});
				const expected = [...live.values()].filter((c) => matchesText(c, text, 'IT'));
				expect(answer.map((c) => c.id).sort(), text).toEqual(expected.map((c) => c.id).sort());
			}
		};
		check();
		// A card loses its digits, another gains new ones, a third goes (its slot is reused).
		for (const [i, card] of book.slice(0, 40).entries()) {
			if (i % 3 === 0) {
				idx.remove(card.id);
				live.delete(card.id);
			} else {
				const edited = {
					...card,
					phones:
						i % 3 === 1
							? []
							: [{ e164: '+359881020304', raw: '0881 020 304', label: 'mobile' as const }],
					fidelityCardNumber: i % 2 ? '' : `X${i}0${i}`
				};
				idx.upsert(edited);
				live.set(edited.id, edited);
			}
		}
		check();
	});
});
