// In-memory search for the client list: 100,000 cards, one frame (16 ms) per keystroke.
// How it stays fast:
// - each card is folded once, on upsert, into two strings (name words, and everything matched
//   as a substring), so a keystroke costs a couple of `includes` per card and no allocation;
// - the list is kept pre-sorted per sort column (patched by binary search on upsert), so a
//   query only filters, in order, and never sorts;
// - a keystroke searches every card's text at once: the texts live concatenated in chunks
//   (haystack.ts), so one `indexOf` skips runs of cards, and the hits are counted in a typed
//   array by slot; the sorted order is then walked once, reading only typed arrays;
// - when the new text only narrows a small previous result, only that result is checked.
import type { Client } from './client';
import { birthdayWindowTable, monthDayKey, parseBirthDate } from './birthday';
import { Haystack } from './haystack';
import { foldName, nationalDigits, normalizePhone, phoneDigits, sortNameOf } from './normalize';
import type { ClientQuery, SortColumn } from './query';

/** One query word, in the three forms it can match. '' disables a form. */
export interface SearchToken {
	/** Folded; must start a word of a name, the company or a tag. */
	folded: string;
	/** Lower-cased as typed; a substring of an e-mail, fiscal code or fidelity card. Only from
	 *  MIN_SUBSTRING characters on. */
	raw: string;
	/** Digits of a number-like word; a substring of a phone (E.164, as typed, national). */
	digits: string;
}

const PHONE_LIKE = /^[\d\s+()./-]+$/;
const NUMBER_WORD = /^[\d+()./-]+$/;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Substring matching (e-mail, fiscal code, card) starts at 3 characters: "m" or "gm" would
 *  match nearly every address and bury the names that start with those letters. */
const MIN_SUBSTRING = 3;

/**
 * Splits the search box text into tokens that must all match (AND). A text made only of
 * digits and phone punctuation ("333 123 4567", "+39 333…") is one number: its spaces are
 * formatting, not separate words.
 */
export function parseSearchText(text: string): SearchToken[] {
	const trimmed = text.trim();
	if (PHONE_LIKE.test(trimmed) && /\d/.test(trimmed)) {
		let digits = phoneDigits(trimmed);
		// "0039 333…": the international call prefix is not part of any stored form.
		if (trimmed.startsWith('00')) digits = digits.slice(2);
		return digits ? [{ folded: '', raw: '', digits }] : [];
	}
	const tokens: SearchToken[] = [];
	for (const word of trimmed.split(/\s+/)) {
		if (!HAS_LETTER_OR_DIGIT.test(word)) continue;
		tokens.push({
			folded: foldName(word),
			raw: word.length >= MIN_SUBSTRING ? word.toLowerCase() : '',
			digits: NUMBER_WORD.test(word) ? phoneDigits(word) : ''
		});
	}
	return tokens;
}

const implies = (prev: string, next: string) =>
	next === '' || (prev !== '' && next.startsWith(prev));

/** True when every card matching `next` also matches `prev`, so `prev`'s result can be reused. */
export function narrows(prev: readonly SearchToken[], next: readonly SearchToken[]): boolean {
	if (next.length < prev.length) return false;
	return prev.every((p, i) => {
		const n = next[i] as SearchToken;
		return implies(p.folded, n.folded) && implies(p.raw, n.raw) && implies(p.digits, n.digits);
	});
}

class Entry {
	constructor(
		readonly client: Client,
		readonly id: string,
		/** ' word word …': folded names, company and tags, each word after a space. */
		readonly words: string,
		/** '\n'-separated: e-mails, fiscal code, fidelity card, phone digit forms. */
		readonly subs: string,
		readonly sortName: string,
		readonly createdDay: string,
		readonly birthKey: number,
		readonly phoneKey: string,
		readonly emailKey: string,
		readonly firstCategory: string,
		// Copied from the card so the hot loop never touches the (large, scattered) client
		// objects: reading them costs a cache miss per card and made scans ~20× slower.
		readonly createdAt: number,
		readonly archived: boolean,
		readonly blacklisted: boolean,
		readonly sourceId: string | null,
		readonly categoryIds: readonly string[],
		/** Which characters occur in `words` / `subs` (charMask): rules most cards out with one
		 *  AND before any string is scanned. */
		readonly wordsMask: number,
		readonly subsMask: number
	) {}
	/** Folded name of the first category, set while a category sort is cached. */
	categoryKey = '';
	/** Where the index keeps this card's text and flags (haystack and typed-array slot). */
	slot = -1;
}

