// The visits repository: treatments and loyalty movements of the clients. Writes are validated
// with zod first and stamped per changed field with the device's HLC, like client cards, so two
// devices editing one visit offline converge field by field (merge.ts › mergeVisits).
import { map, type Observable } from 'rxjs';
import type { RxDocumentData } from 'rxdb';
import { newId } from '$lib/domain/ids';
import { stampFields } from '$lib/domain/stamp';
import {
	VISIT_FIELDS,
	visitFieldsSchema,
	visitSchema,
	type Visit,
	type VisitFields
} from '$lib/domain/visit';
import type { VisitChange } from '$lib/domain/visit-index';
import type { WriteContext } from './clients';
import { plain } from './config-helpers';
import type { SchedarioDatabase } from './database';
import { NotFoundError, parseOrThrow, ValidationError } from './errors';
import type { VisitDocType } from './schemas/visit.schema';

export type { VisitChange };

const patchSchema = visitFieldsSchema.partial().strict();

export function toVisit(data: RxDocumentData<VisitDocType> | VisitDocType): Visit {
	return plain(data as VisitDocType) as Visit;
}

function fieldsOf(visit: Visit): VisitFields {
	const fields: Record<string, unknown> = {};
	for (const field of VISIT_FIELDS) fields[field] = visit[field];
	return fields as VisitFields;
}

export async function create(
	db: SchedarioDatabase,
	fields: VisitFields,
	ctx: WriteContext
): Promise<Visit> {
	const valid = parseOrThrow(visitFieldsSchema.strict(), fields, 'visit');
	const now = Date.now();
	const visit = parseOrThrow(
		visitSchema,
		{
			...valid,
			id: newId(now),
			deviceId: ctx.deviceId,
			createdBy: ctx.author,
			createdAt: now,
			updatedAt: now,
			clock: stampFields(null, valid, VISIT_FIELDS, {}, ctx.clock.tick())
		},
		'visit'
	);
	await db.visits.insert(visit as VisitDocType);
	return visit;
}

/** Applies `patch` to the freshest stored version; only the fields it changes get a stamp.
 *  A loyalty movement is append-only: it cannot be edited. */
export async function update(
	db: SchedarioDatabase,
	id: string,
	rawPatch: Partial<VisitFields>,
	ctx: WriteContext
): Promise<Visit> {
	const patch = parseOrThrow(patchSchema, rawPatch, 'visit');
	const doc = await db.visits.findOne(id).exec();
	if (!doc) throw new NotFoundError('visit', id);
	const stored = toVisit(doc.toMutableJSON());
	if (stored.kind !== 'visit' || (patch.kind !== undefined && patch.kind !== 'visit')) {
		throw new ValidationError('visit', [
			{ path: 'kind', code: 'appendOnly', message: 'Movements cannot be edited' }
		]);
	}
	parseOrThrow(visitSchema, { ...stored, ...patch }, 'visit');
	let written = stored;
	await doc.incrementalModify((data) => {
		const current = toVisit(data);
		const next = { ...fieldsOf(current), ...patch };
		const clock = stampFields(
			fieldsOf(current),
			next,
			VISIT_FIELDS,
			current.clock,
			ctx.clock.tick()
		);
		written = { ...current, ...next, clock, updatedAt: Math.max(Date.now(), current.updatedAt) };
		return { ...data, ...written };
	});
	return written;
}

/** One client's history (several ids: a merged duplicate group), newest first. */
export async function forClients(
	db: SchedarioDatabase,
	clientIds: readonly string[]
): Promise<Visit[]> {
	const docs = await db.visits
		.find({ selector: { clientId: { $in: [...clientIds] } }, sort: [{ at: 'desc' }] })
		.exec();
	return docs.map((d) => toVisit(d.toMutableJSON()));
}

/** Every live visit and movement, in one storage read (no RxDocument instances). */
export async function all(db: SchedarioDatabase): Promise<Visit[]> {
	const prepared = db.visits.find().getPreparedQuery();
	const result = await db.visits.storageInstance.query(prepared);
	return result.documents.map(toVisit);
}

export async function bulkInsert(db: SchedarioDatabase, visits: readonly Visit[]): Promise<void> {
	const valid = visits.map((v) => parseOrThrow(visitSchema, v, 'visit'));
	const result = await db.visits.bulkInsert(valid as VisitDocType[]);
	if (result.error.length > 0) throw new Error(`bulk insert refused ${result.error.length} visits`);
}

/** Every change from any source (this tab, other tabs, replication), one array per write. */
export function changes$(db: SchedarioDatabase): Observable<VisitChange[]> {
	return db.visits.eventBulks$.pipe(
		map((bulk) =>
			bulk.events.map((event): VisitChange =>
				event.operation === 'DELETE' || event.documentData._deleted
					? { kind: 'remove', id: event.documentId }
					: { kind: 'upsert', visit: toVisit(event.documentData as RxDocumentData<VisitDocType>) }
			)
		)
	);
}
