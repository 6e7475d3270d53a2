// The import's Web Worker: reads the file into a table, keeps it, and turns it into cards,
// errors and duplicate matches on request. Only pure domain code runs here.
import { emptyClientFields } from '$lib/domain/client';
import { DuplicateIndex } from '$lib/domain/duplicates';
import {
	buildRows,
	extraSynonyms,
	findDuplicates,
	readTable,
	type ImportTable
} from '$lib/domain/import';
import type { WorkerRequest, WorkerResponse } from './import-protocol';

let table: ImportTable | null = null;

const post = (message: WorkerResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	if (request.kind === 'read') {
		table = null;
		try {
			const result = await readTable(new Uint8Array(request.bytes), extraSynonyms(request.extra));
			if (!result.ok) return post({ kind: 'read', ok: false, code: result.code });
			table = result.table;
			post({ kind: 'read', ok: true, table });
		} catch (error) {
			// A parser bug must not leave the page waiting: report the file as unreadable.
			console.error(error);
			post({ kind: 'read', ok: false, code: 'file.unreadable' });
		}
		return;
	}
	if (!table) return;
	const built = buildRows(table, request.options);
	const index = new DuplicateIndex(request.options.settings.defaultCountry);
	for (const { id, ...keys } of request.existing)
		index.set(id, { ...emptyClientFields(), ...keys });
	const duplicates = findDuplicates(built.rows, index);
	post({ kind: 'built', ...built, duplicates: [...duplicates] });
};
