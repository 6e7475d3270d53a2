// Permissions on the replication routes (issue 7), checked against the DEVICE's role before
// storage.push, so a refused push writes nothing:
// - collections and settings keys of WRITE_PERMISSION need their permission (403 'forbidden');
// - clients: a restricted field (masking.ts) may not change, a live card may not be deleted
//   without `delete` (403 'forbidden_field' / 'forbidden', with the row's path);
// - a device that sees masked cards pushes against the masked master: the compare-and-swap
//   compares with mask(master), the storage compares and writes the real one, and every conflict
//   goes back masked. Pulls are masked the same way, so hidden values never leave the server.
import { maskClient, maskImportBatch, restrictedFields } from '../../../src/lib/domain/masking.js';
import type { Permission } from '../../../src/lib/domain/permissions.js';
import type { SyncedCollection } from '../../../src/lib/domain/sync-protocol.js';
import { planClientRow, writePermissionOf } from '../../../src/lib/domain/write-permissions.js';
import type { ServerDeps } from '../http/context.js';
import { HttpError } from '../http/errors.js';
import type { PushRow } from '../storage/types.js';

interface WireRow {
	assumedMasterState: unknown | null;
	newDocumentState: unknown;
	validateAssumed?: () => unknown;
}

/** Whether documents of `collection` must be masked for a holder of `perms`. */
export function needsMasking(
	collection: SyncedCollection,
	perms: ReadonlySet<Permission>
): boolean {
	return (
		(collection === 'clients' || collection === 'imports') && restrictedFields(perms).length > 0
	);
}

/** Whether authorizePush reads the rows' assumed states (planClientRow), which must then be
 * validated before it runs rather than lazily by the storage (routes/push-body.ts). */
export function readsAssumedStates(
	collection: SyncedCollection,
	perms: ReadonlySet<Permission>
): boolean {
	return collection === 'clients' && (needsMasking(collection, perms) || !perms.has('delete'));
}

/** What a holder of `perms` may receive of these documents. */
export function maskFor(
	collection: SyncedCollection,
	docs: unknown[],
	perms: ReadonlySet<Permission>
): unknown[] {
	if (!needsMasking(collection, perms)) return docs;
	const mask = collection === 'imports' ? maskImportBatch : maskClient;
	return docs.map((d) => mask(d, perms));
}

function refuse(code: string, permission: Permission, path: string): never {
	throw new HttpError(
		403,
		code,
		`This device's role may not make this change (needs ${permission})`,
		path
	);
}

/** The rows the storage may push, or a 403 for the first row the device's role may not write. */
export async function authorizePush(
	deps: ServerDeps,
	salonId: string,
	collection: SyncedCollection,
	rows: WireRow[],
	perms: ReadonlySet<Permission>
): Promise<PushRow[]> {
	rows.forEach((row, index) => {
		const needed = writePermissionOf(collection, row.newDocumentState);
		if (needed !== null && !perms.has(needed)) {
			refuse('forbidden', needed, `rows.${index}.newDocumentState`);
		}
	});
	// Such a device receives import batches with restricted values emptied (maskFor): pushing
	// one back would overwrite what undo needs, so an import is for roles that see contacts.
	if (collection === 'imports' && needsMasking(collection, perms)) {
		refuse('forbidden', 'seeContacts', 'rows.0.newDocumentState');
	}
	const plain = rows.map((r) => ({
		assumed: r.assumedMasterState,
		next: r.newDocumentState,
		validateAssumed: r.validateAssumed
	}));
	if (!readsAssumedStates(collection, perms)) return plain;
	const planned: PushRow[] = [];
	for (const [index, row] of rows.entries()) {
		const next = row.newDocumentState as { id: string; _deleted?: boolean };
		// Reads only what the checks need: a restricted role compares with every master; a role
		// that only lacks `delete` looks up the cards it would delete.
		const master =
			needsMasking(collection, perms) || next._deleted === true
				? await deps.storage.getDocument(salonId, 'clients', next.id)
				: null;
		const result = planClientRow(row, master, perms);
		if (!result.ok) {
			const { code, permission, path } = result.refusal;
			refuse(code, permission, `rows.${index}.${path}`);
		}
		planned.push({ assumed: result.plan.assumed, next: result.plan.next });
	}
	return planned;
}
