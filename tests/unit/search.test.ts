import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyClientFields, type Client, type ClientFields } from '../../src/lib/domain/client';
import { normalizePhone, sortNameOf } from '../../src/lib/domain/normalize';
import {
	DEFAULT_SORT,
	NO_FILTERS,
	type ClientFilters,
	type ClientQuery,
	type SortSpec
} from '../../src/lib/domain/query';
import {
	ClientSearchIndex,
	matchesText,
	narrows,
	parseSearchText
} from '../../src/lib/domain/search';

const TODAY = '2026-11-24';
let seq = 0;

/** A card as the database would hold it: phones normalised, sortName derived. */
function makeClient(
	fields: Partial<ClientFields> & { phone?: string; id?: string; createdAt?: number } = {}
): Client {
	const { phone, id, createdAt, ...rest } = fields;
	const f: ClientFields = { ...emptyClientFields(), firstName: 'Anna', lastName: 'Verdi', ...rest };
	if (phone) {
		const n = normalizePhone(phone, 'IT');
		f.phones = [{ e164: n.e164, raw: phone, label: 'mobile' }];
	}
	seq += 1;
	return {
		...f,
		id: id ?? `c${String(seq).padStart(4, '0')}`,
		sortName: sortNameOf(f),
		createdAt: createdAt ?? new Date(2026, 0, 10, 12).getTime(),
		createdBy: 'test',
		updatedAt: 0,
		clock: {}
	};
}

function q(
	text: string,
	filters: Partial<ClientFilters> = {},
	sort: SortSpec = DEFAULT_SORT
): ClientQuery {
	return { text, filters: { ...NO_FILTERS, ...filters }, sort, today: TODAY };
}

const maria = makeClient({
	id: 'maria',
	firstName: 'Maria',
	lastName: 'Rossi',
	phone: '333 123 4567',
	emails: ['maria.rossi@example.it'],
	fidelityCardNumber: 'FC-20931',
	fiscalCode: 'RSSMRA85T10A562S',
	tags: ['sposa'],
	birthDate: '1985-11-26',
	categoryIds: ['vip'],
	sourceId: 'instagram'
});
const nicolo = makeClient({
	id: 'nicolo',
	firstName: 'Nicolò',
	lastName: "D'Angelo",
	phone: '+39 06 9876 5432',
	emails: ['nico@studio.it'],
	birthDate: '--12-30',
	categoryIds: ['regular']
});
const ivana = makeClient({
	id: 'ivana',
	firstName: 'Ivana',
	lastName: 'Петрова',
	phone: '+359 88 812 3456',
	createdAt: new Date(2026, 2, 1, 0, 30).getTime()
});
const giulia = makeClient({
	id: 'giulia',
	firstName: 'Giulia',
	lastName: 'Bianchi',
	archived: true,
	phone: '347 000 1111',
	birthDate: '2000-02-29'
});
const sara = makeClient({
	id: 'sara',
	firstName: 'Sara',
	lastName: 'Rossini',
	blacklisted: true,
	blacklistReason: 'No-shows',
	emails: ['sara@example.com'],
	createdAt: new Date(2026, 0, 31, 23, 59).getTime()
});
const ALL = [maria, nicolo, ivana, giulia, sara];

function index(clients: readonly Client[] = ALL): ClientSearchIndex {
	const idx = new ClientSearchIndex({ defaultCountry: 'IT' });
	idx.replaceAll(clients);
	return idx;
}
const ids = (clients: readonly Client[]) => clients.map((c) => c.id);

