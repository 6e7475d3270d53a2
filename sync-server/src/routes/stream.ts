// The live stream: one SSE connection per device for all collections. EventSource cannot send
// headers, so the device first trades its token for a 60-second single-use ticket.
import { authenticate } from '../auth/authenticate.js';
import type { Route } from '../http/context.js';
import { HttpError, sendJson } from '../http/errors.js';

export const streamRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/api/v1/salons/:salonId/stream-ticket',
		async handler(ctx) {
			const device = await authenticate(ctx);
			const tokenHash = device.tokenHash;
			const issued = ctx.deps.tickets.issue({
				salonId: device.salonId,
				deviceId: device.id,
				tokenHash
			});
			sendJson(ctx.res, 201, issued);
		}
	},
	{
		method: 'GET',
		pattern: '/api/v1/salons/:salonId/stream',
		async handler(ctx) {
			const ticket = ctx.query.get('ticket') ?? '';
			const grant = ctx.deps.tickets.redeem(ticket);
			if (!grant)
				throw new HttpError(401, 'unauthorized', 'Unknown, used or expired stream ticket');
			ctx.deviceId = grant.deviceId;
			if (grant.salonId !== ctx.params.salonId) {
				throw new HttpError(403, 'forbidden', 'This ticket belongs to another salon');
			}
			// The device may have been revoked in the seconds since the ticket was issued.
			const device = await ctx.deps.storage.findDeviceByTokenHash(grant.tokenHash);
			if (!device || device.revokedAt !== null) {
				throw new HttpError(401, 'device_revoked', 'This device was removed from the salon');
			}
			ctx.deps.hub.open(ctx.res, grant);
		}
	}
];
