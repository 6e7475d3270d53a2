// Validation speaks about the card as it would be saved; the form speaks about its inputs.
// Phones and e-mails are saved without their empty rows, so "phones.1" of the card may be the
// third row on screen: these helpers translate one into the other.
import type { ClientDraft } from './draft';

export interface KeyedIssue<I> {
	key: string;
	issue: I;
}

/** Row index on screen of each saved phone / e-mail, in saved order. */
export function savedRowIndices(draft: ClientDraft): { phones: number[]; emails: number[] } {
	const indices = <T>(rows: T[], isFilled: (row: T) => boolean) =>
		rows.flatMap((row, i) => (isFilled(row) ? [i] : []));
	return {
		phones: indices(draft.phones, (row) => row.raw.trim() !== ''),
		emails: indices(draft.emails, (row) => row.value.trim() !== '')
	};
}

/** The form key for an issue path: 'firstName', 'address.city', 'phones.2' (screen row). */
export function formKey(
	path: readonly (string | number)[] | string,
	rows: { phones: number[]; emails: number[] }
): string {
	const parts = typeof path === 'string' ? path.split('.') : path.map(String);
	const [field, index] = parts;
	if (field === 'phones' || field === 'emails') {
		// A missing required list points at its first row.
		if (index === undefined || !/^\d+$/.test(index)) return `${field}.0`;
		const row = rows[field][Number(index)];
		return `${field}.${row ?? 0}`;
	}
	if (field === 'address' && index === undefined) return 'address.street';
	if ((field === 'address' || field === 'business') && index !== undefined)
		return `${field}.${index}`;
	return field ?? '';
}

/** First issue per form key; later ones for the same input would only repeat. */
export function keyIssues<I extends { path: readonly (string | number)[] | string }>(
	issues: readonly I[],
	rows: { phones: number[]; emails: number[] }
): Map<string, I> {
	const byKey = new Map<string, I>();
	for (const issue of issues) {
		const key = formKey(issue.path, rows);
		if (!byKey.has(key)) byKey.set(key, issue);
	}
	return byKey;
}