describe('text search', () => {
	const idx = index();
	const find = (text: string) => ids(idx.query(q(text, { archived: 'all' })));

	it.each([
		['4567', ['maria']],
		['333 123', ['maria']],
		['3331234567', ['maria']],
		['+39 333 123 4567', ['maria']],
		['0039 333 1234567', ['maria']],
		['333-123-45', ['maria']],
		['06 9876', ['nicolo']],
		['0888 123', ['ivana']],
		['88 812', ['ivana']],
		['+359888', ['ivana']]
	])('phone %j', (text, expected) => {
		expect(find(text)).toEqual(expected);
	});

	it.each([
		['rossi', ['maria', 'sara']],
		['ROSSI MARIA', ['maria']],
		['maria rossi', ['maria']],
		['ross mar', ['maria']],
		['nicolo', ['nicolo']],
		['Nicolò', ['nicolo']],
		["d'angelo", ['nicolo']],
		['angelo', ['nicolo']],
		['петр', ['ivana']],
		['ossini', []],
		['rossi giulia', []]
	])('name %j', (text, expected) => {
		expect(find(text)).toEqual(expected);
	});

	it.each([
		['maria.rossi@', ['maria']],
		['example', ['maria', 'sara']],
		['studio.it', ['nicolo']],
		['fc-20931', ['maria']],
		['20931', ['maria']],
		['rssmra85t10a562s', ['maria']],
		['RSSMRA85', ['maria']],
		['sposa', ['maria']],
		['rossi 4567', ['maria']],
		['rossi 9999', []]
	])('e-mail, card, fiscal code, tags %j', (text, expected) => {
		expect(find(text)).toEqual(expected);
	});

	it('an empty or punctuation-only text returns everything that passes the filters', () => {
		expect(idx.query(q('')).length).toBe(4); // giulia is archived
		expect(idx.query(q('  - ')).length).toBe(4);
	});

	it('matchesText works on a single card', () => {
		expect(matchesText(nicolo, 'angelo nico', 'IT')).toBe(true);
		expect(matchesText(nicolo, 'rossi', 'IT')).toBe(false);
	});

	it('finds imported phones that lack E.164', () => {
		const imported = makeClient({
			id: 'imp',
			phones: [{ e164: '', raw: '0039 320 555 0101', label: 'other' }]
		});
		const i = index([imported]);
		expect(ids(i.query(q('3205550101')))).toEqual(['imp']);
	});
});

describe('filters', () => {
	const idx = index();
	const run = (filters: Partial<ClientFilters>) => ids(idx.query(q('', filters))).sort();

	it('archived: active hides archived, archived only them, all both', () => {
		expect(run({})).toEqual(['ivana', 'maria', 'nicolo', 'sara']);
		expect(run({ archived: 'archived' })).toEqual(['giulia']);
		expect(run({ archived: 'all' })).toHaveLength(5);
	});

	it('blacklisted: only, none, both', () => {
		expect(run({ blacklisted: true })).toEqual(['sara']);
		expect(run({ blacklisted: false })).toEqual(['ivana', 'maria', 'nicolo']);
	});

	it('category and source', () => {
		expect(run({ categoryId: 'vip' })).toEqual(['maria']);
		expect(run({ categoryId: 'none' })).toEqual([]);
		expect(run({ sourceId: 'instagram' })).toEqual(['maria']);
	});

	it('created from/to are inclusive local days', () => {
		expect(run({ createdFrom: '2026-01-31' })).toEqual(['ivana', 'sara']);
		expect(run({ createdTo: '2026-01-31' })).toEqual(['maria', 'nicolo', 'sara']);
		expect(run({ createdFrom: '2026-03-01', createdTo: '2026-03-01' })).toEqual(['ivana']);
	});

	it('birthday windows use the query date', () => {
		expect(run({ birthday: 'next7' })).toEqual(['maria']);
		expect(run({ birthday: 'thisMonth' })).toEqual(['maria']);
		expect(run({ birthday: 'range', birthdayFrom: '12-01', birthdayTo: '01-31' })).toEqual([
			'nicolo'
		]);
		expect(
			ids(idx.query({ ...q('', { birthday: 'today', archived: 'all' }), today: '2027-02-28' }))
		).toEqual(['giulia']);
	});

	it('filters combine with text', () => {
		expect(ids(idx.query(q('rossi', { blacklisted: false })))).toEqual(['maria']);
	});
});

