// What the /clients list shows on this device. Columns and sort are a personal habit and live in
// localStorage; search text and filters are "what I am looking at" and live in the URL (the page
// writes them back with replaceState), so a reload or the back button keeps them.
import {
	NO_FILTERS,
	type ClientFilters,
	type ClientQuery,
	type SortColumn
} from '$lib/domain/query';
import { COLUMNS, COLUMN_IDS, type ColumnDef } from '$lib/ui/clients-list/columns';
import { DEFAULT_PREFS, nextSort, parsePrefs } from '$lib/ui/clients-list/prefs';
import { effectiveFilters, readListUrl, writeListUrl } from '$lib/ui/clients-list/query-url';

const STORAGE_KEY = 'schedario.clientsList.prefs.v1';

class ListView {
	text = $state('');
	// Raw (not deeply proxied): every change replaces the object, and the search index reads
	// these in its hot loop, where each proxied read is a function call.
	filters = $state.raw<ClientFilters>({ ...NO_FILTERS });
	sort = $state.raw(DEFAULT_PREFS.sort);
	hiddenColumns = $state<string[]>([]);

	visibleColumns: ColumnDef[] = $derived(
		COLUMNS.filter((c) => !c.isHideable || !this.hiddenColumns.includes(c.id))
	);

	/** Called once per visit of /clients: preferences from storage, search and filters from the URL. */
	load(url: URL): void {
		let raw: string | null = null;
		try {
			raw = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
		} catch {
			// Storage can be blocked (private mode, policy): the list still works with defaults.
		}
		const prefs = parsePrefs(raw, COLUMN_IDS);
		this.sort = prefs.sort;
		this.hiddenColumns = prefs.hiddenColumns;
		const fromUrl = readListUrl(url.searchParams);
		this.text = fromUrl.text;
		this.filters = fromUrl.filters;
	}

	query(today: string): ClientQuery {
		return { text: this.text, filters: effectiveFilters(this.filters), sort: this.sort, today };
	}

	/** The query string for the current search and filters ('' when there is nothing to keep). */
	get search(): '' | `?${string}` {
		const params = writeListUrl({ text: this.text, filters: this.filters });
		const encoded = params.toString();
		return encoded === '' ? '' : `?${encoded}`;
	}

	sortBy(column: SortColumn): void {
		this.sort = nextSort(this.sort, column);
		this.save();
	}

	isColumnVisible(id: string): boolean {
		return !this.hiddenColumns.includes(id);
	}

	setColumnVisible(id: string, isVisible: boolean): void {
		const others = this.hiddenColumns.filter((c) => c !== id);
		this.hiddenColumns = isVisible ? others : [...others, id];
		this.save();
	}

	setFilter<K extends keyof ClientFilters>(key: K, value: ClientFilters[K]): void {
		this.filters = { ...this.filters, [key]: value };
	}

	clear(): void {
		this.text = '';
		this.filters = { ...NO_FILTERS };
	}

	private save(): void {
		const prefs = { hiddenColumns: this.hiddenColumns, sort: this.sort };
		try {
			globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(prefs));
		} catch {
			// Quota or policy: the choice still holds for this visit, it just is not remembered.
		}
	}
}

export const listView = new ListView();
