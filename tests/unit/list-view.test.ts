import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type ClientFilters } from '../../src/lib/domain/query';
import {
	ACTIONS_TRACK,
	COLUMN_IDS,
	COLUMNS,
	gridTemplate
} from '../../src/lib/ui/clients-list/columns';
import { keyAction, type KeyContext } from '../../src/lib/ui/clients-list/keyboard';
import { DEFAULT_PREFS, nextSort, parsePrefs } from '../../src/lib/ui/clients-list/prefs';
import {
	firstIndexByLetter,
	firstIndexByLetterSorted,
	railLetter
} from '../../src/lib/ui/clients-list/rail';
import { mulberry32 } from '../fixtures/clients';
import {
	countActiveFilters,
	effectiveFilters,
	looksLikePhone,
	newClientParams,
	readListUrl,
	titleCaseWord,
	writeListUrl
} from '../../src/lib/ui/clients-list/query-url';

const filters = (patch: Partial<ClientFilters>): ClientFilters => ({ ...NO_FILTERS, ...patch });

describe('list URL', () => {
	it('a plain /clients means no search and the default filters', () => {
		expect(readListUrl(new URLSearchParams(''))).toEqual({ text: '', filters: NO_FILTERS });
		expect(writeListUrl({ text: '', filters: NO_FILTERS }).toString()).toBe('');
	});

	it('round-trips every filter', () => {
		const state = {
			text: 'maria rossi',
			filters: filters({
				categoryId: 'cat-1',
				sourceId: 'src_2',
				createdFrom: '2026-01-01',
				createdTo: '2026-06-30',
				birthday: 'range',
				birthdayFrom: '12-20',
				birthdayTo: '01-10',
				archived: 'archived',
				blacklisted: false
			})
		};
		const params = writeListUrl(state);
		expect(readListUrl(new URLSearchParams(params.toString()))).toEqual(state);
	});

	it('keeps blacklisted = only and archived = all', () => {
		const state = { text: '', filters: filters({ blacklisted: true, archived: 'all' }) };
		const encoded = writeListUrl(state).toString();
		expect(encoded).toBe('archived=all&blacklisted=only');
		expect(readListUrl(new URLSearchParams(encoded))).toEqual(state);
	});

	it('ignores malformed values instead of failing', () => {
		const read = readListUrl(
			new URLSearchParams(
				'birthday=someday&archived=maybe&createdFrom=yesterday&createdTo=2026-13-01&blacklisted=x&category=%3Cscript%3E'
			)
		);
		expect(read.filters).toEqual(NO_FILTERS);
	});

	it('drops month-day bounds unless the birthday window is a range', () => {
		const read = readListUrl(new URLSearchParams('birthday=next7&birthdayFrom=01-01'));
		expect(read.filters.birthday).toBe('next7');
		expect(read.filters.birthdayFrom).toBeNull();
		expect(writeListUrl(read).toString()).toBe('birthday=next7');
	});

	it('a birthday range applies only once both bounds are chosen', () => {
		const half = filters({ birthday: 'range', birthdayFrom: '03-01', archived: 'all' });
		expect(effectiveFilters(half)).toEqual(filters({ archived: 'all' }));
		const whole = filters({ birthday: 'range', birthdayFrom: '03-01', birthdayTo: '03-31' });
		expect(effectiveFilters(whole)).toBe(whole);
	});

	it('counts active filters, date bounds as one', () => {
		expect(countActiveFilters(NO_FILTERS)).toBe(0);
		expect(
			countActiveFilters(
				filters({ createdFrom: '2026-01-01', createdTo: '2026-02-01', blacklisted: false })
			)
		).toBe(2);
	});
});

describe('"Add client «…»" link', () => {
	const params = (query: string) => Object.fromEntries(newClientParams(query).entries());

	it('splits first name and surname, title-cased', () => {
		expect(params('maria rossi')).toEqual({ firstName: 'Maria', lastName: 'Rossi' });
		expect(params('  maria   de luca ')).toEqual({
			firstName: 'Maria',
			lastName: 'De Luca'
		});
	});

	it('a single word is the surname', () => {
		expect(params("d'angelo")).toEqual({ lastName: "D'Angelo" });
		expect(params('NICOLÒ')).toEqual({ lastName: 'Nicolò' });
	});

	it('a number is the phone', () => {
		expect(params('333 123 4567')).toEqual({ phone: '333 123 4567' });
		expect(params('+39 (333) 123-4567')).toEqual({ phone: '+39 (333) 123-4567' });
		expect(newClientParams('').toString()).toBe('');
	});

	it('tells numbers from names', () => {
		expect(looksLikePhone('4567')).toBe(true);
		expect(looksLikePhone('12')).toBe(false);
		expect(looksLikePhone('rossi 12')).toBe(false);
	});

	it('keeps a mixed-case word as typed', () => {
		expect(titleCaseWord('DeLuca')).toBe('DeLuca');
		expect(titleCaseWord('anna-maria')).toBe('Anna-Maria');
		expect(titleCaseWord('иванова')).toBe('Иванова');
	});
});

