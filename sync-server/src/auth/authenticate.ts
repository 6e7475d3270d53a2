// Token authentication for every salon route: the token names a device, the device belongs to
// one salon, and the salon is in the URL, so a token of salon A on a salon-B URL is refused
// before anything of salon B is read.
import { HttpError } from '../http/errors.js';
import type { DeviceRecord, RequestContext } from '../http/context.js';
import { devicePermissions } from './device-permissions.js';
import { bearerToken, hashToken } from './tokens.js';

/** lastSeenAt is written at most this often per device, not on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

export async function authenticate(
	ctx: RequestContext,
	opts: { ownerOnly?: boolean } = {}
): Promise<DeviceRecord> {
	const { storage, now, deviceLimiter } = ctx.deps;
	const token = bearerToken(ctx.req.headers.authorization);
	if (!token) throw new HttpError(401, 'unauthorized', 'Send Authorization: Bearer <device token>');
	const tokenHash = hashToken(token);
	const device = await storage.findDeviceByTokenHash(tokenHash);
	if (!device) throw new HttpError(401, 'unauthorized', 'Unknown device token');
	ctx.deviceId = device.id;
	if (device.revokedAt !== null) {
		throw new HttpError(401, 'device_revoked', 'This device was removed from the salon');
	}
	const salonId = ctx.params.salonId;
	if (salonId !== undefined && salonId !== device.salonId) {
		throw new HttpError(403, 'forbidden', 'This device belongs to another salon');
	}
	const wait = deviceLimiter.take(device.id);
	if (wait > 0) {
		throw new HttpError(429, 'rate_limited', 'Too many requests from this device', undefined, {
			'Retry-After': String(wait)
		});
	}
	// "Owner only" means a role that manages staff and devices (issue 7): the owner's device, or
	// any device the owner gave such a role.
	if (opts.ownerOnly && !(await devicePermissions(ctx.deps, device)).has('manageStaff')) {
		throw new HttpError(403, 'forbidden', "Only an owner's device may do this");
	}
	const at = now();
	if (device.lastSeenAt === null || at - device.lastSeenAt >= TOUCH_INTERVAL_MS) {
		await storage.touchDevice(device.id, at);
	}
	return device;
}

/** Per-IP limit for the endpoints that have no token yet. */
export function limitByIp(ctx: RequestContext): void {
	const ip = ctx.req.socket.remoteAddress ?? 'unknown';
	const wait = ctx.deps.ipLimiter.take(ip);
	if (wait > 0) {
		throw new HttpError(429, 'rate_limited', 'Too many attempts from this address', undefined, {
			'Retry-After': String(wait)
		});
	}
}
