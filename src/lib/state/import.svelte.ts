// The /import page's state: file → table (in a Web Worker) → mapping and date questions →
// preview (cards, errors, duplicates, built in the worker) → commit in batches with progress
// and cancel (src/lib/db/imports.ts: all or nothing). One shared instance: `importSession`.
// The Maps and Sets below are never mutated: each lives in $state.raw and is replaced whole (or
// is local to a function), so Svelte's reactive collections would only add overhead.
/* eslint-disable svelte/prefer-svelte-reactivity */
import { getDatabase } from '$lib/db/database';
import * as importsRepo from '$lib/db/imports';
import type { DuplicateMatch } from '$lib/domain/duplicates';
import {
	autoMap,
	detectDateColumns,
	detectNameOrders,
	extraSynonyms,
	planImport,
	type ColumnMapping,
	type DateDetection,
	type DateOrder,
	type DuplicateChoice,
	type ImportRow,
	type ImportTable,
	type ImportTarget,
	type RowError
} from '$lib/domain/import';
import { NO_FILTERS, DEFAULT_SORT } from '$lib/domain/query';
import { clientBook } from './clients.svelte';
import { notices } from './errors.svelte';
import { checkDuplicates } from './links.svelte';
import { writeContext } from './device';
import type { ExistingKeys, WorkerRequest, WorkerResponse } from './import-protocol';
import { labelSynonyms } from './import-labels';
import { resolveNames } from './import-names';
import { assertCan } from './permissions';
import { salon } from './salon.svelte';

export type ImportStep = 'choose' | 'reading' | 'mapping' | 'checking' | 'preview' | 'committing';
export type ImportOutcome =
	{ kind: 'done'; created: number; filled: number } | { kind: 'cancelled' } | { kind: 'failed' };

