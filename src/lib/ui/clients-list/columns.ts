// The table's columns as data: later issues add visits, total spent and last visit by appending
// a definition here (and, if sortable, a SortColumn in $lib/domain/query).
import type { Client } from '$lib/domain/client';
import type { SortColumn } from '$lib/domain/query';
import type { VisitAggregate } from '$lib/domain/visit-stats';
import type { MessageKey } from '$lib/i18n/catalog';

/** What a cell needs from the outside world to turn a client into text. */
export interface CellContext {
	phone(client: Client): string;
	date(epochMs: number): string;
	birthday(birthDate: string): string;
	/** The client's visit aggregate (visit-stats.ts); undefined without visits. */
	visits(client: Client): VisitAggregate | undefined;
	money(cents: number): string;
	/** A yyyymmdd day key as a date. */
	day(key: number): string;
}

export interface ColumnDef {
	/** Stable id: stored in the device's preferences. */
	id: string;
	label: MessageKey;
	sort: SortColumn | null;
	/** CSS grid track; header and rows share it so they always line up. */
	track: string;
	/** The name column cannot be hidden: it is the link that opens the card. */
	isHideable: boolean;
	/** 'name' and 'category' render links and badges; 'text' renders `text(client)`. */
	kind: 'name' | 'category' | 'text';
	text?: (client: Client, ctx: CellContext) => string;
}

export const COLUMNS: readonly ColumnDef[] = [
	{
		id: 'name',
		label: 'clientsList.column.name',
		sort: 'name',
		track: 'minmax(12rem, 2fr)',
		isHideable: false,
		kind: 'name'
	},
	{
		id: 'phone',
		label: 'clientsList.column.phone',
		sort: 'phone',
		track: 'minmax(9rem, 1.2fr)',
		isHideable: true,
		kind: 'text',
		text: (client, ctx) => ctx.phone(client)
	},
	{
		id: 'email',
		label: 'clientsList.column.email',
		sort: 'email',
		track: 'minmax(10rem, 1.6fr)',
		isHideable: true,
		kind: 'text',
		text: (client) => client.emails[0] ?? ''
	},
	{
		id: 'category',
		label: 'clientsList.column.category',
		sort: 'category',
		track: 'minmax(7rem, 1fr)',
		isHideable: true,
		kind: 'category'
	},
	{
		id: 'createdAt',
		label: 'clientsList.column.createdAt',
		sort: 'createdAt',
		track: 'minmax(7rem, 0.8fr)',
		isHideable: true,
		kind: 'text',
		text: (client, ctx) => ctx.date(client.createdAt)
	},
	{
		id: 'birthday',
		label: 'clientsList.column.birthday',
		sort: 'birthday',
		track: 'minmax(7rem, 0.8fr)',
		isHideable: true,
		kind: 'text',
		text: (client, ctx) => (client.birthDate ? ctx.birthday(client.birthDate) : '')
	},
	{
		id: 'visits',
		label: 'visitsList.column.visits',
		sort: 'visits',
		track: 'minmax(5rem, 0.5fr)',
		isHideable: true,
		kind: 'text',
		text: (client, ctx) => String(ctx.visits(client)?.visitCount || '')
	},
	{
		id: 'totalSpent',
		label: 'visitsList.column.totalSpent',
		sort: 'totalSpent',
		track: 'minmax(7rem, 0.8fr)',
		isHideable: true,
		kind: 'text',
		text: (client, ctx) => {
			const spent = ctx.visits(client)?.totalSpent ?? 0;
			return spent > 0 ? ctx.money(spent) : '';
		}
	},
	{
		id: 'lastVisit',
		label: 'visitsList.column.lastVisit',
		sort: 'lastVisit',
		track: 'minmax(7rem, 0.8fr)',
		isHideable: true,
		kind: 'text',
		text: (client, ctx) => ctx.day(ctx.visits(client)?.lastVisit ?? 0)
	},
	{
		id: 'firstVisit',
		label: 'visitsList.column.firstVisit',
		sort: 'firstVisit',
		track: 'minmax(7rem, 0.8fr)',
		isHideable: true,
		kind: 'text',
		text: (client, ctx) => ctx.day(ctx.visits(client)?.firstVisit ?? 0)
	}
];

export const COLUMN_IDS: readonly string[] = COLUMNS.map((c) => c.id);

/**
 * The row actions column (four contact links, edit, delete) is always last and always shown. A
 * fixed width, not `auto`: each row is its own grid, and `auto` would size each one differently.
 */
export const ACTIONS_TRACK = 'calc(6 * var(--touch) + 1.25rem)';

export function gridTemplate(columns: readonly ColumnDef[]): string {
	return [...columns.map((c) => c.track), ACTIONS_TRACK].join(' ');
}