describe('sorting', () => {
	const idx = index();
	const sorted = (column: SortSpec['column'], direction: SortSpec['direction'] = 'asc') =>
		ids(
			idx.query(q('', { archived: 'all' }, { column, direction }), {
				categoryName: (id) => ({ vip: 'VIP', regular: 'Abituali' })[id] ?? ''
			})
		);

	it('by name (surname first), both directions', () => {
		expect(sorted('name')).toEqual(['giulia', 'nicolo', 'maria', 'sara', 'ivana']);
		expect(sorted('name', 'desc')).toEqual(['ivana', 'sara', 'maria', 'nicolo', 'giulia']);
	});

	it('by phone and e-mail, empties last in both directions', () => {
		// E.164 order: +359… < +3906… < +39333… < +39347…
		expect(sorted('phone')).toEqual(['ivana', 'nicolo', 'maria', 'giulia', 'sara']);
		expect(sorted('phone', 'desc')).toEqual(['giulia', 'maria', 'nicolo', 'ivana', 'sara']);
		expect(sorted('email')).toEqual(['maria', 'nicolo', 'sara', 'giulia', 'ivana']);
		expect(sorted('email', 'desc')).toEqual(['sara', 'nicolo', 'maria', 'giulia', 'ivana']);
	});

	it('by category name, empties last', () => {
		// Cards without a value keep name order (Latin before Cyrillic) in both directions.
		expect(sorted('category')).toEqual(['nicolo', 'maria', 'giulia', 'sara', 'ivana']);
		expect(sorted('category', 'desc')).toEqual(['maria', 'nicolo', 'giulia', 'sara', 'ivana']);
	});

	it('a renamed category re-sorts', () => {
		const view = (names: Record<string, string>) =>
			ids(
				idx.query(q('', {}, { column: 'category', direction: 'asc' }), {
					categoryName: (id) => names[id] ?? ''
				})
			);
		expect(view({ vip: 'A', regular: 'B' }).slice(0, 2)).toEqual(['maria', 'nicolo']);
		expect(view({ vip: 'C', regular: 'B' }).slice(0, 2)).toEqual(['nicolo', 'maria']);
	});

	it('by creation time and by birthday (month-day, empties last)', () => {
		// Same creation time: ties break by name.
		expect(sorted('createdAt')).toEqual(['giulia', 'nicolo', 'maria', 'sara', 'ivana']);
		expect(sorted('createdAt', 'desc')).toEqual(['ivana', 'sara', 'maria', 'nicolo', 'giulia']);
		expect(sorted('birthday')).toEqual(['giulia', 'maria', 'nicolo', 'sara', 'ivana']);
		expect(sorted('birthday', 'desc')).toEqual(['nicolo', 'maria', 'giulia', 'sara', 'ivana']);
	});
});

describe('index maintenance', () => {
	it('upsert and remove keep every cached order equal to a fresh index', () => {
		const idx = index();
		const columns: SortSpec['column'][] = ['name', 'phone', 'email', 'birthday', 'createdAt'];
		for (const column of columns) idx.query(q('', {}, { column, direction: 'asc' }));
		idx.upsert({
			...maria,
			lastName: 'Zanetti',
			sortName: 'zanetti maria',
			phones: [],
			emails: []
		});
		idx.upsert(
			makeClient({ id: 'new', firstName: 'Bea', lastName: 'Amato', phone: '320 111 2222' })
		);
		idx.remove('nicolo');
		idx.remove('missing');
		expect(idx.size).toBe(5);
		expect(idx.get('maria')?.lastName).toBe('Zanetti');
		expect(idx.get('nicolo')).toBeUndefined();
		const fresh = index([...idx.query(q('', { archived: 'all' }))]);
		for (const column of columns) {
			for (const direction of ['asc', 'desc'] as const) {
				const query = q('', { archived: 'all' }, { column, direction });
				expect(ids(idx.query(query))).toEqual(ids(fresh.query(query)));
			}
		}
		expect(ids(idx.query(q('zanetti')))).toEqual(['maria']);
		expect(ids(idx.query(q('rossi')))).toEqual(['sara']);
	});
});

describe('repeated queries', () => {
	it('answer the same question from the cache, with the same read-only array', () => {
		const idx = index();
		const first = idx.query(q('rossi'));
		expect(idx.query(q('rossi'))).toBe(first);
		expect(ids(first)).toEqual(['maria', 'sara']);
		idx.upsert({ ...sara, archived: true });
		const second = idx.query(q('rossi'));
		expect(second).not.toBe(first);
		expect(ids(second)).toEqual(['maria']);
		// The earlier answer is left as it was: a later query never writes into it.
		expect(ids(first)).toEqual(['maria', 'sara']);
	});
});

