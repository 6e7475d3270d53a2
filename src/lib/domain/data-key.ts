// Encryption at rest on devices (issue 7): the salon's data key, released by the sync server to
// its paired, non-revoked devices by `GET /api/v1/salons/:salonId/data-key`. The key is 32 random
// bytes in base64url (43 characters); the device uses it as the password of its encrypted
// database and never writes it to persistent storage (README › Privacy and security).
import { z } from 'zod';

/** The settings key of the owner's option (boolean, off by default). */
export const ENCRYPT_AT_REST_KEY = 'encryptAtRest';

export const dataKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'dataKey');

export const dataKeyResponseSchema = z.object({ key: dataKeySchema }).strict();
export type DataKeyResponse = z.infer<typeof dataKeyResponseSchema>;
