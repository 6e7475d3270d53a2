// The field history's pure parts: what a revision logs (history.ts fieldChanges) and what a
// role may read of it (visibleChanges, masked with masking.ts).
import { describe, expect, it } from 'vitest';
import { fieldChanges, MAX_CHANGE_VALUE_CHARS, visibleChanges } from '$lib/domain/history';
import { permissionsOf } from '$lib/domain/permissions';

describe('fieldChanges', () => {
	it('keeps the old and new value of each changed field, null for a missing one', () => {
		expect(
			fieldChanges({ firstName: 'Maria', note: 'x' }, { firstName: 'Marta', tags: ['vip'] }, [
				'firstName',
				'note',
				'tags'
			])
		).toEqual({
			firstName: { old: 'Maria', new: 'Marta' },
			note: { old: 'x', new: null },
			tags: { old: null, new: ['vip'] }
		});
	});

	it('leaves out set metadata and keeps only the fact of a change for a value too large', () => {
		const big = 'A'.repeat(MAX_CHANGE_VALUE_CHARS + 1);
		expect(fieldChanges(null, { data: big, sets: { tags: {} } }, ['data', 'sets'])).toEqual({
			data: { old: null, new: null, omitted: true }
		});
	});
});

describe('visibleChanges', () => {
	const changes = {
		id: { old: null, new: 'c1' },
		updatedAt: { old: 1, new: 2 },
		lastName: { old: 'Rossi', new: 'Bianchi' },
		emails: { old: [], new: ['maria@example.com'] },
		allergies: { old: ['nickel'], new: ['nickel', 'latex'] },
		note: { old: '', new: 'Likes tea' }
	};

	it('shows an owner every person-made change as it is, sorted by field', () => {
		expect(visibleChanges(changes, permissionsOf('owner'))).toEqual([
			{
				field: 'allergies',
				old: ['nickel'],
				new: ['nickel', 'latex'],
				omitted: false,
				masked: false
			},
			{ field: 'emails', old: [], new: ['maria@example.com'], omitted: false, masked: false },
			{ field: 'lastName', old: 'Rossi', new: 'Bianchi', omitted: false, masked: false },
			{ field: 'note', old: '', new: 'Likes tea', omitted: false, masked: false }
		]);
	});

	it('masks contacts for a therapist and health too for a role without seeHealth', () => {
		const therapist = visibleChanges(changes, permissionsOf('therapist'));
		expect(therapist.find((c) => c.field === 'lastName')).toMatchObject({
			old: 'R.',
			new: 'B.',
			masked: true
		});
		expect(therapist.find((c) => c.field === 'emails')).toMatchObject({
			new: ['m•••@…'],
			masked: true
		});
		expect(therapist.find((c) => c.field === 'allergies')).toMatchObject({ masked: false });
		const none = visibleChanges(changes, new Set());
		expect(none.find((c) => c.field === 'allergies')).toMatchObject({
			old: [],
			new: [],
			masked: true
		});
		expect(none.find((c) => c.field === 'note')).toMatchObject({ new: 'Likes tea', masked: false });
	});
});
