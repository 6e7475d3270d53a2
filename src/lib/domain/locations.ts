// The locations of a chain: one organisation (a salon tenant) whose locations share the client
// book. The list is salon configuration, synced as the `locations` key of the `settings`
// collection; the sync server reads the same document to check that a device is assigned to a
// location of its own salon. Visits and staff carry the id of their location.
import { z } from 'zod';

export const MAX_LOCATIONS = 100;

export const locationSchema = z
	.object({
		id: z.string().min(1).max(40),
		name: z.string().trim().min(1).max(60),
		/** A removed location stays in the list, so what was stamped with it still has a name. */
		removedAt: z.number().int().min(0).nullable()
	})
	.strict();
export type Location = z.infer<typeof locationSchema>;

export const locationsSchema = z
	.array(locationSchema)
	.max(MAX_LOCATIONS)
	.refine((list) => new Set(list.map((l) => l.id)).size === list.length, {
		message: 'duplicateLocationId'
	});

/** The `settings` document key the list is stored under. */
export const LOCATIONS_KEY = 'locations';

/** Locations still in use, in the owner's order. */
export function activeLocations(list: readonly Location[]): Location[] {
	return list.filter((l) => l.removedAt === null);
}

/** True when `id` names a location of the list that was not removed. */
export function isActiveLocation(list: readonly Location[], id: string): boolean {
	return list.some((l) => l.id === id && l.removedAt === null);
}

/** The list with a new location at the end. */
export function withLocationAdded(list: readonly Location[], id: string, name: string): Location[] {
	return [...list, locationSchema.parse({ id, name, removedAt: null })];
}

export function withLocationRenamed(
	list: readonly Location[],
	id: string,
	name: string
): Location[] {
	return list.map((l) => (l.id === id ? locationSchema.parse({ ...l, name }) : l));
}

/** Marks the location removed (kept for its name); devices there are no longer assignable. */
export function withLocationRemoved(list: readonly Location[], id: string, at: number): Location[] {
	return list.map((l) => (l.id === id && l.removedAt === null ? { ...l, removedAt: at } : l));
}