function todayIso(): string {
	const d = new Date();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export class ImportSession {
	step = $state<ImportStep>('choose');
	fileName = $state('');
	/** A file-level error code ('file.empty', 'file.notSpreadsheet', …). */
	fileError = $state<string | null>(null);
	table = $state.raw<ImportTable | null>(null);
	mapping = $state.raw<ColumnMapping>([]);
	dates = $state.raw<Record<number, DateDetection>>({});
	dateAnswers = $state.raw<Record<number, DateOrder>>({});
	rows = $state.raw<ImportRow[]>([]);
	errors = $state.raw<RowError[]>([]);
	duplicates = $state.raw<ReadonlyMap<number, DuplicateMatch>>(new Map());
	choices = $state.raw<ReadonlyMap<number, DuplicateChoice>>(new Map());
	forAll = $state<DuplicateChoice>('skip');
	progress = $state.raw({ done: 0, total: 0 });
	outcome = $state.raw<ImportOutcome | null>(null);

	#worker: Worker | null = null;
	#pending: ((response: WorkerResponse) => void) | null = null;
	#abort: AbortController | null = null;

	/** Date columns whose order is ambiguous and not answered yet. */
	get unansweredDates(): number[] {
		return Object.entries(this.dates)
			.filter(([column, d]) => d.ambiguous && this.dateAnswers[Number(column)] === undefined)
			.map(([column]) => Number(column));
	}

	get hasNameColumn(): boolean {
		return this.mapping.some((t) => t === 'firstName' || t === 'lastName' || t === 'fullName');
	}

	get counts(): { created: number; duplicates: number; errors: number } {
		const errorRows = new Set(this.errors.map((e) => e.index)).size;
		return {
			created: this.rows.length - this.duplicates.size,
			duplicates: this.duplicates.size,
			errors: errorRows
		};
	}

	#request(message: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerResponse> {
		this.#worker ??= new Worker(new URL('./import-worker.ts', import.meta.url), {
			type: 'module'
		});
		this.#worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			const resolve = this.#pending;
			this.#pending = null;
			resolve?.(event.data);
		};
		return new Promise((resolve) => {
			this.#pending = resolve;
			this.#worker?.postMessage(message, transfer);
		});
	}

	reset(): void {
		this.#abort?.abort();
		this.step = 'choose';
		this.fileName = '';
		this.fileError = null;
		this.table = null;
		this.mapping = [];
		this.dates = {};
		this.dateAnswers = {};
		this.#clearPreview();
	}

	#clearPreview(): void {
		this.rows = [];
		this.errors = [];
		this.duplicates = new Map();
		this.choices = new Map();
		this.forAll = 'skip';
		this.progress = { done: 0, total: 0 };
	}

	async readFile(file: File): Promise<void> {
		await this.readBytes(await file.arrayBuffer(), file.name);
	}

	async readBytes(bytes: ArrayBuffer, fileName: string): Promise<void> {
		this.reset();
		this.outcome = null;
		this.fileName = fileName;
		this.step = 'reading';
		const response = await this.#request({ kind: 'read', bytes, extra: labelSynonyms() }, [bytes]);
		if (response.kind !== 'read') return;
		if (!response.ok) {
			this.fileError = response.code;
			this.step = 'choose';
			return;
		}
		const extra = extraSynonyms(labelSynonyms());
		this.table = response.table;
		this.mapping = autoMap(response.table.headers, extra);
		this.dates = detectDateColumns(response.table, this.mapping, todayIso());
		this.step = 'mapping';
	}

	setTarget(column: number, target: ImportTarget | null): void {
		if (!this.table) return;
		const next = [...this.mapping];
		next[column] = target;
		this.mapping = next;
		this.dates = detectDateColumns(this.table, next, todayIso());
		this.#clearPreview();
		this.step = 'mapping';
	}

	setDateOrder(column: number, order: DateOrder): void {
		this.dateAnswers = { ...this.dateAnswers, [column]: order };
		this.#clearPreview();
		this.step = 'mapping';
	}

	/** Builds the preview: cards, errors and duplicates of existing clients. */
	async check(): Promise<void> {
		const table = this.table;
		if (!table) return;
		this.step = 'checking';
		const dateOrders: Record<number, DateOrder> = {};
		for (const [column, d] of Object.entries(this.dates)) {
			dateOrders[Number(column)] = this.dateAnswers[Number(column)] ?? d.order;
		}
		const everyone = clientBook.query({
			text: '',
			filters: { ...NO_FILTERS, archived: 'all' },
			sort: DEFAULT_SORT,
			today: todayIso()
		});
		const existing: ExistingKeys[] = everyone.map((c) => ({
			id: c.id,
			firstName: c.firstName,
			lastName: c.lastName,
			phones: c.phones.map((p) => ({ ...p })),
			emails: [...c.emails],
			fiscalCode: c.fiscalCode
		}));
		const response = await this.#request({
			kind: 'build',
			options: {
				mapping: [...this.mapping],
				dateOrders,
				nameOrders: detectNameOrders(table.headers, this.mapping),
				settings: {
					defaultCountry: salon.settings.defaultCountry,
					requiredFields: [...salon.settings.requiredFields]
				},
				today: todayIso()
			},
			existing
		});
		if (response.kind !== 'built') return;
		this.rows = response.rows;
		this.errors = response.errors;
		this.duplicates = new Map(response.duplicates);
		this.step = 'preview';
	}

	choose(rowIndex: number, choice: DuplicateChoice): void {
		this.choices = new Map(this.choices).set(rowIndex, choice);
	}

	setForAll(choice: DuplicateChoice): void {
		this.forAll = choice;
		this.choices = new Map();
	}

	async commit(): Promise<void> {
		if (this.step !== 'preview') return;
		assertCan('import');
		this.step = 'committing';
		this.#abort = new AbortController();
		try {
			const rows = await resolveNames(this.rows);
			const plan = planImport(rows, this.duplicates, this.choices, this.forAll, (id) =>
				clientBook.get(id)
			);
			this.progress = { done: 0, total: plan.create.length + plan.fill.length };
			const db = await getDatabase();
			const written: string[] = [];
			await importsRepo.commitImport(
				db,
				{ fileName: this.fileName, ...plan, errors: this.counts.errors },
				writeContext(),
				{
					signal: this.#abort.signal,
					onProgress: (done, total) => (this.progress = { done, total }),
					onWritten: (ids) => written.push(...ids)
				}
			);
			// New and completed cards go through the duplicates check (auto-merge or review queue).
			checkDuplicates(written).catch(notices.handleError);
			this.outcome = { kind: 'done', created: plan.create.length, filled: plan.fill.length };
			this.reset();
		} catch (error) {
			const cancelled = error instanceof importsRepo.ImportCancelledError;
			if (!cancelled) console.error(error);
			this.outcome = { kind: cancelled ? 'cancelled' : 'failed' };
			this.step = 'preview';
		} finally {
			this.#abort = null;
		}
	}

	cancel(): void {
		this.#abort?.abort();
	}
}

export const importSession = new ImportSession();
