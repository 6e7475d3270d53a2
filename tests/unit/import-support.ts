// Shared by the import unit tests: run a file through the whole pure pipeline.
import { emptyClientFields, type ClientFields, type Phone } from '$lib/domain/client';
import {
	autoMap,
	buildRows,
	detectDateColumns,
	detectNameOrders,
	readTable,
	type BuildResult,
	type DateOrder,
	type ExtraSynonyms,
	type ImportTable
} from '$lib/domain/import';
import { DEFAULT_SETTINGS } from '$lib/domain/settings';

export const TODAY = '2026-11-24';

export type Imported =
	| { ok: false; code: string }
	| ({ ok: true; table: ImportTable; ambiguous: number[] } & BuildResult);

export async function importBytes(
	bytes: Uint8Array,
	answers: Record<number, DateOrder> = {},
	extra?: ExtraSynonyms
): Promise<Imported> {
	const read = await readTable(bytes, extra);
	if (!read.ok) return read;
	const { table } = read;
	const mapping = autoMap(table.headers, extra);
	const detected = detectDateColumns(table, mapping, TODAY);
	const dateOrders: Record<number, DateOrder> = {};
	const ambiguous: number[] = [];
	for (const [column, d] of Object.entries(detected)) {
		dateOrders[Number(column)] = answers[Number(column)] ?? d.order;
		if (d.ambiguous) ambiguous.push(Number(column));
	}
	const built = buildRows(table, {
		mapping,
		dateOrders,
		nameOrders: detectNameOrders(table.headers, mapping),
		settings: DEFAULT_SETTINGS,
		today: TODAY
	});
	return { ok: true, table, ambiguous, ...built };
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes of Latin-1 text (enough for Italian and Portuguese accents). */
export function cp1252(text: string): Uint8Array {
	return Uint8Array.from(
		[...text].map((ch) => {
			const code = ch.charCodeAt(0);
			if (code > 255) throw new Error(`not Latin-1: ${ch}`);
			return code;
		})
	);
}

export function card(overrides: Partial<ClientFields>): ClientFields {
	return { ...emptyClientFields(), ...overrides };
}

export const mobile = (e164: string, raw: string): Phone => ({ e164, raw, label: 'mobile' });

/** The cards of an import, or a failure that names what went wrong. */
export function fieldsOf(result: Imported): ClientFields[] {
	if (!result.ok) throw new Error(`import failed: ${result.code}`);
	return result.rows.map((r) => r.fields);
}
