import { describe, expect, it } from 'vitest';
import {
	activeLocations,
	isActiveLocation,
	locationsSchema,
	withLocationAdded,
	withLocationRemoved,
	withLocationRenamed
} from '../../src/lib/domain/locations';
import { settingWireSchema } from '../../src/lib/domain/sync-protocol';

describe('locations', () => {
	it('adds, renames and removes while keeping a removed location for its name', () => {
		let list = withLocationAdded([], 'a', 'Milano Centro');
		list = withLocationAdded(list, 'b', 'Roma');
		list = withLocationRenamed(list, 'b', '  Roma Prati ');
		expect(list.map((l) => l.name)).toEqual(['Milano Centro', 'Roma Prati']);
		list = withLocationRemoved(list, 'a', 1000);
		expect(list).toHaveLength(2);
		expect(activeLocations(list).map((l) => l.id)).toEqual(['b']);
		expect(isActiveLocation(list, 'a')).toBe(false);
		expect(isActiveLocation(list, 'b')).toBe(true);
		expect(isActiveLocation(list, 'zzz')).toBe(false);
		// Removing twice keeps the first removal time.
		expect(withLocationRemoved(list, 'a', 2000).find((l) => l.id === 'a')?.removedAt).toBe(1000);
	});

	it('refuses an empty name, duplicate ids and unknown fields', () => {
		expect(() => withLocationAdded([], 'a', '  ')).toThrow();
		const one = { id: 'a', name: 'A', removedAt: null };
		expect(locationsSchema.safeParse([one, one]).success).toBe(false);
		expect(locationsSchema.safeParse([{ ...one, extra: 1 }]).success).toBe(false);
		expect(locationsSchema.safeParse([one]).success).toBe(true);
	});

	it('is validated on the wire as the `locations` setting', () => {
		const doc = (value: unknown) => ({ key: 'locations', value, updatedAt: 1, _deleted: false });
		expect(
			settingWireSchema.safeParse(doc([{ id: 'a', name: 'A', removedAt: null }])).success
		).toBe(true);
		expect(settingWireSchema.safeParse(doc([{ id: 'a', name: '' }])).success).toBe(false);
		expect(settingWireSchema.safeParse(doc('Milano')).success).toBe(false);
	});
});
