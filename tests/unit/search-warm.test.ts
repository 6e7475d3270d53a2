// The start-up's search warm-up (domain/search-warm.ts, state/search-warm-up.ts): it types texts
// drawn from the book into the index between the list's own queries. It must never change an
// answer the list gets — not the cards, not their order, not the array the list already holds —
// whatever it interleaves with (typing, edits, removals, idle preparation), and its texts must
// really reach every kind of needle (else it warms nothing).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Client } from '../../src/lib/domain/client';
import { GroupedClientIndex } from '../../src/lib/domain/grouped-index';
import { sortNameOf } from '../../src/lib/domain/normalize';
import { NO_FILTERS, type ClientFilters, type SortSpec } from '../../src/lib/domain/query';
import { ClientSearchIndex, matchesText, parseSearchText } from '../../src/lib/domain/search';
import { warmTexts } from '../../src/lib/domain/search-warm';
import { SearchWarmUp, startWarmUp } from '../../src/lib/state/search-warm-up';
import { ids, searchableCards } from '../fixtures/search-books';

const cards: Client[] = searchableCards(300, 5, 'h');

/** A card with every searchable value: name, e-mail, phone and fidelity card. */
const full = cards.find((c) => c.emails.length > 0 && c.phones.length > 0 && c.fidelityCardNumber);

describe('warmTexts', () => {
	it('types the card as a person would: every kind of needle, each text finding the card', () => {
		expect(full).toBeDefined();
		const card = full as Client;
		const texts = warmTexts([card]);
		const pastSurname = texts.filter((t) => t.endsWith('qzx'));
		expect(pastSurname).toHaveLength(1);
		for (const text of texts) {
			if (text.endsWith('qzx')) continue;
			expect(matchesText(card, text, 'IT'), text).toBe(true);
		}
		// What the texts reach (search-texts.ts): word prefixes of 1–4 and of more characters,
		// two words, a 3+ character substring with letters, 1–2 digits, 3+ digits, a number with
		// a space, a code mixing letters and digits.
		const kinds = texts.map((t) => parseSearchText(t));
		const words = kinds.filter((k) => k.length === 1 && k[0]?.digits === '');
		expect(words.some((k) => (k[0]?.folded.length ?? 0) === 1)).toBe(true);
		expect(words.some((k) => (k[0]?.folded.length ?? 0) > 4)).toBe(true);
		expect(kinds.some((k) => k.length === 2)).toBe(true);
		expect(texts).toContain(card.emails[0]?.slice(0, 3));
		const numbers = kinds.filter((k) => k.length === 1 && k[0]?.folded === '');
		expect(numbers.some((k) => k[0]?.digits.length === 1)).toBe(true);
		expect(numbers.some((k) => k[0]?.digits.length === 2)).toBe(true);
		expect(numbers.some((k) => (k[0]?.digits.length ?? 0) >= 3)).toBe(true);
		expect(texts.some((t) => / /.test(t) && /^[\d ]+$/.test(t))).toBe(true);
		expect(texts).toContain(card.fidelityCardNumber.slice(0, 3));
		// In typing order: each sequence grows a character at a time, no text twice in a row.
		expect(texts.every((t, i) => t.trim() !== '' && t !== texts[i - 1])).toBe(true);
	});

	it('gives the name texts of a card with nothing else, and nothing for no card', () => {
		const bare = { ...(cards[0] as Client), emails: [], phones: [], fidelityCardNumber: '' };
		const texts = warmTexts([{ ...bare, fiscalCode: '' }]);
		expect(texts.length).toBeGreaterThan(3);
		expect(texts.every((t) => t.endsWith('qzx') || matchesText(bare, t, 'IT'))).toBe(true);
		expect(warmTexts([])).toEqual([]);
	});
});

type Step =
	| { kind: 'type'; text: string; archived: ClientFilters['archived']; column: SortSpec['column'] }
	| { kind: 'aside'; text: string; archived: ClientFilters['archived']; column: SortSpec['column'] }
	| { kind: 'edit'; card: number }
	| { kind: 'remove'; card: number }
	| { kind: 'prepare' };

const TEXTS = [
	'',
	'm',
	'ma',
	'mar',
	'mari',
	'r',
	'ro',
	'ros',
	'3',
	'33',
	'333',
	'333 1',
	'FC1',
	'x'
];
const question = {
	text: fc.constantFrom(...TEXTS),
	archived: fc.constantFrom<ClientFilters['archived']>('active', 'all'),
	column: fc.constantFrom<SortSpec['column']>('name', 'phone')
};
const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant('type' as const), ...question }) },
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant('aside' as const), ...question }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), card: fc.nat(299) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), card: fc.nat(299) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('prepare' as const) }) }
);

const ask = (s: {
	text: string;
	archived: ClientFilters['archived'];
	column: SortSpec['column'];
}) => ({
	text: s.text,
	filters: { ...NO_FILTERS, archived: s.archived },
	sort: { column: s.column, direction: 'asc' as const },
	today: '2026-06-01'
});

