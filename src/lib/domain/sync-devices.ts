// Sync protocol, devices: creating a salon, pairing codes, device tokens, the device list and
// the stream ticket. Bodies both the app and the server parse with (strict, bounded).
import { z } from 'zod';
import { roleIdSchema } from './permissions.js';

/** Crockford base32 without the ambiguous I, L, O, U. */
export const PAIRING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 'XXXX-XXXXXX': 4 characters name the code, 6 are its secret. */
export const PAIRING_CODE_RE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}$/;

/** What a person types or a QR carries → the canonical code: upper case, Crockford's
 *  look-alikes read as digits (O → 0, I/L → 1), spaces dropped, the dash put back. */
export function normalizePairingCode(input: string): string {
	const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	return chars.length === 10 ? `${chars.slice(0, 4)}-${chars.slice(4)}` : chars;
}

const deviceName = z.string().trim().min(1).max(100);
const idText = z.string().min(1).max(64);
const role = z.enum(['owner', 'staff']);

export const createSalonRequestSchema = z
	.object({ salonName: z.string().trim().min(1).max(200), deviceName })
	.strict();
export type CreateSalonRequest = z.infer<typeof createSalonRequestSchema>;

/** Answer to create-salon (role 'owner') and to pair (role 'staff'). */
export const deviceTokenResponseSchema = z
	.object({
		salonId: idText,
		deviceId: idText,
		token: z.string().min(1).max(200),
		role,
		/** The location the device was paired for (optional: servers before chains omit it). */
		locationId: idText.nullable().optional(),
		/** The role the device acts as (issue 7; servers before roles omit it). */
		accessRole: roleIdSchema.optional()
	})
	.strict();
export type DeviceTokenResponse = z.infer<typeof deviceTokenResponseSchema>;
export const createSalonResponseSchema = deviceTokenResponseSchema;
export const pairResponseSchema = deviceTokenResponseSchema;

/** Body of POST …/pairing-codes; may be empty. The device paired with the code is assigned to
 *  `locationId` (a location of the salon, see locations.ts). */
export const pairingCodeRequestSchema = z
	.object({
		locationId: idText.nullable().optional(),
		/** The role the paired device acts as (issue 7); default 'reception'. */
		role: roleIdSchema.optional()
	})
	.strict();
export type PairingCodeRequest = z.infer<typeof pairingCodeRequestSchema>;

export const pairingCodeResponseSchema = z
	.object({ code: z.string().regex(PAIRING_CODE_RE), expiresAt: z.number().int().min(0) })
	.strict();
export type PairingCodeResponse = z.infer<typeof pairingCodeResponseSchema>;

export const pairRequestSchema = z
	.object({
		code: z
			.string()
			.max(40)
			.transform(normalizePairingCode)
			.pipe(z.string().regex(PAIRING_CODE_RE)),
		deviceName
	})
	.strict();
export type PairRequest = z.infer<typeof pairRequestSchema>;

export const deviceSchema = z
	.object({
		id: idText,
		name: z.string().max(100),
		role,
		createdAt: z.number().int().min(0),
		lastSeenAt: z.number().int().min(0).nullable(),
		revokedAt: z.number().int().min(0).nullable(),
		locationId: idText.nullable(),
		/** The role the device acts as (issue 7; servers before roles omit it). */
		accessRole: roleIdSchema.optional()
	})
	.strict();
export type Device = z.infer<typeof deviceSchema>;
export const devicesResponseSchema = z.object({ devices: z.array(deviceSchema) }).strict();
/** Answer of GET …/devices/me and of a location change; also the data of the SSE `device`
 *  event a device receives when its own record changes. */
export const deviceResponseSchema = z.object({ device: deviceSchema }).strict();

/** Body of POST …/devices/:deviceId/location (owner only); null takes the device off any. */
export const deviceLocationRequestSchema = z.object({ locationId: idText.nullable() }).strict();
export type DeviceLocationRequest = z.infer<typeof deviceLocationRequestSchema>;

/** Body of POST …/devices/:deviceId/role (manageStaff): the role the device acts as from now. */
export const deviceRoleRequestSchema = z.object({ role: roleIdSchema }).strict();
export type DeviceRoleRequest = z.infer<typeof deviceRoleRequestSchema>;

export const streamTicketResponseSchema = z
	.object({ ticket: z.string().min(1).max(200), expiresAt: z.number().int().min(0) })
	.strict();
export type StreamTicketResponse = z.infer<typeof streamTicketResponseSchema>;
