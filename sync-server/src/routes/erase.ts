// GDPR erasure of a client (issue 7 › Deliver 3): the card's merged group and everything
// attached become tombstones without personal data, their revision history is deleted, and no
// stale device can write them again (storage/erasure.ts). The devices learn it by pull: the
// storage's change notices ping every open stream at once.
import { eraseRequestSchema } from '../../../src/lib/domain/erasure.js';
import { MAX_BODY_BYTES } from '../../../src/lib/domain/sync-protocol.js';
import { authenticate } from '../auth/authenticate.js';
import { assertDeviceCan } from '../auth/device-permissions.js';
import { readJsonBody } from '../http/body.js';
import type { Route } from '../http/context.js';
import { HttpError, parseOr400, sendJson } from '../http/errors.js';

export const eraseRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/api/v1/salons/:salonId/clients/:clientId/erase',
		async handler(ctx) {
			const device = await authenticate(ctx);
			await assertDeviceCan(ctx.deps, device, 'erase');
			const body = parseOr400(eraseRequestSchema, await readJsonBody(ctx.req, MAX_BODY_BYTES));
			const clientId = ctx.params.clientId as string;
			if (!body.clientIds.includes(clientId)) {
				throw new HttpError(400, 'bad_request', 'clientIds must include the card', 'clientIds');
			}
			const ids = [...new Set(body.clientIds)].sort();
			const { storage, now } = ctx.deps;
			const at = now();
			const result = await storage.erase(device.salonId, ids, at, device.id);
			// The owner's log: ids and counts only, never a name.
			await storage.recordAuditEvent(device.salonId, {
				kind: 'erasure',
				at,
				deviceId: device.id,
				staffId: body.staffId ?? null,
				detail: { clientIds: ids, documents: result.documents }
			});
			sendJson(ctx.res, 200, { erased: ids, documents: result.documents });
		}
	}
];
