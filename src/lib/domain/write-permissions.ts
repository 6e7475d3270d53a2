// Which permission a push needs (issue 7): the sync server checks every row of a push against the
// DEVICE's role before anything is stored, so a 403 writes nothing. The app hides the same
// actions with can()/hasPermission(); this table is what makes hiding them more than cosmetic.
//
// Clients are finer-grained (planClientRow): restricted fields (masking.ts) may not change on an
// existing card, and deleting a live card needs `delete`. A role without seeContacts may still
// type contacts when it CREATES a card (a new client at the desk of a therapist's room): it
// writes them, the server keeps them, and the device receives the card masked like any other —
// it never reads back what it cannot see, and nothing typed is lost.
import { canonicalJson } from './canonical-json.js';
import { changedRestrictedField, maskClient, restoreRestricted } from './masking.js';
import type { Permission } from './permissions.js';

/** Collection → the permission any write to it needs. Extend it for a new guarded collection. */
export const WRITE_PERMISSION: Readonly<Record<string, Permission>> = {
	imports: 'import',
	links: 'merge',
	staff: 'manageStaff'
};

/** Settings keys (the `settings` collection, one document per key) only a manager may write. */
export const SETTING_WRITE_PERMISSION: Readonly<Record<string, Permission>> = {
	roles: 'manageStaff',
	consentTexts: 'manageStaff',
	retentionYears: 'manageStaff',
	encryptAtRest: 'manageStaff',
	idleLockMinutes: 'manageStaff',
	salonDetails: 'manageStaff'
};

/** The permission writing `doc` to `collection` needs, or null when any paired device may. */
export function writePermissionOf(collection: string, doc: unknown): Permission | null {
	const byCollection = WRITE_PERMISSION[collection];
	if (byCollection) return byCollection;
	// A signed consent is proof: only erasure (the erase route, or a role that may erase) ends it.
	if (collection === 'consents' && (doc as { _deleted?: unknown } | null)?._deleted === true) {
		return 'erase';
	}
	if (collection === 'settings') {
		const key = (doc as { key?: unknown } | null)?.key;
		if (typeof key === 'string' && Object.hasOwn(SETTING_WRITE_PERMISSION, key)) {
			return SETTING_WRITE_PERMISSION[key] as Permission;
		}
	}
	return null;
}

export interface Refusal {
	code: 'forbidden' | 'forbidden_field';
	/** Relative to the push row: 'newDocumentState.phones'. */
	path: string;
	permission: Permission;
}

type Doc = Record<string, unknown>;

export interface ClientRowPlan {
	/** What the storage compares with the real master and writes. */
	assumed: unknown | null;
	next: unknown;
}

/**
 * A client push row from a device holding `perms`, turned into what the storage may write, or
 * the refusal. `master` is the stored card (null when none). The device's assumed state is the
 * MASKED master it received: when it matches, the real master takes its place and the restricted
 * fields (with their clocks and set metadata) are copied from it into the new state; when it does
 * not match, the row goes on unchanged and the storage answers a conflict.
 */
export function planClientRow(
	row: { assumedMasterState: unknown | null; newDocumentState: unknown },
	master: unknown | null,
	perms: ReadonlySet<Permission>
): { ok: true; plan: ClientRowPlan } | { ok: false; refusal: Refusal } {
	const assumed = row.assumedMasterState as Doc | null;
	const next = row.newDocumentState as Doc;
	const live = (d: Doc | null) => d !== null && d._deleted !== true;
	if (next._deleted === true && live(master as Doc | null) && !perms.has('delete')) {
		return {
			ok: false,
			refusal: { code: 'forbidden', path: 'newDocumentState._deleted', permission: 'delete' }
		};
	}
	if (assumed === null || master === null) {
		return { ok: true, plan: { assumed, next } };
	}
	if (next._deleted !== true && live(assumed)) {
		const field = changedRestrictedField(assumed, next, perms);
		if (field !== null) {
			const permission = field === 'allergies' || field === 'contraindications';
			return {
				ok: false,
				refusal: {
					code: 'forbidden_field',
					path: `newDocumentState.${field}`,
					permission: permission ? 'seeHealth' : 'seeContacts'
				}
			};
		}
	}
	if (canonicalJson(assumed) !== canonicalJson(maskClient(master, perms))) {
		return { ok: true, plan: { assumed, next } };
	}
	const restored = next._deleted === true ? next : restoreRestricted(next, master, perms);
	return { ok: true, plan: { assumed: master, next: restored } };
}