describe('queryAside', () => {
	it('answers like a fresh index and leaves the list’s answers, cache and narrowing untouched (property)', () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
				const live = new Map(cards.slice(0, 200).map((c) => [c.id, c]));
				const idx = new ClientSearchIndex({ defaultCountry: 'IT' });
				idx.replaceAll([...live.values()]);
				const given: { answer: readonly Client[]; ids: string[] }[] = [];
				let lastAsked: { q: ReturnType<typeof ask>; answer: readonly Client[] } | null = null;
				for (const s of steps) {
					if (s.kind === 'type' || s.kind === 'aside') {
						const q = ask(s);
						const fresh = new ClientSearchIndex({ defaultCountry: 'IT' });
						fresh.replaceAll([...live.values()]);
						const answer = s.kind === 'type' ? idx.query(q) : idx.queryAside(q);
						expect(ids(answer), `${s.kind} ${s.text}`).toEqual(ids(fresh.query(q)));
						given.push({ answer, ids: ids(answer) });
						if (s.kind === 'type') lastAsked = { q, answer };
					} else if (s.kind === 'prepare') {
						idx.prepare();
					} else if (s.kind === 'remove') {
						const id = (cards[s.card] as Client).id;
						idx.remove(id);
						live.delete(id);
						lastAsked = null;
					} else {
						const card = cards[s.card] as Client;
						const changed = { ...card, lastName: `${card.lastName}a`, archived: !card.archived };
						const written = { ...changed, sortName: sortNameOf(changed) };
						idx.upsert(written);
						live.set(written.id, written);
						lastAsked = null;
					}
				}
				for (const g of given) expect(ids(g.answer)).toEqual(g.ids);
				// The list's last question, asked again with only warm-up queries since: the very
				// array it holds (the index's cache was not touched).
				if (lastAsked) expect(idx.query(lastAsked.q)).toBe(lastAsked.answer);
			}),
			{ numRuns: 150 }
		);
	});
});

/** Runs scheduled steps by hand. */
function manualSchedule() {
	const queue: (() => void)[] = [];
	return {
		schedule: (step: () => void) => {
			queue.push(step);
			return () => {
				const i = queue.indexOf(step);
				if (i !== -1) queue.splice(i, 1);
			};
		},
		runOne: () => queue.shift()?.(),
		get pending() {
			return queue.length;
		}
	};
}

describe('startWarmUp', () => {
	it('runs one text per scheduled step, in order, and nothing after a stop', () => {
		const m = manualSchedule();
		const ran: string[] = [];
		const stop = startWarmUp(['a', 'ab', 'abc'], (t) => ran.push(t), m.schedule);
		expect(ran).toEqual([]);
		m.runOne();
		expect(ran).toEqual(['a']);
		m.runOne();
		expect(ran).toEqual(['a', 'ab']);
		stop();
		expect(m.pending).toBe(0);
		m.runOne();
		expect(ran).toEqual(['a', 'ab']);
	});

	it('schedules nothing without texts, and ends after the last', () => {
		const m = manualSchedule();
		startWarmUp([], () => undefined, m.schedule);
		expect(m.pending).toBe(0);
		const ran: string[] = [];
		startWarmUp(['x'], (t) => ran.push(t), m.schedule);
		m.runOne();
		expect(ran).toEqual(['x']);
		expect(m.pending).toBe(0);
	});
});

describe('SearchWarmUp (the client book’s)', () => {
	const listQuestion = ask({ text: '', archived: 'active', column: 'name' });

	function book() {
		const index = new GroupedClientIndex({ defaultCountry: 'IT' });
		index.replaceAll(cards);
		index.prepare();
		const asked: string[] = [];
		const spy = {
			queryAside: (q: Parameters<GroupedClientIndex['queryAside']>[0]) => {
				asked.push(q.text);
				expect(q.filters).toBe(listQuestion.filters);
				expect(q.sort).toBe(listQuestion.sort);
				return index.queryAside(q);
			},
			sample: (fraction: number) => index.sample(fraction)
		};
		return { index, spy, asked };
	}

	it('waits for the list’s first question, then types the book’s texts with its filters and sort', () => {
		const m = manualSchedule();
		const { index, spy, asked } = book();
		const warm = new SearchWarmUp(m.schedule);
		warm.start(
			() => spy,
			() => ''
		);
		expect(m.pending).toBe(0);
		const shown = index.query(listQuestion);
		warm.asked(listQuestion);
		warm.start(
			() => spy,
			() => ''
		);
		const expected = warmTexts(
			[index.sample(0.3), index.sample(0.7)].filter((c) => !!c) as Client[]
		);
		expect(expected.length).toBeGreaterThan(10);
		while (m.pending > 0) m.runOne();
		expect(asked).toEqual(expected);
		// The list's answer is the one it holds, untouched.
		expect(index.query(listQuestion)).toBe(shown);
		// Once per page.
		warm.start(
			() => spy,
			() => ''
		);
		expect(m.pending).toBe(0);
	});

	it('stops at the first text a person types, and not for a blank one', () => {
		const m = manualSchedule();
		const { spy, asked } = book();
		const warm = new SearchWarmUp(m.schedule);
		warm.asked(listQuestion);
		warm.start(
			() => spy,
			() => ''
		);
		m.runOne();
		warm.asked({ ...listQuestion, text: '  ' });
		m.runOne();
		expect(asked).toHaveLength(2);
		warm.asked({ ...listQuestion, text: 'r' });
		expect(m.pending).toBe(0);
		m.runOne();
		expect(asked).toHaveLength(2);
	});
});
