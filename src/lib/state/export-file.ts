// Builds an export file of clients for download: rows in chunks on the page (the lookups of
// category, source and referrer names live here), the file written in a worker.
import type { Client } from '$lib/domain/client';
// The column and row code only: papaparse and write-excel-file load in the worker, not here.
import { exportColumns, exportHeaders } from '$lib/domain/export/columns';
import {
	csvDelimiter,
	exportRows,
	xlsxSheetName,
	type ExportOptions
} from '$lib/domain/export/table';
import { displayName } from '$lib/domain/client';
import { exportTranslator } from '$lib/i18n/export-translator';
import { i18n } from '$lib/i18n/i18n.svelte';
import { clientBook } from './clients.svelte';
import type { ExportFormat, ExportWorkerReply, ExportWorkerRequest } from './export-protocol';
import { assertCan } from './permissions';
import { salon } from './salon.svelte';

export type { ExportFormat } from './export-protocol';

/** Rows built between two yields to the event loop. */
const CHUNK = 2000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function exportOptions(): ExportOptions {
	const locale = i18n.locale;
	return {
		locale,
		t: exportTranslator(locale),
		lookups: {
			categoryName: (id) => salon.category(id)?.name,
			sourceName: (id) => salon.source(id)?.name,
			clientName: (id) => {
				const referrer = clientBook.get(id);
				return referrer ? displayName(referrer) : undefined;
			}
		}
	};
}

export interface ExportedFile {
	blob: Blob;
	fileName: string;
}

export async function exportClients(
	list: readonly Client[],
	format: ExportFormat,
	fileStem: string,
	onProgress?: (done: number, total: number) => void
): Promise<ExportedFile> {
	assertCan('export');
	const opts = exportOptions();
	const columns = exportColumns(list);
	const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
	try {
		const done = new Promise<Blob>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<ExportWorkerReply>) => {
				if (event.data.kind === 'done') resolve(event.data.blob);
				else reject(new Error(event.data.message));
			};
			worker.onerror = (event) => reject(new Error(event.message || 'export worker failed'));
		});
		const send = (message: ExportWorkerRequest) => worker.postMessage(message);
		send({
			kind: 'start',
			format,
			delimiter: csvDelimiter(opts.locale),
			sheetName: xlsxSheetName(opts.t),
			rows: [exportHeaders(columns, opts.t)]
		});
		for (let from = 0; from < list.length; from += CHUNK) {
			send({ kind: 'rows', rows: exportRows(list, columns, opts, from, from + CHUNK) });
			onProgress?.(Math.min(from + CHUNK, list.length), list.length);
			await yieldToEventLoop();
		}
		send({ kind: 'finish' });
		const blob = await done;
		return { blob, fileName: `${fileStem}.${format}` };
	} finally {
		worker.terminate();
	}
}
