// Encryption at rest (issue 7): the salon's data key for its paired devices. Made on the first
// request (32 random bytes) and kept server-side, so every device of the salon, and any server
// instance on a shared PostgreSQL, hands out the same key. A revoked device gets 401 from
// authenticate() and, without the key, can no longer read what it stored encrypted.
import { randomBytes } from 'node:crypto';
import { dataKeyResponseSchema } from '../../../src/lib/domain/data-key.js';
import { authenticate } from '../auth/authenticate.js';
import type { Route } from '../http/context.js';
import { sendJson } from '../http/errors.js';

export const dataKeyRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/api/v1/salons/:salonId/data-key',
		async handler(ctx) {
			const me = await authenticate(ctx);
			const { storage, now } = ctx.deps;
			const key = await storage.getOrCreateDataKey(
				me.salonId,
				randomBytes(32).toString('base64url'),
				now()
			);
			// sendJson answers with Cache-Control: no-store, so no proxy or browser cache keeps it.
			sendJson(ctx.res, 200, dataKeyResponseSchema.parse({ key }));
		}
	}
];
