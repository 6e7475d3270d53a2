// The owner's audit log (issue 7): what was done to the salon's data as a whole — exports,
// erasures, imports, merges, pairing and revocation of devices, role changes. The sync server
// records the events and serves them to an owner; the app shows them. An event's `detail` holds
// ids and counts only, never personal data: the log outlives an erased client.
import { z } from 'zod';

export const AUDIT_KINDS = [
	'export',
	'erasure',
	'import',
	'merge',
	'unmerge',
	'pairing',
	'revocation',
	'roleChange'
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const auditKindSchema = z.enum(AUDIT_KINDS);

/** A detail value: an id, a code, a count or a flag, or a short list of ids. No free text. */
const detailValueSchema = z.union([
	z.string().max(100),
	z.number().finite(),
	z.boolean(),
	z.null(),
	z.array(z.string().max(100)).max(50)
]);

export const auditDetailSchema = z
	.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/), detailValueSchema)
	.refine((d) => Object.keys(d).length <= 20, { message: 'tooManyKeys' });
export type AuditDetail = z.infer<typeof auditDetailSchema>;

/** What a caller records: `recordAuditEvent(salonId, input)` on the server's storage. */
export const auditEventInputSchema = z
	.object({
		kind: auditKindSchema,
		at: z.number().int().nonnegative(),
		deviceId: z.string().min(1).max(100),
		/** The signed-in staff member, or null when nobody was signed in. */
		staffId: z.string().max(100).nullable(),
		detail: auditDetailSchema
	})
	.strict();
export type AuditEventInput = z.infer<typeof auditEventInputSchema>;

/** A stored event; `id` grows with every event of the server (the paging cursor). */
export const auditEventSchema = auditEventInputSchema.extend({ id: z.number().int().positive() });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const MAX_AUDIT_PAGE = 200;
export const DEFAULT_AUDIT_PAGE = 50;

/** `GET …/audit?before=<id>&limit=<n>&kind=<k>&kind=<k>`: newest first, ids below `before`. */
export const auditQuerySchema = z
	.object({
		before: z.coerce.number().int().positive().optional(),
		limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(DEFAULT_AUDIT_PAGE),
		kinds: z.array(auditKindSchema).max(AUDIT_KINDS.length).optional()
	})
	.strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z
	.object({
		/** Each event with the name of its device (null if the device is unknown to the server). */
		events: z.array(auditEventSchema.extend({ deviceName: z.string().nullable() })),
		/** Pass as `before` for the next (older) page; null when this page is the last. */
		nextBefore: z.number().int().positive().nullable()
	})
	.strict();
export type AuditPage = z.infer<typeof auditPageSchema>;
