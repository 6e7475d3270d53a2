// The export gate (issue 7): `POST /api/v1/salons/:salonId/exports` asks before a device writes a
// file of client data. A role without `export` gets 403; an accepted export is an 'export' event
// in the owner's audit log (ids and counts only, never the data).
import { exportRequestSchema } from '../../../src/lib/domain/export-request.js';
import { MAX_BODY_BYTES } from '../../../src/lib/domain/sync-protocol.js';
import { authenticate } from '../auth/authenticate.js';
import { assertDeviceCan } from '../auth/device-permissions.js';
import { readJsonBody } from '../http/body.js';
import type { Route } from '../http/context.js';
import { parseOr400, sendJson } from '../http/errors.js';

export const exportRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/api/v1/salons/:salonId/exports',
		async handler(ctx) {
			const device = await authenticate(ctx);
			const body = parseOr400(exportRequestSchema, await readJsonBody(ctx.req, MAX_BODY_BYTES));
			await assertDeviceCan(ctx.deps, device, 'export');
			const at = ctx.deps.now();
			await ctx.deps.storage.recordAuditEvent(device.salonId, {
				kind: 'export',
				at,
				deviceId: device.id,
				staffId: null,
				detail: {
					scope: body.scope,
					format: body.format,
					...(body.clientId === undefined ? {} : { clientId: body.clientId }),
					...(body.count === undefined ? {} : { count: body.count }),
					// Reported late (made offline): when it happened by the device's clock.
					...(body.at === undefined ? {} : { madeAt: body.at })
				}
			});
			sendJson(ctx.res, 201, { ok: true });
		}
	}
];
