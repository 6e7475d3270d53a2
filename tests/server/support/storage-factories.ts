// Factories for the storage tests: salons, devices, documents and the revision describer the
// routes would pass to push().
import { randomUUID } from 'node:crypto';
import { fieldChanges } from '../../../src/lib/domain/history.js';
import type {
	DeviceRecord,
	PushRow,
	RevisionInput,
	SyncStorage
} from '../../../sync-server/src/storage/types.js';

export interface WireDoc {
	id: string;
	_deleted: boolean;
	[field: string]: unknown;
}

export const T0 = 1_767_225_600_000;

export function makeDevice(salonId: string, patch: Partial<DeviceRecord> = {}): DeviceRecord {
	return {
		id: randomUUID(),
		salonId,
		name: 'Tablet',
		role: 'staff',
		tokenHash: randomUUID() + randomUUID(),
		createdAt: T0,
		lastSeenAt: null,
		revokedAt: null,
		locationId: null,
		...patch
	};
}

/** A salon with its owner device, as POST /salons makes it. */
export async function makeSalon(
	storage: SyncStorage
): Promise<{ salonId: string; owner: DeviceRecord }> {
	const salonId = randomUUID();
	const owner = makeDevice(salonId, { role: 'owner', name: 'Reception' });
	await storage.createSalon({ id: salonId, name: 'Salone Aurora', createdAt: T0 }, owner);
	return { salonId, owner };
}

export function makeDoc(id: string, patch: Partial<WireDoc> = {}): WireDoc {
	return { id, firstName: 'Maria', lastName: 'Rossi', phones: [], _deleted: false, ...patch };
}

/** The revision the routes would record: which top-level fields changed, their old and new
 * values, and the staff member named in the document. */
export function describeChange(prev: unknown, next: unknown): RevisionInput {
	const before = (prev ?? {}) as Record<string, unknown>;
	const after = next as WireDoc;
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	const fields = [...keys]
		.filter((k) => k !== '_deleted' && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
		.sort();
	return {
		docId: after.id,
		deviceId: 'from-describe',
		at: 0,
		fields,
		deleted: after._deleted,
		staffId: typeof after.editedBy === 'string' ? after.editedBy : null,
		changes: fieldChanges(prev, next, fields)
	};
}

export const insert = (doc: WireDoc): PushRow => ({ assumed: null, next: doc });