/** A 32-bit Bloom-style set of the characters in `s`: a–z one bit each, the rest hashed. */
function charMask(s: string): number {
	let mask = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
	}
	return mask;
}

/** A token ready for the hot loop: the word needle starts with a space (word prefix). */
interface Needle extends SearchToken {
	foldedMask: number;
	rawMask: number;
	digitsMask: number;
	checkDigits: boolean;
}

function toNeedles(tokens: readonly SearchToken[]): Needle[] {
	return tokens.map((t) => {
		const folded = t.folded && ` ${t.folded}`;
		return {
			folded,
			raw: t.raw,
			digits: t.digits,
			foldedMask: charMask(folded),
			rawMask: charMask(t.raw),
			digitsMask: charMask(t.digits),
			checkDigits: t.digits !== '' && t.digits !== t.raw
		};
	});
}

/** True when the card matches every token. Hot loop: no allocation. */
function matchesTokens(e: Entry, needles: readonly Needle[]): boolean {
	for (let i = 0; i < needles.length; i++) {
		const t = needles[i] as Needle;
		if (
			t.folded !== '' &&
			(e.wordsMask & t.foldedMask) === t.foldedMask &&
			e.words.includes(t.folded)
		) {
			continue;
		}
		if (t.raw !== '' && (e.subsMask & t.rawMask) === t.rawMask && e.subs.includes(t.raw)) continue;
		if (
			t.checkDigits &&
			(e.subsMask & t.digitsMask) === t.digitsMask &&
			e.subs.includes(t.digits)
		) {
			continue;
		}
		return false;
	}
	return true;
}

