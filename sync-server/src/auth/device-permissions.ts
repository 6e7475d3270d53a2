// What a device's role allows on the server (issue 7 › Deliver 5): the same table the app asks
// (src/lib/domain/permissions.ts), for the role the device was paired with. Custom roles live in
// the salon's `roles` setting, read here so a custom role with `erase` works on the server too.
import {
	customRolesSchema,
	roleCan,
	type CustomRole,
	type Permission
} from '../../../src/lib/domain/permissions.js';
import type { DeviceRecord, RequestContext } from '../http/context.js';

async function customRolesOf(ctx: RequestContext, salonId: string): Promise<CustomRole[]> {
	const doc = (await ctx.deps.storage.getDocument(salonId, 'settings', 'roles')) as {
		value?: unknown;
		_deleted?: boolean;
	} | null;
	if (!doc || doc._deleted) return [];
	const parsed = customRolesSchema.safeParse(doc.value);
	// A malformed setting grants nothing: the built-in roles still work.
	return parsed.success ? parsed.data : [];
}

export async function deviceMay(
	ctx: RequestContext,
	device: DeviceRecord,
	permission: Permission
): Promise<boolean> {
	if (roleCan(device.role, permission)) return true;
	return roleCan(device.role, permission, await customRolesOf(ctx, device.salonId));
}
