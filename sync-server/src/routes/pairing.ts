// Pairing: an owner's device asks for a code, a new device trades it for its own token.
import { newId } from '../../../src/lib/domain/ids.js';
import {
	MAX_BODY_BYTES,
	pairingCodeRequestSchema,
	pairRequestSchema
} from '../../../src/lib/domain/sync-protocol.js';
import { authenticate, limitByIp } from '../auth/authenticate.js';
import { assertRoleOfSalon } from '../auth/device-permissions.js';
import {
	hashPairingSecret,
	newPairingCode,
	PAIRING_CODE_TTL_MS,
	PAIRING_MAX_ATTEMPTS,
	parsePairingCode
} from '../auth/pairing-codes.js';
import { hashToken, newToken, sameHash } from '../auth/tokens.js';
import { readJsonBody } from '../http/body.js';
import type { Route } from '../http/context.js';
import { HttpError, parseOr400, sendJson } from '../http/errors.js';
import { PairingCodeCollisionError } from '../storage/types.js';
import { assertLocationOfSalon, isLocationOfSalon } from './device-location.js';

/** The role of a device paired with a code that names none (and of codes made before roles). */
const DEFAULT_PAIRED_ROLE = 'reception';

const invalid = () =>
	new HttpError(400, 'pairing_code_invalid', 'This pairing code is not valid', 'code');

export const pairingRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/api/v1/salons/:salonId/pairing-codes',
		async handler(ctx) {
			const owner = await authenticate(ctx, { ownerOnly: true });
			const body = parseOr400(
				pairingCodeRequestSchema,
				await readJsonBody(ctx.req, MAX_BODY_BYTES, { emptyAs: {} })
			);
			const locationId = body.locationId ?? null;
			await assertLocationOfSalon(ctx.deps, owner.salonId, locationId);
			const accessRole = body.role ?? DEFAULT_PAIRED_ROLE;
			await assertRoleOfSalon(ctx.deps, owner.salonId, accessRole);
			const { storage, now } = ctx.deps;
			const expiresAt = now() + PAIRING_CODE_TTL_MS;
			// 32^4 ids: a clash with another live code is rare but possible on a busy server.
			for (let tries = 0; tries < 20; tries++) {
				const { code, codeId, secret } = newPairingCode();
				try {
					await storage.createPairingCode({
						codeId,
						salonId: owner.salonId,
						secretHash: hashPairingSecret(codeId, secret),
						expiresAt,
						attempts: 0,
						usedAt: null,
						createdBy: owner.id,
						locationId,
						accessRole
					});
				} catch (error) {
					if (error instanceof PairingCodeCollisionError) continue;
					throw error;
				}
				sendJson(ctx.res, 201, { code, expiresAt });
				return;
			}
			throw new HttpError(503, 'unavailable', 'No free pairing code right now; try again');
		}
	},
	{
		method: 'POST',
		pattern: '/api/v1/pair',
		async handler(ctx) {
			limitByIp(ctx);
			const body = parseOr400(pairRequestSchema, await readJsonBody(ctx.req, MAX_BODY_BYTES));
			const { storage, now } = ctx.deps;
			const parsed = parsePairingCode(body.code);
			if (!parsed) throw invalid();
			const found = await storage.findPairingCode(parsed.codeId);
			const at = now();
			if (!found || found.usedAt !== null || found.attempts >= PAIRING_MAX_ATTEMPTS)
				throw invalid();
			if (found.expiresAt <= at) {
				throw new HttpError(410, 'pairing_code_expired', 'This pairing code has expired', 'code');
			}
			if (!sameHash(found.secretHash, hashPairingSecret(parsed.codeId, parsed.secret))) {
				await storage.recordPairingAttempt(parsed.codeId);
				throw invalid();
			}
			if (!(await storage.consumePairingCode(parsed.codeId, at))) throw invalid();
			// The location was valid when the code was made; if it was removed since, no location.
			const locationId =
				found.locationId !== null &&
				(await isLocationOfSalon(ctx.deps, found.salonId, found.locationId))
					? found.locationId
					: null;
			// A custom role removed since the code was made gives no permissions (permissionsOf).
			const accessRole = found.accessRole ?? DEFAULT_PAIRED_ROLE;
			const token = newToken();
			const deviceId = newId(at);
			await storage.createDevice({
				id: deviceId,
				salonId: found.salonId,
				name: body.deviceName,
				role: 'staff',
				tokenHash: hashToken(token),
				createdAt: at,
				lastSeenAt: at,
				revokedAt: null,
				locationId,
				accessRole
			});
			ctx.deviceId = deviceId;
			// The owner's device that made the code is the one who let the new device in.
			await storage.recordAuditEvent(found.salonId, {
				kind: 'pairing',
				at,
				deviceId: found.createdBy,
				staffId: null,
				detail: { pairedDeviceId: deviceId, locationId, role: accessRole }
			});
			sendJson(ctx.res, 201, {
				salonId: found.salonId,
				deviceId,
				token,
				role: 'staff',
				locationId,
				accessRole
			});
		}
	}
];
