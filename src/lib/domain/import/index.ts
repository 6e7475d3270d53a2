// Import of client lists (issue 5): bytes → table → mapping → cards and per-row errors.
// Pure: runs in Node (tests, bench) and in the app's Web Worker (src/lib/state/import-worker.ts).
export { decodeText, type TextEncoding } from './decode';
export {
	DATE_ORDERS,
	detectDateOrder,
	parseDateAs,
	type DateDetection,
	type DateOrder
} from './dates';
export { autoMap, detectDateColumns, detectNameOrders } from './mapping';
export {
	buildRow,
	buildRows,
	type BuildOptions,
	type BuildResult,
	type ImportRow,
	type RowError
} from './rows';
export { extraSynonyms, foldHeader, matchHeader, type ExtraSynonyms } from './synonyms';
export {
	parseCsvText,
	readTable,
	type FileErrorCode,
	type ImportTable,
	type TableResult
} from './table';
export {
	BOOLEAN_TARGETS,
	DATE_TARGETS,
	IMPORT_TARGETS,
	MULTI_TARGETS,
	isImportTarget,
	type ColumnMapping,
	type ImportTarget
} from './targets';
export { parseGender, parseYesNo, splitFullName, type NameOrder } from './values';
export { errorReportCsv } from './report';
export {
	DUPLICATE_CHOICES,
	DUPLICATE_MIN_LEVEL,
	fillEmpty,
	findDuplicates,
	planImport,
	type DuplicateChoice,
	type PlannedImport
} from './plan';
export { ownExportSynonyms } from './own-export';
