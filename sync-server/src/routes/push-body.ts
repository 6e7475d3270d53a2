// The push body, validated so that the assumed master state is checked against the stored master
// instead of by zod. Every row's newDocumentState is parsed fully (it is what gets stored). Its
// assumedMasterState only decides the compare-and-swap: when it equals the stored master, the
// master is its proof of validity (it was validated when it was written), so zod would only
// repeat that work — about half of the push's validation time under load. When it does not equal
// the master, the storage calls `validateAssumed` before answering a conflict: the full schema
// parses it (a malformed one is a 400 and the push is taken back whole), and the parsed value is
// compared again, so a state zod would normalise (a trimmed name) matches as it did before.
import { z } from 'zod';
import {
	documentSchemaFor,
	issuePath,
	maxPushRowsOf,
	primaryKeyOf,
	pushRequestSchemaFor,
	type SyncedCollection
} from '../../../src/lib/domain/sync-protocol.js';
import { HttpError, parseOr400 } from '../http/errors.js';

export interface ParsedPushRow {
	assumedMasterState: unknown | null;
	newDocumentState: unknown;
	/** Present when assumedMasterState was not parsed: returns it parsed, or throws a 400. */
	validateAssumed?: () => unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v);

// zod compiles an object schema's fast path on its first parse: built once per collection, not
// per request (building it per push cost more than the parse).
function cachedPer<T>(build: (c: SyncedCollection) => T): (c: SyncedCollection) => T {
	const cache = new Map<SyncedCollection, T>();
	return (c) => {
		let value = cache.get(c);
		if (value === undefined) cache.set(c, (value = build(c)));
		return value;
	};
}

const fullSchemaOf = cachedPer(pushRequestSchemaFor);
const assumedSchemaOf = cachedPer((c) => documentSchemaFor(c).nullable());

/** pushRequestSchemaFor with the assumed state only required to be null or an object with the
 * row's primary key: weaker than the full schema, so whatever it refuses the full one refuses. */
const lightSchemaOf = cachedPer((collection) => {
	const pk = primaryKeyOf(collection);
	const row = z
		.object({
			assumedMasterState: z.custom<Record<string, unknown> | null>(
				(v) => v === null || isObject(v)
			),
			newDocumentState: documentSchemaFor(collection)
		})
		.strict()
		.refine(
			(r) =>
				r.assumedMasterState === null ||
				r.assumedMasterState[pk] === (r.newDocumentState as Record<string, unknown>)[pk],
			{ message: 'primaryKeyMismatch', path: ['assumedMasterState', pk] }
		);
	return z.object({ rows: z.array(row).min(1).max(maxPushRowsOf(collection)) }).strict();
});

function validatorOf(collection: SyncedCollection, assumed: unknown, index: number) {
	return (): unknown => {
		const result = assumedSchemaOf(collection).safeParse(assumed);
		if (result.success) return result.data;
		const first = result.error.issues[0];
		const inner = first ? issuePath(first) : '';
		const path = `rows.${index}.assumedMasterState${inner ? `.${inner}` : ''}`;
		throw new HttpError(400, 'bad_request', `${path}: ${first?.message ?? 'Invalid'}`, path);
	};
}

/**
 * The push body's rows. `lazyAssumed` false: every assumed state is parsed here (callers that
 * read it before the storage does, e.g. to check permissions against a masked master).
 */
export function parsePushBody(
	collection: SyncedCollection,
	raw: unknown,
	lazyAssumed: boolean
): ParsedPushRow[] {
	if (!lazyAssumed) return parseOr400(fullSchemaOf(collection), raw).rows;
	const light = lightSchemaOf(collection).safeParse(raw);
	// The full schema names the first problem exactly as it always has.
	if (!light.success) return parseOr400(fullSchemaOf(collection), raw).rows;
	return light.data.rows.map((row, index) => ({
		assumedMasterState: row.assumedMasterState,
		newDocumentState: row.newDocumentState,
		validateAssumed: validatorOf(collection, row.assumedMasterState, index)
	}));
}
