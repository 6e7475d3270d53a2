// The field history of a card (issue 7): `GET /api/v1/salons/:salonId/clients/:clientId/history`
// → every revision the server logged for the card and for the cards merged into it (the app
// knows its links and passes their ids as `?merged=`), oldest first, with old and new values
// masked for a device whose role may not see them.
import { MAX_HISTORY_MERGED, visibleChanges } from '../../../src/lib/domain/history.js';
import type { HistoryEntry } from '../../../src/lib/domain/history.js';
import { authenticate } from '../auth/authenticate.js';
import { devicePermissions } from '../auth/device-permissions.js';
import type { Route } from '../http/context.js';
import { HttpError, sendJson } from '../http/errors.js';

const ID = /^[\w.:~-]{1,40}$/;

export const historyRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/api/v1/salons/:salonId/clients/:clientId/history',
		async handler(ctx) {
			const device = await authenticate(ctx);
			for (const key of ctx.query.keys()) {
				if (key !== 'merged') {
					throw new HttpError(400, 'bad_request', `Unknown query parameter "${key}"`, key);
				}
			}
			const ids = [ctx.params.clientId as string, ...ctx.query.getAll('merged')];
			const bad = ids.findIndex((id) => !ID.test(id));
			if (bad >= 0 || ids.length > MAX_HISTORY_MERGED + 1) {
				throw new HttpError(400, 'bad_request', 'Not a card id', bad > 0 ? 'merged' : 'clientId');
			}
			const { storage } = ctx.deps;
			const [perms, devices, ...perCard] = await Promise.all([
				devicePermissions(ctx.deps, device),
				storage.listDevices(device.salonId),
				...[...new Set(ids)].map((id) => storage.revisions(device.salonId, 'clients', id))
			]);
			const names = new Map(devices.map((d) => [d.id, d.name]));
			const entries: HistoryEntry[] = perCard
				.flat()
				.sort((a, b) => a.seq - b.seq)
				.map((r) => ({
					seq: r.seq,
					clientId: r.docId,
					at: r.at,
					deviceId: r.deviceId,
					deviceName: names.get(r.deviceId) ?? null,
					staffId: r.staffId,
					created: r.fields.includes('id'),
					deleted: r.deleted,
					changes: visibleChanges(r.changes, perms)
				}));
			sendJson(ctx.res, 200, { entries });
		}
	}
];
