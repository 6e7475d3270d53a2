// From the preview to what gets written: which rows duplicate existing clients, and what each
// duplicate becomes — skipped, used to fill the existing card's empty fields, or created anyway.
import { CLIENT_FIELDS, type ClientFields } from '../client';
import type { DuplicateIndex, DuplicateMatch, MatchLevel } from '../duplicates';
import type { ImportRow } from './rows';

export type DuplicateChoice = 'skip' | 'fill' | 'create';
export const DUPLICATE_CHOICES: readonly DuplicateChoice[] = ['skip', 'fill', 'create'];

/** certain, strong and review matches count as "already a client"; a shared name alone does not. */
export const DUPLICATE_MIN_LEVEL: MatchLevel = 'review';

/** The best existing match of each row (by row index), for rows that have one. */
export function findDuplicates(
	rows: readonly ImportRow[],
	index: Pick<DuplicateIndex, 'candidatesFor'>
): Map<number, DuplicateMatch> {
	const out = new Map<number, DuplicateMatch>();
	for (const row of rows) {
		const best = index.candidatesFor(row.fields, { minLevel: DUPLICATE_MIN_LEVEL })[0];
		if (best) out.set(row.index, best);
	}
	return out;
}

const isEmptyValue = (v: unknown): boolean =>
	v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The fields of `incoming` that `existing` lacks: empty text, no date, no phones… An address
 * or business block is filled part by part. Yes/no fields, gender chosen, consents and the
 * customer type are never "empty", so an import does not overwrite them.
 */
export function fillEmpty(existing: ClientFields, incoming: ClientFields): Partial<ClientFields> {
	const patch: Record<string, unknown> = {};
	for (const field of CLIENT_FIELDS) {
		const have = existing[field];
		const come = incoming[field];
		if (field === 'address' || field === 'business') {
			const merged: Record<string, string> = { ...(have as Record<string, string>) };
			let changed = false;
			for (const [key, value] of Object.entries(come as Record<string, string>)) {
				if (!merged[key] && value) [merged[key], changed] = [value, true];
			}
			if (changed) patch[field] = merged;
		} else if (field === 'gender') {
			if (have === 'unspecified' && come !== 'unspecified') patch[field] = come;
		} else if (isEmptyValue(have) && !isEmptyValue(come) && typeof come !== 'boolean') {
			patch[field] = come;
		}
	}
	return patch as Partial<ClientFields>;
}

export interface PlannedImport {
	create: ClientFields[];
	fill: { id: string; patch: Partial<ClientFields> }[];
	skipped: number;
}

/** Splits the importable rows by the person's choices (per row, else the one for all). */
export function planImport(
	rows: readonly ImportRow[],
	duplicates: ReadonlyMap<number, DuplicateMatch>,
	choices: ReadonlyMap<number, DuplicateChoice>,
	forAll: DuplicateChoice,
	existing: (id: string) => ClientFields | undefined
): PlannedImport {
	const plan: PlannedImport = { create: [], fill: [], skipped: 0 };
	const filling = new Map<string, Partial<ClientFields>>();
	for (const row of rows) {
		const match = duplicates.get(row.index);
		if (!match) {
			plan.create.push(row.fields);
			continue;
		}
		const choice = choices.get(row.index) ?? forAll;
		if (choice === 'create') plan.create.push(row.fields);
		else if (choice === 'skip') plan.skipped++;
		else {
			const card = existing(match.id);
			// Two rows filling one card: the second fills what the first left empty.
			const base = card ? { ...card, ...(filling.get(match.id) ?? {}) } : undefined;
			const patch = base ? fillEmpty(base, row.fields) : {};
			if (Object.keys(patch).length === 0) plan.skipped++;
			else filling.set(match.id, { ...(filling.get(match.id) ?? {}), ...patch });
		}
	}
	plan.fill = [...filling].map(([id, patch]) => ({ id, patch }));
	return plan;
}
