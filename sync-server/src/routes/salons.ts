// POST /api/v1/salons: the first start of a salon creates it and its owner's device.
import { newId } from '../../../src/lib/domain/ids.js';
import { createSalonRequestSchema, MAX_BODY_BYTES } from '../../../src/lib/domain/sync-protocol.js';
import { limitByIp } from '../auth/authenticate.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { readJsonBody } from '../http/body.js';
import type { Route } from '../http/context.js';
import { HttpError, parseOr400, sendJson } from '../http/errors.js';

export const salonRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/api/v1/salons',
		async handler(ctx) {
			limitByIp(ctx);
			const body = parseOr400(
				createSalonRequestSchema,
				await readJsonBody(ctx.req, MAX_BODY_BYTES)
			);
			const { storage, config, now } = ctx.deps;
			if (!config.allowNewSalons && (await storage.countSalons()) > 0) {
				throw new HttpError(403, 'signup_closed', 'This server does not accept new salons');
			}
			const at = now();
			const token = newToken();
			const salonId = newId(at);
			const deviceId = newId(at);
			await storage.createSalon(
				{ id: salonId, name: body.salonName, createdAt: at },
				{
					id: deviceId,
					salonId,
					name: body.deviceName,
					role: 'owner',
					tokenHash: hashToken(token),
					createdAt: at,
					lastSeenAt: at,
					revokedAt: null,
					locationId: null,
					accessRole: 'owner'
				}
			);
			ctx.deviceId = deviceId;
			sendJson(ctx.res, 201, {
				salonId,
				deviceId,
				token,
				role: 'owner',
				locationId: null,
				accessRole: 'owner'
			});
		}
	}
];
