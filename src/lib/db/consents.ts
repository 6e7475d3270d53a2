// Consent records of a card (append-only, src/lib/domain/consents.ts). A record is inserted once
// and never edited; a withdrawal is another record. Every record is parsed with the wire rules
// first (choices, signature bounds): a bad one writes nothing.
import { map, type Observable } from 'rxjs';
import type { RxDocumentData } from 'rxdb';
import {
	compareConsentsNewestFirst,
	consentWireSchema,
	toConsentTombstone,
	type ConsentRecord
} from '$lib/domain/consents';
import { newId } from '$lib/domain/ids';
import { plain } from './config-helpers';
import type { SchedarioDatabase } from './database';
import { parseOrThrow } from './errors';
import type { ConsentDocType } from './schemas/consents.schema';

export type NewConsent = Omit<ConsentRecord, 'id' | 'signedAt' | 'deviceId' | 'staffId'>;

export interface ConsentWriteContext {
	deviceId: string;
	/** The signed-in staff member ('' when nobody). */
	staffId: string;
}

function toRecord(data: RxDocumentData<ConsentDocType> | ConsentDocType): ConsentRecord {
	return plain(data) as ConsentRecord;
}

export async function add(
	db: SchedarioDatabase,
	input: NewConsent,
	ctx: ConsentWriteContext,
	now = Date.now()
): Promise<ConsentRecord> {
	const { _deleted: _, ...record } = parseOrThrow(
		consentWireSchema,
		{
			...input,
			id: newId(now),
			signedAt: now,
			deviceId: ctx.deviceId,
			staffId: ctx.staffId,
			_deleted: false
		},
		'consent'
	);
	await db.consents.insert(record);
	return record;
}

function query(db: SchedarioDatabase, clientIds: readonly string[]) {
	return db.consents.find({ selector: { clientId: { $in: [...clientIds] } } });
}

/** The records of one card (or of every card of a merged group), newest first. */
export function list$(
	db: SchedarioDatabase,
	clientIds: readonly string[]
): Observable<ConsentRecord[]> {
	return query(db, clientIds).$.pipe(
		map((docs) => docs.map((d) => toRecord(d.toMutableJSON())).sort(compareConsentsNewestFirst))
	);
}

export async function list(
	db: SchedarioDatabase,
	clientIds: readonly string[]
): Promise<ConsentRecord[]> {
	const docs = await query(db, clientIds).exec();
	return docs.map((d) => toRecord(d.toMutableJSON())).sort(compareConsentsNewestFirst);
}

/** Tombstones every record of erased cards, keeping no personal data (GDPR erasure). */
export async function removeForClients(
	db: SchedarioDatabase,
	clientIds: readonly string[]
): Promise<number> {
	if (clientIds.length === 0) return 0;
	const docs = await query(db, clientIds).exec();
	await db.consents.bulkUpsert(
		docs.map((d) => ({ ...toConsentTombstone(toRecord(d.toMutableJSON())), _deleted: true }))
	);
	return docs.length;
}
