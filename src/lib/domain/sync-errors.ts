// Sync protocol errors: every code the server answers with, its HTTP status, and the 400 body
// built from a zod failure (the first issue's path and message). Codes only: the app's i18n
// turns them into words.
import { z } from 'zod';

/** Every error code → its HTTP status. */
export const ERROR_STATUS = {
	bad_request: 400,
	clock_in_future: 400,
	pairing_code_invalid: 400,
	/** A location id that is not an active location of the salon (settings › locations). */
	unknown_location: 400,
	/** A role that is neither built in nor one of the salon's custom roles (settings › roles). */
	unknown_role: 400,
	unauthorized: 401,
	device_revoked: 401,
	forbidden: 403,
	/** A push changes a field the device's role may not edit (masking.ts, write-permissions.ts). */
	forbidden_field: 403,
	salon_exists: 403,
	signup_closed: 403,
	not_found: 404,
	erased: 409,
	pairing_code_expired: 410,
	body_too_large: 413,
	rate_limited: 429,
	/** Never a stack trace: an unexpected failure answers this and logs the rest. */
	internal: 500
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export const errorBodySchema = z
	.object({
		error: z
			.object({
				code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
				message: z.string(),
				path: z.string().optional()
			})
			.strict()
	})
	.strict();
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The dotted path of a zod issue; an unknown key is named in the path ('rows.0.extra'). */
export function issuePath(issue: z.core.$ZodIssue): string {
	const path = issue.path.map(String);
	if (issue.code === 'unrecognized_keys' && issue.keys.length > 0)
		path.push(issue.keys[0] as string);
	return path.join('.');
}

/** The 400 body for a zod failure: the first issue's path and message. */
export function badRequestBody(error: z.ZodError): ErrorBody {
	const first = error.issues[0];
	return {
		error: {
			code: 'bad_request',
			message: first ? first.message : 'Invalid body',
			...(first ? { path: issuePath(first) } : {})
		}
	};
}
