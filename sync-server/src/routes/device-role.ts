// Device roles (issue 7): a manager (manageStaff) changes the role another device acts as. The
// device learns it at once through its stream (`device` event) and from GET …/devices/me; its
// next push and pull are checked and masked for the new role.
import { deviceRoleRequestSchema, MAX_BODY_BYTES } from '../../../src/lib/domain/sync-protocol.js';
import { authenticate } from '../auth/authenticate.js';
import { assertRoleOfSalon, deviceRoleOf } from '../auth/device-permissions.js';
import { readJsonBody } from '../http/body.js';
import type { Route } from '../http/context.js';
import { HttpError, parseOr400, sendJson } from '../http/errors.js';
import { toWireDevice } from './devices-wire.js';

export const deviceRoleRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/api/v1/salons/:salonId/devices/:deviceId/role',
		async handler(ctx) {
			const manager = await authenticate(ctx, { ownerOnly: true });
			const body = parseOr400(deviceRoleRequestSchema, await readJsonBody(ctx.req, MAX_BODY_BYTES));
			const target = ctx.params.deviceId as string;
			// A manager demoting its own device would lock the salon out of managing devices.
			if (target === manager.id) {
				throw new HttpError(403, 'forbidden', 'A device cannot change its own role');
			}
			await assertRoleOfSalon(ctx.deps, manager.salonId, body.role);
			const { storage, hub, now } = ctx.deps;
			const before = (await storage.listDevices(manager.salonId)).find((d) => d.id === target);
			if (!before || !(await storage.setDeviceRole(manager.salonId, target, body.role))) {
				throw new HttpError(404, 'not_found', 'No such active device in this salon', 'deviceId');
			}
			await storage.recordAuditEvent(manager.salonId, {
				kind: 'roleChange',
				at: now(),
				deviceId: manager.id,
				staffId: null,
				detail: { targetDeviceId: target, from: deviceRoleOf(before), to: body.role }
			});
			const wire = toWireDevice({ ...before, accessRole: body.role });
			hub.sendToDevice(target, 'device', { device: wire });
			sendJson(ctx.res, 200, { device: wire });
		}
	}
];
