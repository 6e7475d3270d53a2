// The salon's catalogue of services and products with their prices (in cents of the salon's
// currency). A visit copies name and price of what it sold (visit.ts), so the catalogue may
// change freely.
import { z } from 'zod';
import { MAX_MONEY } from './visit.js';

export const CATALOG_KINDS = ['service', 'product'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export const catalogItemSchema = z.object({
	id: z.string().min(1).max(40),
	kind: z.enum(CATALOG_KINDS),
	name: z.string().trim().min(1).max(100),
	price: z.number().int().min(0).max(MAX_MONEY),
	/** Inactive items stay on old visits but are no longer offered on new ones. */
	active: z.boolean(),
	createdAt: z.number().int().min(0),
	/** Whole-document last writer wins on a sync conflict (merge.ts). */
	updatedAt: z.number().int().min(0)
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;
