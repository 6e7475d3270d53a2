// Migration strategies of the `clients` collection: key N turns a version N-1 document into
// version N. RxDB runs them in order on open (migration-schema plugin, autoMigrate).
import type { MigrationStrategies } from 'rxdb';
import { normalizePhone, sortNameOf } from '$lib/domain/normalize';
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

export const clientMigrationStrategies: MigrationStrategies = {
	1: (old: ClientDocTypeV0) => clientV0ToV1(old)
};
