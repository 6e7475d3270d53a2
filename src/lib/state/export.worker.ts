// Writes an export file off the main thread. The page sends the table in chunks of rows (built
// between yields, so typing stays smooth) and gets a Blob back: the XLSX zip of 100,000 cards
// takes seconds of pure CPU that would otherwise freeze the page.
import { BOM, CSV_NEWLINE, XLSX_MIME, csvLines, xlsxFromTable } from '$lib/domain/export';
import type { ExportWorkerReply, ExportWorkerRequest } from './export-protocol';

let format: 'csv' | 'xlsx' = 'csv';
let delimiter = ';';
let sheetName = '';
let csvParts: string[] = [];
let table: string[][] = [];

function reply(message: ExportWorkerReply): void {
	postMessage(message);
}

async function finish(): Promise<Blob> {
	if (format === 'csv') {
		// UTF-8 with a byte-order mark, CRLF between lines (csv.ts says why).
		return new Blob([BOM, csvParts.join(CSV_NEWLINE)], { type: 'text/csv;charset=utf-8' });
	}
	const blob = await xlsxFromTable(table, sheetName);
	return blob.type === XLSX_MIME ? blob : new Blob([blob], { type: XLSX_MIME });
}

onmessage = async (event: MessageEvent<ExportWorkerRequest>) => {
	const message = event.data;
	try {
		if (message.kind === 'start') {
			({ format, delimiter, sheetName } = message);
			csvParts = [];
			table = [];
			addRows(message.rows);
		} else if (message.kind === 'rows') {
			addRows(message.rows);
		} else {
			reply({ kind: 'done', blob: await finish() });
			csvParts = [];
			table = [];
		}
	} catch (error) {
		reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};

function addRows(rows: string[][]): void {
	if (format === 'csv') csvParts.push(csvLines(rows, delimiter));
	else for (const row of rows) table.push(row);
}
