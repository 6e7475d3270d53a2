// CSV as spreadsheets open it: UTF-8 with a byte-order mark (or Excel guesses the ANSI code
// page and breaks accents), ";" where the decimal separator is a comma (Excel's list separator
// in Italian, Portuguese and Bulgarian settings), "," in English. Quoting by papaparse.
import Papa from 'papaparse';
import type { Client } from '../client.js';
import { csvDelimiter, exportTable, type ExportOptions } from './table.js';

export const BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

/** Rows as CSV lines (no BOM, no trailing newline): a chunk of a larger file. */
export function csvLines(rows: readonly (readonly string[])[], delimiter: string): string {
	return Papa.unparse(rows as string[][], {
		delimiter,
		newline: CSV_NEWLINE,
		quotes: false,
		header: false,
		// A formula guard would prefix "+39…" phones with "'" and break the round trip.
		escapeFormulae: false
	});
}

/** A whole CSV file: BOM, header row, one line per client, CRLF between lines. */
export function toCsv(clients: readonly Client[], opts: ExportOptions): string {
	return BOM + csvLines(exportTable(clients, opts), csvDelimiter(opts.locale));
}
