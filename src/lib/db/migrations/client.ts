// Migration strategies of the `clients` collection: key N turns a version N-1 document into
// version N. RxDB runs them in order on open (migration-schema plugin, autoMigrate).
import type { MigrationStrategies } from 'rxdb';
import { SET_FIELDS, type ClientFields } from '$lib/domain/client';
import { normalizePhone, sortNameOf } from '$lib/domain/normalize';
import { implicitSets, visibleValues } from '$lib/domain/stamp';
import type { ClientDocTypeV0 } from '../schemas/client-v0.schema';
import { SORT_NAME_MAX, type ClientDocType } from '../schemas/client.schema';

/** v0 → v1: one `phone`/`email` string became `phones[]`/`emails[]`; `sortName` was added. */
export function clientV0ToV1(old: ClientDocTypeV0): ClientDocType {
	const { phone, email, clock, ...rest } = old;
	const raw = phone.trim();
	const address = email.trim().toLowerCase();
	const { phone: phoneClock, email: emailClock, ...otherClocks } = clock;
	const nextClock: Record<string, string> = { ...otherClocks };
	// The new fields inherit the old fields' stamps: the value did not change, only its shape,
	// so a merge with a device still on v0 data must not treat it as a newer write.
	if (phoneClock !== undefined) nextClock.phones = phoneClock;
	if (emailClock !== undefined) nextClock.emails = emailClock;
	return {
		...rest,
		phones: raw === '' ? [] : [{ e164: normalizePhone(raw, 'IT').e164, raw, label: 'mobile' }],
		emails: address === '' ? [] : [address],
		sortName: sortNameOf(rest).slice(0, SORT_NAME_MAX),
		clock: nextClock
	};
}

/**
 * v1 → v2: the add-wins set metadata (`sets`) was added. Each element counts as added by its
 * field's last write, exactly as the merge reads a card without metadata, so a migrated card and
 * the same card still in v1 on another device or on the server merge as equals. The arrays are
 * re-derived from it (an element typed twice, e.g. "Lattice" and "lattice", becomes one).
 * Tombstones get no metadata: element keys are personal data, which a tombstone never holds.
 */
export function clientV1ToV2(old: ClientDocType & { _deleted?: boolean }): ClientDocType {
	// Tombstones written before v2 kept their creator, which the wire refuses on a tombstone.
	if (old._deleted) return { ...old, sortName: '', createdBy: '' };
	const sets = implicitSets(old as unknown as ClientFields, old.clock);
	const next: Record<string, unknown> = { ...old, sets };
	for (const field of SET_FIELDS) next[field] = visibleValues(field, sets[field]);
	return next as ClientDocType;
}

/**
 * v2 → v3: the per-client discount (issue 6). One field set on each card, nothing derived, so
 * migrating 100,000 cards costs little more than RxDB's own rewrite of them. The field carries
 * no clock stamp: an untouched 0 must lose to any discount another device sets.
 */
export function clientV2ToV3(old: Omit<ClientDocType, 'discountPercent'>): ClientDocType {
	return { ...old, discountPercent: 0 } as ClientDocType;
}

/**
 * v3 → v4: `editedBy`, the staff id of the latest write (issue 7). Optional, and left absent: no
 * staff member made the writes before it, and rewriting 100,000 cards to say '' would only make
 * every card differ from the server's copy.
 */
export function clientV3ToV4(old: ClientDocType): ClientDocType {
	return old;
}

export const clientMigrationStrategies: MigrationStrategies = {
	1: (old: ClientDocTypeV0) => clientV0ToV1(old),
	2: (old: ClientDocType) => clientV1ToV2(old),
	3: (old: ClientDocType) => clientV2ToV3(old),
	4: (old: ClientDocType) => clientV3ToV4(old)
};
