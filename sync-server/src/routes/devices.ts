// The salon's devices: everyone may see the list, only an owner may revoke.
import { authenticate } from '../auth/authenticate.js';
import type { Route } from '../http/context.js';
import { HttpError, sendJson } from '../http/errors.js';
import { toWireDevice } from './devices-wire.js';

export const deviceRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/api/v1/salons/:salonId/devices',
		async handler(ctx) {
			const me = await authenticate(ctx);
			const devices = await ctx.deps.storage.listDevices(me.salonId);
			sendJson(ctx.res, 200, { devices: devices.map(toWireDevice) });
		}
	},
	{
		method: 'POST',
		pattern: '/api/v1/salons/:salonId/devices/:deviceId/revoke',
		async handler(ctx) {
			const owner = await authenticate(ctx, { ownerOnly: true });
			const target = ctx.params.deviceId as string;
			if (target === owner.id) {
				throw new HttpError(403, 'forbidden', 'A device cannot revoke itself');
			}
			const { storage, now, hub } = ctx.deps;
			const at = now();
			const revoked = await storage.revokeDevice(owner.salonId, target, at);
			if (!revoked) {
				throw new HttpError(404, 'not_found', 'No such active device in this salon', 'deviceId');
			}
			await storage.recordAuditEvent(owner.salonId, {
				kind: 'revocation',
				at,
				deviceId: owner.id,
				staffId: null,
				detail: { revokedDeviceId: target }
			});
			hub.closeDevice(target);
			const device = (await storage.listDevices(owner.salonId)).find((d) => d.id === target);
			sendJson(ctx.res, 200, { device: device ? toWireDevice(device) : null });
		}
	}
];
