// XLSX through write-excel-file. Its "universal" entry works in Node (tests, bench) and the
// browser (worker or page) alike and returns a Blob; "/node" and "/browser" tie us to one side.
import writeXlsxFile, { type SheetData } from 'write-excel-file/universal';
import type { Client } from '../client.js';
import { exportTable, xlsxSheetName, type ExportOptions } from './table.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every cell is text (a phone or a postal code must not become a number): a string cell is
 * written as text, so rows go in as plain strings (100,000 × 60 cell objects would not fit a
 * phone's memory); empty → no cell; the header row bold.
 */
export function xlsxFromTable(
	table: readonly (readonly string[])[],
	sheetName: string
): Promise<Blob> {
	const data: SheetData = table.map((row, r) =>
		r === 0
			? row.map((value) => ({ value, type: String, fontWeight: 'bold' as const }))
			: row.map((value) => (value === '' ? null : value))
	);
	return writeXlsxFile(data, { sheet: sheetName, stickyRowsCount: 1 }).toBlob();
}

export function toXlsx(clients: readonly Client[], opts: ExportOptions): Promise<Blob> {
	return xlsxFromTable(exportTable(clients, opts), xlsxSheetName(opts.t));
}
