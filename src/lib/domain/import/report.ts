// The downloadable error report: the file's header and its refused rows as they were, plus
// one column with the reasons (already translated by the caller).
import Papa from 'papaparse';
import type { ImportTable } from './table';
import type { RowError } from './rows';

export function errorReportCsv(
	table: Pick<ImportTable, 'headers' | 'rows'>,
	errors: readonly RowError[],
	describe: (error: RowError) => string,
	errorHeader: string,
	delimiter = ','
): string {
	const byRow = new Map<number, string[]>();
	for (const error of errors) {
		const list = byRow.get(error.index) ?? [];
		const text = describe(error);
		if (!list.includes(text)) list.push(text);
		byRow.set(error.index, list);
	}
	const data = [...byRow.keys()]
		.sort((a, b) => a - b)
		.map((index) => [...(table.rows[index] ?? []), (byRow.get(index) ?? []).join('; ')]);
	// BOM so Excel opens the accents right; the delimiter of the file the rows came from.
	return `\uFEFF${Papa.unparse({ fields: [...table.headers, errorHeader], data }, { delimiter, newline: '\r\n' })}`;
}
