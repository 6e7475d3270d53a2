// A file → a table of text cells with its header row. CSV through papaparse (delimiter guessed
// among ',', ';' and tab), XLSX through read-excel-file's universal entry (an ArrayBuffer in,
// works in Node and in a Web Worker). Title rows above the header and total rows at the end
// are left out; each data row keeps its row number in the file for error messages.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { decodeText, isZip, type TextEncoding } from './decode';
import { matchHeader, foldHeader, type ExtraSynonyms } from './synonyms';

export type FileErrorCode = 'file.empty' | 'file.notSpreadsheet' | 'file.noRows';

export interface ImportTable {
	headers: string[];
	rows: string[][];
	/** 1-based row number in the file (spreadsheet row, CSV record) of each data row. */
	rowNumbers: number[];
	/** Data rows papaparse could not read cleanly (an unclosed quote, extra cells). */
	malformed: number[];
	source: { kind: 'csv'; delimiter: string; encoding: TextEncoding } | { kind: 'xlsx' };
}

export type TableResult = { ok: true; table: ImportTable } | { ok: false; code: FileErrorCode };

const DELIMITERS = [',', ';', '\t'];
/** How far down title rows may push the header. */
const HEADER_SEARCH_ROWS = 30;
const TOTAL_WORDS = /^(totale|totali|total|totals|totais|grand total|sum|somma|общо|сума|tot)\b/;

/** A cell of a spreadsheet as text: dates as ISO 'YYYY-MM-DD', numbers without grouping. */
function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return '';
		return value.toISOString().slice(0, 10);
	}
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return String(value);
}

const isBlank = (row: readonly string[]) => row.every((c) => c.trim() === '');

/** Header row: the row among the first ones naming most known columns; else the first row
 *  as wide as the data. Returns -1 when no row looks like a header. */
function findHeaderRow(grid: readonly string[][], extra?: ExtraSynonyms): number {
	let best = -1;
	let bestScore = 0;
	const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
	for (let i = 0; i < limit; i++) {
		const row = grid[i] as string[];
		const targets = new Set(row.map((c) => matchHeader(c, extra)).filter((t) => t !== null));
		if (targets.size > bestScore) [best, bestScore] = [i, targets.size];
	}
	if (best >= 0) return best;
	// Nothing recognised: a table of at least two columns still imports with a manual mapping.
	const width = (row: readonly string[]) => row.filter((c) => c.trim() !== '').length;
	const widest = Math.max(0, ...grid.slice(0, limit).map(width));
	if (widest < 2) return -1;
	return grid.findIndex((row) => width(row) === widest);
}

function isTotalRow(row: readonly string[]): boolean {
	const first = row.find((c) => c.trim() !== '');
	return first !== undefined && TOTAL_WORDS.test(foldHeader(first));
}

/** Cuts title rows, blank rows and trailing totals; keeps row numbers. */
export function tableFromGrid(
	grid: string[][],
	source: ImportTable['source'],
	malformedIndexes: ReadonlySet<number>,
	extra?: ExtraSynonyms
): TableResult {
	if (grid.every(isBlank)) return { ok: false, code: 'file.empty' };
	const headerAt = findHeaderRow(grid, extra);
	if (headerAt < 0) return { ok: false, code: 'file.notSpreadsheet' };
	const header = grid[headerAt] as string[];
	let end = grid.length;
	while (
		end > headerAt + 1 &&
		(isBlank(grid[end - 1] as string[]) || isTotalRow(grid[end - 1] as string[]))
	) {
		end--;
	}
	const width = header.length;
	const table: ImportTable = {
		headers: header.map((h) => h.trim()),
		rows: [],
		rowNumbers: [],
		malformed: [],
		source
	};
	for (let i = headerAt + 1; i < end; i++) {
		const row = grid[i] as string[];
		if (isBlank(row)) continue;
		const extraCells = row.slice(width).some((c) => c.trim() !== '');
		if (malformedIndexes.has(i) || extraCells) table.malformed.push(i + 1);
		table.rows.push(
			row.length >= width
				? row.slice(0, width)
				: [...row, ...Array<string>(width - row.length).fill('')]
		);
		table.rowNumbers.push(i + 1);
	}
	if (table.rows.length === 0) return { ok: false, code: 'file.noRows' };
	return { ok: true, table };
}

export function parseCsvText(
	text: string,
	encoding: TextEncoding,
	extra?: ExtraSynonyms
): TableResult {
	// Guess on the first records without blank lines (papaparse's guess averages the field
	// counts, and blank lines would pull a consistent ';' below its threshold), then read all.
	const guess = Papa.parse<string[]>(text, {
		delimiter: '',
		delimitersToGuess: DELIMITERS,
		skipEmptyLines: 'greedy',
		preview: 200
	});
	const delimiter = DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
	const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
	const grid = result.data.map((row) => row.map((c) => c ?? ''));
	const malformed = new Set<number>();
	for (const error of result.errors) {
		if (typeof error.row === 'number') malformed.add(error.row);
	}
	return tableFromGrid(grid, { kind: 'csv', delimiter, encoding }, malformed, extra);
}

/** Any file's bytes → table: XLSX when it is a ZIP, else text (CSV, TSV, pasted text). */
export async function readTable(bytes: Uint8Array, extra?: ExtraSynonyms): Promise<TableResult> {
	if (bytes.length === 0) return { ok: false, code: 'file.empty' };
	if (isZip(bytes)) {
		let sheet: unknown[][];
		try {
			const copy = bytes.slice().buffer;
			sheet = (await readSheet(copy)) as unknown[][];
		} catch {
			// read-excel-file throws on anything that is not a readable .xlsx (a .docx, a broken
			// ZIP): for the person it is simply not a spreadsheet.
			return { ok: false, code: 'file.notSpreadsheet' };
		}
		return tableFromGrid(
			sheet.map((row) => row.map(cellText)),
			{ kind: 'xlsx' },
			new Set(),
			extra
		);
	}
	const decoded = decodeText(bytes);
	if (!decoded.ok) return decoded;
	return parseCsvText(decoded.text, decoded.encoding, extra);
}
