// Chains: which location of the salon a device works at. The salon's locations are its synced
// configuration (the `locations` key of the `settings` collection, written by the owner in the
// app), so the server reads that document to refuse an id that is not a live location of this
// salon — a device can never be placed in another salon's location.
import {
	isActiveLocation,
	LOCATIONS_KEY,
	locationsSchema
} from '../../../src/lib/domain/locations.js';
import {
	deviceLocationRequestSchema,
	MAX_BODY_BYTES
} from '../../../src/lib/domain/sync-protocol.js';
import { authenticate } from '../auth/authenticate.js';
import { readJsonBody } from '../http/body.js';
import type { Route, ServerDeps } from '../http/context.js';
import { HttpError, parseOr400, sendJson } from '../http/errors.js';
import { toWireDevice } from './devices-wire.js';

/** True when `locationId` is a live location of the salon's synced list. */
export async function isLocationOfSalon(
	deps: ServerDeps,
	salonId: string,
	locationId: string
): Promise<boolean> {
	const doc = (await deps.storage.getDocument(salonId, 'settings', LOCATIONS_KEY)) as {
		value?: unknown;
		_deleted?: boolean;
	} | null;
	const list = doc && !doc._deleted ? locationsSchema.safeParse(doc.value) : null;
	return list?.success === true && isActiveLocation(list.data, locationId);
}

/** Throws 400 unknown_location unless `locationId` is null or a live location of the salon. */
export async function assertLocationOfSalon(
	deps: ServerDeps,
	salonId: string,
	locationId: string | null | undefined
): Promise<void> {
	if (locationId === null || locationId === undefined) return;
	if (!(await isLocationOfSalon(deps, salonId, locationId))) {
		throw new HttpError(
			400,
			'unknown_location',
			'No such location in this salon (add it in the settings first)',
			'locationId'
		);
	}
}

export const deviceLocationRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/api/v1/salons/:salonId/devices/me',
		async handler(ctx) {
			const me = await authenticate(ctx);
			sendJson(ctx.res, 200, { device: toWireDevice(me) });
		}
	},
	{
		method: 'POST',
		pattern: '/api/v1/salons/:salonId/devices/:deviceId/location',
		async handler(ctx) {
			const owner = await authenticate(ctx, { ownerOnly: true });
			const body = parseOr400(
				deviceLocationRequestSchema,
				await readJsonBody(ctx.req, MAX_BODY_BYTES)
			);
			const { storage, hub } = ctx.deps;
			await assertLocationOfSalon(ctx.deps, owner.salonId, body.locationId);
			const target = ctx.params.deviceId as string;
			if (!(await storage.setDeviceLocation(owner.salonId, target, body.locationId))) {
				throw new HttpError(404, 'not_found', 'No such active device in this salon', 'deviceId');
			}
			const device = (await storage.listDevices(owner.salonId)).find((d) => d.id === target);
			if (!device) throw new HttpError(404, 'not_found', 'No such device', 'deviceId');
			const wire = toWireDevice(device);
			// The device learns its new location at once through its open stream.
			hub.sendToDevice(target, 'device', { device: wire });
			sendJson(ctx.res, 200, { device: wire });
		}
	}
];