/** Text search on one card, for callers that do not hold an index. */
export function matchesText(client: Client, text: string, defaultCountry: string): boolean {
	return matchesTokens(buildEntry(client, defaultCountry), toNeedles(parseSearchText(text)));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of an epoch time in this device's time zone. */
export function localDay(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

function buildEntry(c: Client, defaultCountry: string): Entry {
	const sortName = c.sortName || sortNameOf(c);
	let words = ` ${sortName}`;
	if (c.business.company) words += ` ${foldName(c.business.company)}`;
	for (const tag of c.tags) words += ` ${foldName(tag)}`;

	const subs: string[] = c.emails.map((e) => e.toLowerCase());
	if (c.fiscalCode) subs.push(c.fiscalCode.toLowerCase());
	// No spaces in `subs`: a query token never contains one, and then a word needle
	// (' ' + token) can only ever match inside `words`.
	if (c.fidelityCardNumber) subs.push(c.fidelityCardNumber.toLowerCase().replace(/\s+/g, ''));
	for (const p of c.phones) {
		// Imported phones may lack E.164: derive it here so they are found like the others.
		const e164 = p.e164 || (p.raw ? normalizePhone(p.raw, defaultCountry).e164 : '');
		// E.164 digits contain the national number, so "333 123" and "+39 333" both match it.
		const forms = [phoneDigits(e164)];
		// The trunk-prefix spelling ("0888 123 456" for +359 888 123 456).
		const national = nationalDigits(e164);
		if (national && !national.startsWith('0')) forms.push(`0${national}`);
		const raw = phoneDigits(p.raw);
		if (raw && !forms.some((f) => f.includes(raw))) forms.push(raw);
		for (const f of forms) if (f) subs.push(f);
	}
	const birth = c.birthDate ? parseBirthDate(c.birthDate) : null;
	const subsText = subs.join('\n');
	return new Entry(
		c,
		c.id,
		words,
		subsText,
		sortName,
		localDay(c.createdAt),
		birth ? monthDayKey(birth.month, birth.day) : 0,
		c.phones[0]?.e164 || c.phones[0]?.raw || '',
		c.emails[0]?.toLowerCase() ?? '',
		c.categoryIds[0] ?? '',
		c.createdAt,
		c.archived,
		c.blacklisted,
		c.sourceId,
		c.categoryIds,
		charMask(words),
		charMask(subsText)
	);
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A column's order: ascending, cards without a value last, ties by name then id. */
interface SortedView {
	entries: Entry[];
	/** Index of the first card without a value. */
	firstEmpty: number;
	/** `entries[i].slot`, so the hot walk reads a typed array; null after a change. */
	slots: Int32Array | null;
	compare: (a: Entry, b: Entry) => number;
	isEmpty: (e: Entry) => boolean;
	/** For the category sort: category id → folded name used for `categoryKey`. */
	names: Map<string, string> | null;
	signature: string;
}

// Plain comparators, no key closures: sorting 100,000 cards is ~1.7M calls.
const byName = (a: Entry, b: Entry) => cmpStr(a.sortName, b.sortName) || cmpStr(a.id, b.id);
const emptyLast = (a: string, b: string) =>
	a === b ? 0 : a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1;
const COMPARE: Record<SortColumn, (a: Entry, b: Entry) => number> = {
	name: byName,
	phone: (a, b) => emptyLast(a.phoneKey, b.phoneKey) || byName(a, b),
	email: (a, b) => emptyLast(a.emailKey, b.emailKey) || byName(a, b),
	category: (a, b) => emptyLast(a.categoryKey, b.categoryKey) || byName(a, b),
	createdAt: (a, b) => a.createdAt - b.createdAt || byName(a, b),
	birthday: (a, b) =>
		a.birthKey === b.birthKey
			? byName(a, b)
			: a.birthKey === 0
				? 1
				: b.birthKey === 0
					? -1
					: a.birthKey - b.birthKey
};
const IS_EMPTY: Record<SortColumn, (e: Entry) => boolean> = {
	name: () => false,
	phone: (e) => e.phoneKey === '',
	email: (e) => e.emailKey === '',
	category: (e) => e.categoryKey === '',
	createdAt: () => false,
	birthday: (e) => e.birthKey === 0
};

/** Position of `e` in a sorted array (where it is, or where it would go). */
function lowerBound(arr: readonly Entry[], e: Entry, compare: (a: Entry, b: Entry) => number) {
	let lo = 0;
	let hi = arr.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (compare(arr[mid] as Entry, e) < 0) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Batch size from which upsertMany re-sorts lazily instead of patching each sort order. */
const BULK_THRESHOLD = 200;
/** A narrowing keystroke re-checks the previous result card by card while it is at most this
 *  share of the index; past it, searching the haystacks again is cheaper. */
const REUSE_SHARE = 1 / 8;
const ARCHIVED = 1;
const BLACKLISTED = 2;

export class ClientSearchIndex {
	readonly #defaultCountry: string;
	readonly #byId = new Map<string, Entry>();
	readonly #views = new Map<SortColumn, SortedView>();
	/** How many cards have each first category: the category sort depends on their names. */
	readonly #firstCategories = new Map<string, number>();
	readonly #words = new Haystack();
	readonly #subs = new Haystack();
	/** Slots freed by removals, reused before new ones are taken. */
	readonly #freeSlots: number[] = [];
	#slotCount = 0;
	/** By slot. The walk copies clients from this dense array instead of reading each entry:
	 *  entries are scattered over the heap, and 100,000 cache misses cost ~10 ms. */
	readonly #entryBySlot: (Entry | undefined)[] = [];
	readonly #clientBySlot: (Client | undefined)[] = [];
	/** Per slot: ARCHIVED | BLACKLISTED, so the default filters need no entry object. */
	#flags = new Uint8Array(1024);
	/** Per slot, during a query: how many tokens the card has matched so far. */
	#hits = new Uint16Array(1024);
	#last: {
		key: string;
		text: string;
		tokens: SearchToken[];
		/** Slots of the result, in order. */
		result: Int32Array;
		clients: Client[];
	} | null = null;

	constructor(opts: { defaultCountry: string }) {
		this.#defaultCountry = opts.defaultCountry;
	}

	get size(): number {
		return this.#byId.size;
	}

	get(id: string): Client | undefined {
		return this.#byId.get(id)?.client;
	}

	replaceAll(clients: readonly Client[]): void {
		this.#byId.clear();
		this.#views.clear();
		this.#firstCategories.clear();
		this.#words.clear();
		this.#subs.clear();
		this.#freeSlots.length = 0;
		this.#slotCount = 0;
		this.#entryBySlot.length = 0;
		this.#clientBySlot.length = 0;
		this.#last = null;
		for (const c of clients) this.#add(this.#build(c));
	}

	upsert(client: Client): void {
		const old = this.#byId.get(client.id);
		if (old) this.#delete(old);
		this.#add(this.#build(client));
		this.#last = null;
	}

	/**
	 * Many cards at once (a sync batch, an import, a benchmark seed). Inserting one by one keeps
	 * every cached sort order patched, O(n) per card; past a few hundred cards it is cheaper to
	 * drop the sort orders and let the next query rebuild the one it needs, once.
	 */
	upsertMany(clients: readonly Client[]): void {
		if (clients.length < BULK_THRESHOLD) {
			for (const c of clients) this.upsert(c);
			return;
		}
		this.#views.clear();
		for (const c of clients) {
			const old = this.#byId.get(c.id);
			if (old) this.#delete(old);
			this.#add(this.#build(c));
		}
		this.#last = null;
	}

	remove(id: string): void {
		const old = this.#byId.get(id);
		if (!old) return;
		this.#delete(old);
		this.#last = null;
	}

	query(q: ClientQuery, ctx: { categoryName?: (id: string) => string } = {}): Client[] {
		// A copy: the caller's filters may be a reactive proxy, whose every read is a function
		// call; the hot loop below reads them once per card.
		const f = { ...q.filters };
		const sort = { ...q.sort };
		const view = this.#view(sort.column, ctx.categoryName);
		const tokens = parseSearchText(q.text);
		const key = JSON.stringify([f, sort, q.today, view.signature]);
		const text = JSON.stringify(tokens);
		// The same question again (a re-render, a filter toggled back): same answer, no scan.
		if (this.#last?.key === key && this.#last.text === text) return this.#last.clients.slice();
		const previous =
			this.#last !== null &&
			this.#last.key === key &&
			this.#last.result.length <= this.size * REUSE_SHARE &&
			narrows(this.#last.tokens, tokens)
				? this.#last.result
				: null;
		const needles = toNeedles(tokens);

		const birthdays = f.birthday
			? birthdayWindowTable(f.birthday, q.today, f.birthdayFrom, f.birthdayTo)
			: null;
		const wantArchived = f.archived === 'archived';
		const anyArchived = f.archived === 'all';
		const blacklisted = f.blacklisted;
		// Filters that need the entry object; the archive and blacklist flags do not.
		const hasEntryFilters =
			f.categoryId !== null ||
			f.sourceId !== null ||
			f.createdFrom !== null ||
			f.createdTo !== null ||
			birthdays !== null;
		const passesFilters = (e: Entry): boolean => {
			if (!anyArchived && e.archived !== wantArchived) return false;
			if (blacklisted !== null && e.blacklisted !== blacklisted) return false;
			if (f.categoryId !== null && !e.categoryIds.includes(f.categoryId)) return false;
			if (f.sourceId !== null && e.sourceId !== f.sourceId) return false;
			if (f.createdFrom !== null && e.createdDay < f.createdFrom) return false;
			if (f.createdTo !== null && e.createdDay > f.createdTo) return false;
			return birthdays === null || birthdays[e.birthKey] === 1;
		};

		const entryBySlot = this.#entryBySlot;
		const clientBySlot = this.#clientBySlot;
		const result = new Int32Array(previous ? previous.length : this.size);
		const clients: Client[] = [];
		let count = 0;
		if (previous) {
			for (const slot of previous) {
				const e = entryBySlot[slot] as Entry;
				if (passesFilters(e) && matchesTokens(e, needles)) {
					result[count++] = slot;
					clients.push(e.client);
				}
			}
		} else {
			const need = needles.length;
			if (need > 0) this.#countHits(needles);
			const hits = this.#hits;
			const flags = this.#flags;
			const { entries, firstEmpty } = view;
			const slots = (view.slots ??= Int32Array.from(entries, (e) => e.slot));
			const n = entries.length;
			const desc = sort.direction === 'desc';
			for (let k = 0; k < n; k++) {
				// Descending walks the valued part backwards; cards without a value stay last.
				const i = desc && k < firstEmpty ? firstEmpty - 1 - k : k;
				const slot = slots[i] as number;
				if (need > 0 && hits[slot] !== need) continue;
				const flag = flags[slot] as number;
				if (!anyArchived && ((flag & ARCHIVED) !== 0) !== wantArchived) continue;
				if (blacklisted !== null && ((flag & BLACKLISTED) !== 0) !== blacklisted) continue;
				if (hasEntryFilters && !passesFilters(entryBySlot[slot] as Entry)) continue;
				result[count++] = slot;
				clients.push(clientBySlot[slot] as Client);
			}
		}
		this.#last = { key, text, tokens, result: result.subarray(0, count), clients };
		return clients.slice();
	}

	/** Leaves in #hits, per slot, the number of needles the card matches (all = needles.length);
	 *  a token counts once per card whichever of its forms matched. */
	#countHits(needles: readonly Needle[]): void {
		const hits = this.#hits;
		hits.fill(0, 0, this.#slotCount);
		for (let t = 0; t < needles.length; t++) {
			const needle = needles[t] as Needle;
			let moved = this.#words.mark(needle.folded, hits, t);
			moved += this.#subs.mark(needle.raw, hits, t);
			if (needle.checkDigits) moved += this.#subs.mark(needle.digits, hits, t);
			// AND: when no card matched this token, none can match them all.
			if (moved === 0) return;
		}
	}

	#build(c: Client): Entry {
		return buildEntry(c, this.#defaultCountry);
	}

	#add(e: Entry): void {
		this.#byId.set(e.client.id, e);
		e.slot = this.#freeSlots.pop() ?? this.#slotCount++;
		if (e.slot >= this.#flags.length) {
			const grown = new Uint8Array(this.#flags.length * 2);
			grown.set(this.#flags);
			this.#flags = grown;
			this.#hits = new Uint16Array(grown.length);
		}
		this.#entryBySlot[e.slot] = e;
		this.#clientBySlot[e.slot] = e.client;
		this.#flags[e.slot] = (e.archived ? ARCHIVED : 0) | (e.blacklisted ? BLACKLISTED : 0);
		this.#words.set(e.slot, e.words);
		this.#subs.set(e.slot, e.subs);
		if (e.firstCategory) {
			this.#firstCategories.set(
				e.firstCategory,
				(this.#firstCategories.get(e.firstCategory) ?? 0) + 1
			);
		}
		for (const view of this.#views.values()) {
			if (view.names) e.categoryKey = view.names.get(e.firstCategory) ?? '';
			view.entries.splice(lowerBound(view.entries, e, view.compare), 0, e);
			view.slots = null;
			if (!view.isEmpty(e)) view.firstEmpty += 1;
		}
	}

	#delete(e: Entry): void {
		this.#byId.delete(e.client.id);
		this.#words.delete(e.slot);
		this.#subs.delete(e.slot);
		this.#freeSlots.push(e.slot);
		this.#entryBySlot[e.slot] = undefined;
		this.#clientBySlot[e.slot] = undefined;
		const count = this.#firstCategories.get(e.firstCategory);
		if (count !== undefined) {
			if (count <= 1) this.#firstCategories.delete(e.firstCategory);
			else this.#firstCategories.set(e.firstCategory, count - 1);
		}
		for (const view of this.#views.values()) {
			const i = lowerBound(view.entries, e, view.compare);
			if (view.entries[i] !== e) continue; // cannot happen: the order is total (ties by id)
			view.entries.splice(i, 1);
			view.slots = null;
			if (!view.isEmpty(e)) view.firstEmpty -= 1;
		}
	}

	#view(column: SortColumn, categoryName?: (id: string) => string): SortedView {
		let signature = '';
		let names: Map<string, string> | null = null;
		if (column === 'category') {
			names = new Map();
			for (const id of [...this.#firstCategories.keys()].sort()) {
				names.set(id, foldName(categoryName?.(id) ?? ''));
			}
			signature = JSON.stringify([...names]);
		}
		const cached = this.#views.get(column);
		if (cached && cached.signature === signature) return cached;

		if (names)
			for (const e of this.#byId.values()) e.categoryKey = names.get(e.firstCategory) ?? '';
		const view: SortedView = {
			entries: [...this.#byId.values()].sort(COMPARE[column]),
			slots: null,
			firstEmpty: 0,
			compare: COMPARE[column],
			isEmpty: IS_EMPTY[column],
			names,
			signature
		};
		view.firstEmpty = lowerBoundEmpty(view);
		this.#views.set(column, view);
		return view;
	}
}

function lowerBoundEmpty(view: SortedView): number {
	let lo = 0;
	let hi = view.entries.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (view.isEmpty(view.entries[mid] as Entry)) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}
