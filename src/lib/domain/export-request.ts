// The export gate (issue 7): before a device writes a file of client data, it asks the sync
// server, which refuses a device role without `export` (403) and records an 'export' event in the
// owner's audit log. Offline, the app relies on its own gate and sends the request later.
import { z } from 'zod';

export const EXPORT_SCOPES = ['salon', 'client'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'print'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];
export type ExportRequestFormat = (typeof EXPORT_FORMATS)[number];

export const exportRequestSchema = z
	.object({
		/** 'salon': many cards (the list or a selection); 'client': one card's data (GDPR). */
		scope: z.enum(EXPORT_SCOPES),
		clientId: z.string().min(1).max(40).optional(),
		format: z.enum(EXPORT_FORMATS),
		/** How many cards the file holds. */
		count: z.number().int().min(0).max(10_000_000).optional(),
		/** When the export happened, for one made offline and reported later (device time). */
		at: z.number().int().min(0).optional()
	})
	.strict()
	.refine((r) => (r.scope === 'client') === (r.clientId !== undefined), {
		message: 'clientIdWithClientScope',
		path: ['clientId']
	});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportResponseSchema = z.object({ ok: z.literal(true) }).strict();
