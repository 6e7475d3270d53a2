// Messages between the import page's state and its Web Worker (import-worker.ts). Parsing and
// row building run there so a 50,000-row file never blocks the page.
import type { ClientFields } from '$lib/domain/client';
import type { DuplicateMatch } from '$lib/domain/duplicates';
import type {
	BuildOptions,
	FileErrorCode,
	ImportRow,
	ImportTable,
	ImportTarget,
	RowError
} from '$lib/domain/import';

/** The fields the duplicate index reads, of one existing client. */
export type ExistingKeys = { id: string } & Pick<
	ClientFields,
	'firstName' | 'lastName' | 'phones' | 'emails' | 'fiscalCode'
>;

export type WorkerRequest =
	| { kind: 'read'; bytes: ArrayBuffer; extra: [string, ImportTarget][] }
	| {
			kind: 'build';
			options: BuildOptions;
			existing: ExistingKeys[];
	  };

export type WorkerResponse =
	| { kind: 'read'; ok: true; table: ImportTable }
	| { kind: 'read'; ok: false; code: FileErrorCode | 'file.unreadable' }
	| {
			kind: 'built';
			rows: ImportRow[];
			errors: RowError[];
			duplicates: [number, DuplicateMatch][];
	  };
