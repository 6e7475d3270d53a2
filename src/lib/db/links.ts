// The `links` repository (duplicate merges, src/lib/domain/links.ts) and the one client write
// that goes through a merged group's view: the edit lands on the survivor card only.
import { map, type Observable } from 'rxjs';
import type { RxDocumentData } from 'rxdb';
import type { Client, ClientFields } from '$lib/domain/client';
import { clientFieldsSchema, clientSchema } from '$lib/domain/client';
import { writeThroughView } from '$lib/domain/link-view';
import { linkSchema, type Link } from '$lib/domain/links';
import { toClient, type WriteContext } from './clients';
import type { SchedarioDatabase } from './database';
import { NotFoundError, parseOrThrow } from './errors';
import type { LinkDocType } from './schemas/links.schema';

function toLink(data: RxDocumentData<LinkDocType> | LinkDocType): Link {
	const {
		_meta: _m,
		_rev: _r,
		_attachments: _a,
		_deleted: _d,
		...link
	} = data as RxDocumentData<LinkDocType>;
	return link as Link;
}

export async function list(db: SchedarioDatabase): Promise<Link[]> {
	const docs = await db.links.find().exec();
	return docs.map((d) => toLink(d.toMutableJSON()));
}

/** Every link, now and on every change from any source (this tab, other tabs, sync). */
export function list$(db: SchedarioDatabase): Observable<Link[]> {
	return db.links.find().$.pipe(map((docs) => docs.map((d) => toLink(d.toMutableJSON()))));
}

/** Writes many link versions at once (each already stamped newer than what it replaces). */
export async function save(db: SchedarioDatabase, links: readonly Link[]): Promise<Link[]> {
	const valid = links.map((l) => parseOrThrow(linkSchema, l, 'link'));
	if (valid.length > 0) await db.links.bulkUpsert(valid as LinkDocType[]);
	return valid;
}

const patchSchema = clientFieldsSchema.partial().strict();

/**
 * An edit of a merged group, written into its survivor `id`: the fields that differ from the
 * group's `view` (what the person saw and changed) are stamped with a new HLC.
 */
export async function updateThroughView(
	db: SchedarioDatabase,
	id: string,
	view: Client,
	patch: Partial<ClientFields>,
	ctx: WriteContext
): Promise<Client> {
	const valid = parseOrThrow(patchSchema, patch, 'client');
	parseOrThrow(clientSchema, { ...view, ...valid }, 'client');
	const doc = await db.clients.findOne(id).exec();
	if (!doc) throw new NotFoundError('client', id);
	const hlc = ctx.clock.tick();
	let written: Client = toClient(doc.toMutableJSON());
	await doc.incrementalModify((data) => {
		const next = writeThroughView(toClient(data), view, valid, hlc);
		written = { ...next, editedBy: ctx.author, updatedAt: Math.max(Date.now(), next.updatedAt) };
		return { ...data, ...written };
	});
	return written;
}