describe('preferences', () => {
	it('falls back to defaults on missing or corrupt storage', () => {
		expect(parsePrefs(null, COLUMN_IDS)).toEqual(DEFAULT_PREFS);
		expect(parsePrefs('{not json', COLUMN_IDS)).toEqual(DEFAULT_PREFS);
		expect(parsePrefs('[1,2]', COLUMN_IDS)).toEqual(DEFAULT_PREFS);
	});

	it('keeps known hidden columns and a valid sort', () => {
		const raw = JSON.stringify({
			hiddenColumns: ['email', 'shoeSize', 3],
			sort: { column: 'createdAt', direction: 'desc' }
		});
		expect(parsePrefs(raw, COLUMN_IDS)).toEqual({
			hiddenColumns: ['email'],
			sort: { column: 'createdAt', direction: 'desc' }
		});
	});

	it('rejects an unknown sort', () => {
		const raw = JSON.stringify({ sort: { column: 'shoeSize', direction: 'asc' } });
		expect(parsePrefs(raw, COLUMN_IDS).sort).toEqual(DEFAULT_PREFS.sort);
	});

	it('a header click sorts ascending, a second click flips', () => {
		const first = nextSort({ column: 'name', direction: 'asc' }, 'phone');
		expect(first).toEqual({ column: 'phone', direction: 'asc' });
		expect(nextSort(first, 'phone')).toEqual({ column: 'phone', direction: 'desc' });
		expect(nextSort(nextSort(first, 'phone'), 'phone')).toEqual(first);
	});
});

describe('columns', () => {
	it('have unique ids, the name column first and not hideable', () => {
		expect(new Set(COLUMN_IDS).size).toBe(COLUMN_IDS.length);
		expect(COLUMNS[0]?.id).toBe('name');
		expect(COLUMNS[0]?.isHideable).toBe(false);
	});

	it('the grid template has one track per visible column, then the actions', () => {
		const visible = COLUMNS.filter((c) => c.id !== 'email');
		const template = gridTemplate(visible);
		expect(template.endsWith(` ${ACTIONS_TRACK}`)).toBe(true);
		expect(template).not.toContain(COLUMNS.find((c) => c.id === 'email')!.track);
		expect(template.match(/minmax\(/g)).toHaveLength(visible.length);
	});
});

describe('A–Z rail', () => {
	const named = (names: string[]) => names.map((sortName) => ({ sortName }));

	it('files digits and non-Latin initials under #', () => {
		expect(railLetter('rossi maria')).toBe('R');
		expect(railLetter('3m srl')).toBe('#');
		expect(railLetter('иванова мария')).toBe('#');
	});

	it('finds the first client of each letter', () => {
		const clients = named(['bianchi anna', 'bianchi luca', 'rossi maria', 'zeta carla']);
		expect([...firstIndexByLetter(clients)]).toEqual([
			['B', 0],
			['R', 2],
			['Z', 3]
		]);
	});

	it('binary search agrees with the scan, both directions, # at either end', () => {
		const rand = mulberry32(11);
		const starts = 'abcdeffghmmnrrrsstvz09ии';
		const names = Array.from({ length: 400 }, () => {
			const first = starts[Math.floor(rand() * starts.length)]!;
			return `${first}${Math.floor(rand() * 1000)}`;
		});
		const asc = named([...names].sort());
		const desc = [...asc].reverse();
		expect(firstIndexByLetterSorted(asc, 'asc')).toEqual(firstIndexByLetter(asc));
		expect(firstIndexByLetterSorted(desc, 'desc')).toEqual(firstIndexByLetter(desc));
		expect(firstIndexByLetterSorted(asc, 'asc').get('#')).toBe(0);
		expect(firstIndexByLetterSorted([], 'asc').size).toBe(0);
		// '#' only after "z" (Cyrillic), or only before "a" (digits) in descending order.
		const tail = named(['rossi', 'zeta', 'иванова', 'петрова']);
		expect(firstIndexByLetterSorted(tail, 'asc').get('#')).toBe(2);
		const head = named(['zeta', 'rossi', '3m', '1a']);
		expect(firstIndexByLetterSorted(head, 'desc').get('#')).toBe(2);
		expect(firstIndexByLetterSorted(head, 'desc').get('R')).toBe(1);
	});
});

describe('keyboard shortcuts', () => {
	const at = (patch: Partial<KeyContext>): KeyContext => ({
		isTyping: false,
		inSearch: false,
		row: -1,
		hasText: false,
		count: 3,
		...patch
	});

	it('"/" and "n" only when not typing', () => {
		expect(keyAction('/', at({}))).toEqual({ kind: 'focusSearch' });
		expect(keyAction('n', at({}))).toEqual({ kind: 'newClient' });
		expect(keyAction('n', at({ isTyping: true, inSearch: true }))).toBeNull();
		expect(keyAction('/', at({ isTyping: true }))).toBeNull();
	});

	it('Escape clears a non-empty search only', () => {
		expect(keyAction('Escape', at({ inSearch: true, hasText: true }))).toEqual({
			kind: 'clearSearch'
		});
		expect(keyAction('Escape', at({ inSearch: true }))).toBeNull();
	});

	it('arrows walk from the search through the rows and back, never past the end', () => {
		expect(keyAction('ArrowDown', at({ inSearch: true }))).toEqual({ kind: 'focusRow', index: 0 });
		expect(keyAction('ArrowDown', at({ inSearch: true, count: 0 }))).toBeNull();
		expect(keyAction('ArrowDown', at({ row: 1 }))).toEqual({ kind: 'focusRow', index: 2 });
		expect(keyAction('ArrowDown', at({ row: 2 }))).toEqual({ kind: 'focusRow', index: 2 });
		expect(keyAction('ArrowUp', at({ row: 2 }))).toEqual({ kind: 'focusRow', index: 1 });
		expect(keyAction('ArrowUp', at({ row: 0 }))).toEqual({ kind: 'focusSearch' });
		expect(keyAction('ArrowDown', at({}))).toBeNull();
	});

	it('Enter in the search opens the only match, and only then', () => {
		expect(keyAction('Enter', at({ inSearch: true, count: 1 }))).toEqual({ kind: 'openOnly' });
		expect(keyAction('Enter', at({ inSearch: true, count: 2 }))).toBeNull();
		expect(keyAction('Enter', at({ row: 0, count: 1 }))).toBeNull();
	});
});