describe('incremental narrowing', () => {
	it('narrows only when every card matching the new text matched the old one', () => {
		expect(narrows(parseSearchText('ros'), parseSearchText('ross'))).toBe(true);
		expect(narrows(parseSearchText('ross'), parseSearchText('ross ma'))).toBe(true);
		expect(narrows(parseSearchText('ross'), parseSearchText('ros'))).toBe(false);
		expect(narrows(parseSearchText('333 1'), parseSearchText('333 1a'))).toBe(false);
		expect(narrows(parseSearchText(''), parseSearchText('a'))).toBe(true);
	});

	it('typing character by character gives the same results as fresh queries (property)', () => {
		const pool = [
			...ALL,
			...Array.from({ length: 40 }, (_, i) =>
				makeClient({
					firstName: ['Maria', 'Mara', 'Marta', 'Nicola', 'Anna'][i % 5],
					lastName: ['Rossi', 'Rosso', 'Russo', "D'Amico", 'Marino'][i % 5],
					phone: `33${i % 10} ${100 + i} 45${i % 7}${i % 3}`,
					emails: i % 2 ? [`m${i}@salon.it`] : [],
					archived: i % 9 === 0
				})
			)
		];
		const idx = index(pool);
		// '<' stands for Backspace: the result must widen again.
		const chars = fc.constantFrom(..."maros ni3-4+0d'ò@.<<".split(''));
		fc.assert(
			fc.property(
				fc.array(chars, { maxLength: 12 }),
				fc.constantFrom<SortSpec['column']>('name', 'phone'),
				(typed, column) => {
					let text = '';
					for (const ch of typed) {
						text = ch === '<' ? text.slice(0, -1) : text + ch;
						const query = q(text, {}, { column, direction: 'asc' });
						const incremental = ids(idx.query(query));
						expect(incremental).toEqual(ids(index(pool).query(query)));
					}
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('upsertMany', () => {
	it('gives the same answers as upserting one by one, for small and large batches', async () => {
		const { ClientSearchIndex } = await import('../../src/lib/domain/search');
		const { generateClientFields } = await import('../fixtures/clients');
		const { NO_FILTERS } = await import('../../src/lib/domain/query');
		const cards = generateClientFields(600, { seed: 7 }).map((f, i) => ({
			...f,
			id: `id-${String(i).padStart(4, '0')}`,
			sortName: '',
			createdAt: 1_700_000_000_000 + i * 1000,
			createdBy: '',
			updatedAt: 1_700_000_000_000 + i * 1000,
			clock: {}
		}));
		const one = new ClientSearchIndex({ defaultCountry: 'IT' });
		const bulk = new ClientSearchIndex({ defaultCountry: 'IT' });
		one.replaceAll(cards.slice(0, 100));
		bulk.replaceAll(cards.slice(0, 100));
		const q = (column: 'name' | 'createdAt' | 'phone', text = '') => ({
			text,
			filters: NO_FILTERS,
			sort: { column, direction: 'asc' as const },
			today: '2026-06-01'
		});
		// Warm the cached sort orders so the bulk path must invalidate them.
		bulk.query(q('name'));
		bulk.query(q('phone'));
		for (const c of cards.slice(100)) one.upsert(c);
		bulk.upsertMany(cards.slice(100, 110)); // below the threshold: patched one by one
		bulk.upsertMany(cards.slice(110)); // above it: re-sorted lazily
		const renamed = { ...cards[5]!, lastName: 'Zzz' };
		one.upsert(renamed);
		bulk.upsertMany([renamed]);
		expect(bulk.size).toBe(600);
		for (const column of ['name', 'createdAt', 'phone'] as const) {
			for (const text of ['', 'ross', '33']) {
				const ids = (i: InstanceType<typeof ClientSearchIndex>) =>
					i.query(q(column, text)).map((c) => c.id);
				expect(ids(bulk), `${column} "${text}"`).toEqual(ids(one));
			}
		}
		expect(bulk.query(q('name', 'zzz')).map((c) => c.id)).toEqual(['id-0005']);
	});
});

describe('index against a card-by-card scan', () => {
	it('answers like matchesText over every card, through edits, removals and slot reuse (property)', () => {
		const pool = Array.from({ length: 24 }, (_, i) =>
			makeClient({
				id: `p${String(i).padStart(2, '0')}`,
				firstName: ['Maria', 'Mara', 'Nicolò', 'Anna'][i % 4],
				lastName: ['Rossi', 'Russo', "D'Amico", 'Петрова', 'Marino'][i % 5],
				phone: i % 3 ? `33${i % 10} ${100 + i} 45${i % 7}` : undefined,
				emails: i % 2 ? [`m${i}@salon.it`] : [],
				archived: i % 7 === 0,
				blacklisted: i % 5 === 0
			})
		);
		const op = fc.record({ card: fc.nat(pool.length - 1), isRemoval: fc.boolean() });
		const text = fc.constantFrom('', 'ma', 'mar ros', 'ros', 'n', 'петр', '33', '3', 'salon', 'm1');
		fc.assert(
			fc.property(
				fc.array(op, { maxLength: 40 }),
				text,
				fc.constantFrom<ClientFilters['archived']>('active', 'archived', 'all'),
				fc.constantFrom(null, true, false),
				fc.constantFrom<SortSpec['direction']>('asc', 'desc'),
				(ops, typed, archived, blacklisted, direction) => {
					const idx = index(pool.slice(0, 12));
					const live = new Map(pool.slice(0, 12).map((c) => [c.id, c]));
					for (const { card, isRemoval } of ops) {
						const c = pool[card] as Client;
						if (isRemoval) {
							idx.remove(c.id);
							live.delete(c.id);
						} else {
							const edited = { ...c, lastName: `${c.lastName}${ops.length % 3 ? '' : 'x'}` };
							idx.upsert({ ...edited, sortName: sortNameOf(edited) });
							live.set(c.id, { ...edited, sortName: sortNameOf(edited) });
						}
					}
					const query = q(typed, { archived, blacklisted }, { column: 'name', direction });
					const expected = [...live.values()]
						.filter((c) => archived === 'all' || c.archived === (archived === 'archived'))
						.filter((c) => blacklisted === null || c.blacklisted === blacklisted)
						.filter((c) => matchesText(c, typed, 'IT'))
						.sort(
							(a, b) =>
								(a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0) ||
								(a.id < b.id ? -1 : 1)
						)
						.map((c) => c.id);
					if (direction === 'desc') expected.reverse();
					expect(ids(idx.query(query))).toEqual(expected);
				}
			),
			{ numRuns: 200 }
		);
	});
});

describe('few matches: sorted positions instead of the full walk', () => {
	it('gives the walk’s answer for every sort, direction and filter, through edits (property)', async () => {
		const { generateClientFields } = await import('../fixtures/clients');
		const cards = generateClientFields(300, { seed: 11 }).map((f, i) => {
			const c = makeClient({ ...f, id: `g${String(i).padStart(4, '0')}`, createdAt: 1e12 + i });
			return { ...c, phones: f.phones, archived: i % 9 === 0, blacklisted: i % 13 === 0 };
		});
		// 0: always the walk over the whole sorted order; 1: always the sorted matches.
		const walk = new ClientSearchIndex({ defaultCountry: 'IT', subsetShare: 0 });
		const subset = new ClientSearchIndex({ defaultCountry: 'IT', subsetShare: 1 });
		walk.replaceAll(cards);
		subset.replaceAll(cards);
		const columns: SortSpec['column'][] = ['name', 'phone', 'email', 'createdAt', 'birthday'];
		fc.assert(
			fc.property(
				fc.constantFrom('a', 'ma', 'ro', 'ross', '3', '33', '4 ma', 'gmail', 'e', 'zz'),
				fc.constantFrom(...columns),
				fc.constantFrom<SortSpec['direction']>('asc', 'desc'),
				fc.constantFrom<ClientFilters['archived']>('active', 'archived', 'all'),
				fc.constantFrom(null, true, false),
				fc.nat(cards.length - 1),
				(text, column, direction, archived, blacklisted, edited) => {
					// An edit and an insert between queries: both must drop their cached positions.
					const card = cards[edited] as Client;
					const changed = { ...card, lastName: `${card.lastName}a`, emails: [] };
					const renamed = { ...changed, sortName: sortNameOf(changed) };
					walk.upsert(renamed);
					subset.upsert(renamed);
					const query = q(text, { archived, blacklisted }, { column, direction });
					expect(ids(subset.query(query))).toEqual(ids(walk.query(query)));
					// Then a card new to both (a slot and a position of its own), and again.
					const added = { ...renamed, id: `n${String(edited).padStart(4, '0')}` };
					walk.upsert(added);
					subset.upsert(added);
					expect(ids(subset.query(query))).toEqual(ids(walk.query(query)));
				}
			),
			{ numRuns: 300 }
		);
	});
});
