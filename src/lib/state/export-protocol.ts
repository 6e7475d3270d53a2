// Messages between the page and src/lib/state/export.worker.ts.
export type ExportFormat = 'csv' | 'xlsx';

export type ExportWorkerRequest =
	| { kind: 'start'; format: ExportFormat; delimiter: string; sheetName: string; rows: string[][] }
	| { kind: 'rows'; rows: string[][] }
	| { kind: 'finish' };

export type ExportWorkerReply = { kind: 'done'; blob: Blob } | { kind: 'error'; message: string };
