// The owner's log (issue 7): `GET /api/v1/salons/:salonId/audit`, for a device whose role may
// manage staff and devices. Newest first, paged by event id.
import { auditQuerySchema } from '../../../src/lib/domain/audit.js';
import { authenticate } from '../auth/authenticate.js';
import { devicePermissions } from '../auth/device-permissions.js';
import type { Route } from '../http/context.js';
import { HttpError, parseOr400, sendJson } from '../http/errors.js';

const QUERY_KEYS = new Set(['before', 'limit', 'kind']);

export const auditRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/api/v1/salons/:salonId/audit',
		async handler(ctx) {
			const device = await authenticate(ctx);
			if (!(await devicePermissions(ctx.deps, device)).has('manageStaff')) {
				throw new HttpError(403, 'forbidden', 'Only a role that manages staff may read the log');
			}
			for (const key of ctx.query.keys()) {
				if (!QUERY_KEYS.has(key)) {
					throw new HttpError(400, 'bad_request', `Unknown query parameter "${key}"`, key);
				}
			}
			const kinds = ctx.query.getAll('kind');
			const query = parseOr400(auditQuerySchema, {
				before: ctx.query.get('before') ?? undefined,
				limit: ctx.query.get('limit') ?? undefined,
				kinds: kinds.length > 0 ? kinds : undefined
			});
			const { storage } = ctx.deps;
			// One more than asked tells whether an older page exists.
			const [events, devices] = await Promise.all([
				storage.listAuditEvents(device.salonId, { ...query, limit: query.limit + 1 }),
				storage.listDevices(device.salonId)
			]);
			const names = new Map(devices.map((d) => [d.id, d.name]));
			const page = events.slice(0, query.limit);
			sendJson(ctx.res, 200, {
				events: page.map((e) => ({ ...e, deviceName: names.get(e.deviceId) ?? null })),
				nextBefore: events.length > query.limit ? (page.at(-1)?.id ?? null) : null
			});
		}
	}
];
