// The export as a table of strings (header row first): what both file formats are written from.
import type { Client } from '../client.js';
import type { Locale } from '../settings.js';
import {
	exportColumns,
	exportHeaders,
	exportRow,
	type ExportColumn,
	type ExportLookups,
	type Translate
} from './columns.js';

export interface ExportOptions {
	/** The language of headers and translated values (and of the CSV delimiter). */
	locale: Locale;
	t: Translate;
	lookups: ExportLookups;
}

/** The CSV delimiter Excel expects: ";" where the decimal separator is a comma (it, pt, bg). */
export function csvDelimiter(locale: Locale): ';' | ',' {
	return locale === 'en' ? ',' : ';';
}

export function xlsxSheetName(t: Translate): string {
	return t('export.sheetName');
}

export const NO_LOOKUPS: ExportLookups = {
	categoryName: () => undefined,
	sourceName: () => undefined,
	clientName: () => undefined
};

/** Rows [from, to) of the table without its header: the unit the app builds between yields. */
export function exportRows(
	clients: readonly Client[],
	columns: readonly ExportColumn[],
	opts: ExportOptions,
	from = 0,
	to = clients.length
): string[][] {
	const rows: string[][] = [];
	for (let i = from; i < to && i < clients.length; i++) {
		rows.push(exportRow(clients[i]!, columns, opts.t, opts.lookups));
	}
	return rows;
}

export function exportTable(clients: readonly Client[], opts: ExportOptions): string[][] {
	const columns = exportColumns(clients);
	return [exportHeaders(columns, opts.t), ...exportRows(clients, columns, opts)];
}
