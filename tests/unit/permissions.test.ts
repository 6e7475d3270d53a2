import { describe, expect, it } from 'vitest';
import {
	customRolesSchema,
	effectivePermissions,
	permissionsOf,
	roleCan
} from '$lib/domain/permissions';

describe('roles and permissions', () => {
	it('gives the built-in roles the defaults of issue 7', () => {
		for (const p of [
			'export',
			'delete',
			'erase',
			'import',
			'bulk',
			'seeContacts',
			'manageStaff'
		] as const) {
			expect(roleCan('therapist', p)).toBe(false);
		}
		expect(roleCan('therapist', 'seeHealth')).toBe(true);
		expect(roleCan('reception', 'erase')).toBe(false);
		expect(roleCan('reception', 'manageStaff')).toBe(false);
		expect(roleCan('reception', 'export')).toBe(true);
		expect(permissionsOf('owner').size).toBe(9);
	});

	it('reads custom roles and gives an unknown role nothing', () => {
		const roles = [{ id: 'junior', name: 'Junior', permissions: ['seeContacts' as const] }];
		expect(roleCan('junior', 'seeContacts', roles)).toBe(true);
		expect(roleCan('junior', 'export', roles)).toBe(false);
		expect(permissionsOf('gone', roles).size).toBe(0);
	});

	it('lets a signed-in staff member do only what the device and the staff role both allow', () => {
		expect(effectivePermissions('therapist', 'owner').has('export')).toBe(false);
		expect(effectivePermissions('owner', 'therapist').has('export')).toBe(false);
		expect(effectivePermissions('owner', null).has('erase')).toBe(true);
		expect(effectivePermissions('reception', 'owner').has('erase')).toBe(false);
	});

	it('refuses a custom role that reuses a built-in id or repeats an id', () => {
		expect(customRolesSchema.safeParse([{ id: 'owner', name: 'X', permissions: [] }]).success).toBe(
			false
		);
		const twice = { id: 'a', name: 'A', permissions: [] };
		expect(customRolesSchema.safeParse([twice, twice]).success).toBe(false);
		expect(customRolesSchema.safeParse([twice]).success).toBe(true);
	});
});
