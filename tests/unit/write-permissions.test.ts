import { describe, expect, it } from 'vitest';
import { emptyClientFields } from '$lib/domain/client';
import { maskClient } from '$lib/domain/masking';
import { permissionsOf } from '$lib/domain/permissions';
import {
	planClientRow,
	SETTING_WRITE_PERMISSION,
	WRITE_PERMISSION,
	writePermissionOf
} from '$lib/domain/write-permissions';

const therapist = permissionsOf('therapist');
const reception = permissionsOf('reception');

function card(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		...emptyClientFields(),
		firstName: 'Maria',
		lastName: 'Rossi',
		phones: [{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' }],
		id: 'c-1',
		sortName: 'rossi maria',
		createdAt: 1,
		createdBy: '',
		updatedAt: 1,
		clock: { lastName: '1', phones: '1' },
		_deleted: false,
		...extra
	};
}

describe('write-permission table', () => {
	it('lets any device sign a consent but only an eraser end one', () => {
		expect(writePermissionOf('consents', { id: 'k', _deleted: false })).toBeNull();
		expect(writePermissionOf('consents', { id: 'k', _deleted: true })).toBe('erase');
		expect(therapist.has(writePermissionOf('consents', { _deleted: true })!)).toBe(false);
	});

	it('guards imports, links, staff and the privacy settings keys', () => {
		expect(WRITE_PERMISSION.imports).toBe('import');
		expect(writePermissionOf('links', {})).toBe('merge');
		expect(writePermissionOf('staff', {})).toBe('manageStaff');
		for (const key of [
			'roles',
			'consentTexts',
			'retentionYears',
			'encryptAtRest',
			'idleLockMinutes',
			'salonDetails'
		]) {
			expect(SETTING_WRITE_PERMISSION[key]).toBe('manageStaff');
			expect(writePermissionOf('settings', { key })).toBe('manageStaff');
		}
		expect(writePermissionOf('settings', { key: 'defaultCountry' })).toBeNull();
		expect(writePermissionOf('settings', { key: 'constructor' })).toBeNull();
		expect(writePermissionOf('clients', {})).toBeNull();
		expect(writePermissionOf('visits', {})).toBeNull();
	});
});

describe('planClientRow', () => {
	it('refuses a contact change on a masked card, naming the field', () => {
		const master = card();
		const assumed = maskClient(master, therapist);
		const result = planClientRow(
			{ assumedMasterState: assumed, newDocumentState: { ...assumed, lastName: 'Bianchi' } },
			master,
			therapist
		);
		expect(result).toEqual({
			ok: false,
			refusal: {
				code: 'forbidden_field',
				path: 'newDocumentState.lastName',
				permission: 'seeContacts'
			}
		});
	});

	it('refuses deleting a live card without the delete permission', () => {
		const master = card();
		const assumed = maskClient(master, therapist);
		const result = planClientRow(
			{ assumedMasterState: assumed, newDocumentState: { ...assumed, _deleted: true } },
			master,
			therapist
		);
		expect(result.ok).toBe(false);
		const allowed = planClientRow(
			{ assumedMasterState: master, newDocumentState: { ...master, _deleted: true } },
			master,
			reception
		);
		expect(allowed.ok).toBe(true);
	});

	it('swaps the masked assumed state for the real master and restores the hidden fields', () => {
		const master = card();
		const assumed = maskClient(master, therapist);
		const next = {
			...assumed,
			allergies: ['Latex'],
			clock: { ...(assumed.clock as object), allergies: '2' }
		};
		const result = planClientRow(
			{ assumedMasterState: assumed, newDocumentState: next },
			master,
			therapist
		);
		if (!result.ok) throw new Error('refused');
		expect(result.plan.assumed).toBe(master);
		const stored = result.plan.next as Record<string, unknown>;
		expect(stored.lastName).toBe('Rossi');
		expect(stored.phones).toEqual(master.phones);
		expect(stored.allergies).toEqual(['Latex']);
	});

	it('lets a stale assumed state through unchanged, for the storage to answer a conflict', () => {
		const master = card();
		const stale = maskClient(card({ firstName: 'Mara' }), therapist);
		const result = planClientRow(
			{ assumedMasterState: stale, newDocumentState: { ...stale, note: 'x' } },
			master,
			therapist
		);
		expect(result.ok && result.plan.assumed).toBe(stale);
	});

	it('lets a role without seeContacts type contacts on a new card', () => {
		const fresh = card({ id: 'c-new' });
		const result = planClientRow(
			{ assumedMasterState: null, newDocumentState: fresh },
			null,
			therapist
		);
		expect(result).toEqual({ ok: true, plan: { assumed: null, next: fresh } });
	});
});
