// Words for import codes: file errors, row errors (import or validation codes) with the
// column they are about, the template and the error report.
import Papa from 'papaparse';
import {
	errorReportCsv,
	type ImportTable,
	type ImportTarget,
	type RowError
} from '$lib/domain/import';
import type { MessageKey } from '$lib/i18n/catalog';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { TEMPLATE_TARGETS, targetLabelKey } from '$lib/state/import-labels';

const IMPORT_CODES = new Set([
	'row.malformed',
	'gender.invalid',
	'boolean.invalid',
	'country.invalid',
	'customerType.invalid'
]);

export function fileErrorText(code: string): string {
	const key = `import.error.${code}` as MessageKey;
	return t(key) === key ? t('import.error.file.unreadable') : t(key);
}

/** The target a card path belongs to ('phones.0.raw' → phone, 'address.city' → city). */
function targetOfPath(path: string): ImportTarget | null {
	if (!path) return null;
	const [head, second] = path.split('.');
	if (head === 'phones') return 'phone';
	if (head === 'emails') return 'email';
	if (head === 'address' || head === 'business') return (second ?? null) as ImportTarget | null;
	if (head === 'categoryIds') return 'categories';
	if (head === 'sourceId') return 'source';
	return head as ImportTarget;
}

export function rowErrorText(error: RowError): string {
	const key = (
		IMPORT_CODES.has(error.code) ? `import.error.${error.code}` : `validation.${error.code}`
	) as MessageKey;
	const reason = t(key, error.params);
	const target = targetOfPath(error.path);
	if (!target) return reason;
	return t('import.errors.describe', { field: t(targetLabelKey(target)), reason });
}

const usesSemicolon = () => i18n.locale !== 'en';

/** The template: the headers in the person's language, ';' where Excel expects it. */
export function templateCsv(): string {
	const headers = TEMPLATE_TARGETS.map((target) => t(targetLabelKey(target)));
	return `\uFEFF${Papa.unparse([headers], { delimiter: usesSemicolon() ? ';' : ',' })}\r\n`;
}

export function errorReport(table: ImportTable, errors: readonly RowError[]): string {
	const delimiter =
		table.source.kind === 'csv' ? table.source.delimiter : usesSemicolon() ? ';' : ',';
	return errorReportCsv(table, errors, rowErrorText, t('import.errors.column'), delimiter);
}
