// Pull and push for every synced collection, shaped for RxDB's replicateRxCollection: pull by
// a per-salon seq checkpoint, push with compare-and-swap against assumedMasterState.
import { authorOf } from '../../../src/lib/domain/authorship.js';
import { sameCanonicalJson } from '../../../src/lib/domain/canonical-json.js';
import { fieldChanges } from '../../../src/lib/domain/history.js';
import { futureStampFloor, isTooFarInFuture } from '../../../src/lib/domain/hlc.js';
import {
	MAX_BODY_BYTES,
	maxBodyBytesOf,
	maxBootstrapPullLimitOf,
	primaryKeyOf,
	pullRequestSchema,
	isSyncedCollection,
	type SyncedCollection
} from '../../../src/lib/domain/sync-protocol.js';
import { authenticate } from '../auth/authenticate.js';
import { devicePermissions } from '../auth/device-permissions.js';
import { readJsonBody } from '../http/body.js';
import type { RequestContext, Route } from '../http/context.js';
import { HttpError, parseOr400, sendJson, sendJsonText } from '../http/errors.js';
import { Slots } from '../http/slots.js';
import type { DeviceRecord, RevisionInput } from '../storage/types.js';
import { pullAnswerJson } from './pull-answer.js';
import { pushAuditor } from './push-audit.js';
import { parsePushBody } from './push-body.js';
import { authorizePush, maskFor, readsAssumedStates } from './replication-access.js';

// Bookkeeping that changes on every write; the revision log records what a person changed.
const NOT_CONTENT = new Set(['_deleted', 'clock', 'updatedAt', 'sortName']);

function collectionOf(ctx: RequestContext): SyncedCollection {
	const name = ctx.params.collection as string;
	if (!isSyncedCollection(name)) {
		throw new HttpError(404, 'not_found', `No synced collection named "${name}"`, 'collection');
	}
	return name;
}

function asRecord(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** The top-level fields whose value differs between the stored master and the new state. */
export function changedFields(prev: unknown | null, next: unknown): string[] {
	const a = asRecord(prev);
	const b = asRecord(next);
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].filter((k) => !NOT_CONTENT.has(k) && !sameCanonicalJson(a[k], b[k])).sort();
}

/** Pushes read, parsed and written at once (http/slots.ts): enough to fill a group commit. */
export const MAX_PUSHES_IN_FLIGHT = 64;
const pushSlots = new Slots(MAX_PUSHES_IN_FLIGHT);

/** Merge rule 2: a stamp more than MAX_CLOCK_DRIFT_MS ahead of the server is refused. */
function refuseFutureClocks(rows: Array<{ newDocumentState: unknown }>, now: number): void {
	const floor = futureStampFloor(now);
	rows.forEach((row, index) => {
		const clock = asRecord(asRecord(row.newDocumentState).clock);
		for (const [field, stamp] of Object.entries(clock)) {
			if (typeof stamp === 'string' && stamp >= floor && isTooFarInFuture(stamp, now)) {
				throw new HttpError(
					400,
					'clock_in_future',
					`The clock of "${field}" is more than 5 minutes ahead of the server: check this device's date and time`,
					`rows.${index}.newDocumentState.clock.${field}`
				);
			}
		}
	});
}

export const replicationRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/api/v1/salons/:salonId/:collection/pull',
		async handler(ctx) {
			const collection = collectionOf(ctx);
			const device = await authenticate(ctx);
			const body = parseOr400(pullRequestSchema, await readJsonBody(ctx.req, MAX_BODY_BYTES));
			const after = body.checkpoint?.seq ?? 0;
			// Big documents (files) come a few at a time; the client pulls until none are left.
			// Larger pages are for a device's first sync (src/lib/db/bootstrap.ts).
			const limit = Math.min(body.limit, maxBootstrapPullLimitOf(collection));
			const perms = await devicePermissions(ctx.deps, device);
			const page = { salonId: device.salonId, collection, afterSeq: after, limit };
			sendJsonText(ctx.res, 200, await pullAnswerJson(ctx.deps.storage, page, perms));
		}
	},
	{
		method: 'POST',
		pattern: '/api/v1/salons/:salonId/:collection/push',
		async handler(ctx) {
			const collection = collectionOf(ctx);
			const device = await authenticate(ctx);
			await pushSlots.run(() => push(ctx, collection, device));
		}
	}
];

/** One push, inside its slot: read, validated, authorised, written with compare-and-swap. */
async function push(ctx: RequestContext, collection: SyncedCollection, device: DeviceRecord) {
	const raw = await readJsonBody(ctx.req, maxBodyBytesOf(collection));
	const perms = await devicePermissions(ctx.deps, device);
	const rows = parsePushBody(collection, raw, !readsAssumedStates(collection, perms));
	const at = ctx.deps.now();
	refuseFutureClocks(rows, at);
	const pk = primaryKeyOf(collection);
	const auditor = pushAuditor(collection);
	const describe = (prev: unknown | null, next: unknown): RevisionInput => {
		const fields = changedFields(prev, next);
		auditor.accepted(prev, next);
		return {
			docId: String(asRecord(next)[pk]),
			deviceId: device.id,
			at,
			fields,
			deleted: asRecord(next)._deleted === true,
			staffId: authorOf(collection, next),
			changes: fieldChanges(prev, next, fields)
		};
	};
	const authorized = await authorizePush(ctx.deps, device.salonId, collection, rows, perms);
	const result = await ctx.deps.storage.push(
		device.salonId,
		collection,
		device.id,
		authorized,
		at,
		describe
	);
	await auditor.record(ctx.deps.storage, device.salonId, device.id, at);
	sendJson(ctx.res, 200, { conflicts: maskFor(collection, result.conflicts, perms) });
}
