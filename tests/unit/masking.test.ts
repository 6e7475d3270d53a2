import { describe, expect, it } from 'vitest';
import { clientWireSchema } from '$lib/domain/sync-protocol';
import { emptyClientFields, type ClientFields } from '$lib/domain/client';
import { formatHlc } from '$lib/domain/hlc';
import { stampWrite } from '$lib/domain/stamp';
import {
	changedRestrictedField,
	isAbbreviatedName,
	isMaskedText,
	maskClient,
	maskEmail,
	maskImportBatch,
	maskLastName,
	maskPhoneText,
	restoreRestricted,
	restrictedFields
} from '$lib/domain/masking';
import { permissionsOf } from '$lib/domain/permissions';
import { duplicateKeysOf, matchPair } from '$lib/domain/duplicates';

const therapist = permissionsOf('therapist');
const reception = permissionsOf('reception');
const nobody = permissionsOf('unknown-role');

function card(fields: Partial<ClientFields> = {}, id = 'c-1'): Record<string, unknown> {
	const all: ClientFields = {
		...emptyClientFields(),
		firstName: 'Maria',
		lastName: 'Rossi',
		phones: [{ e164: '+393331234567', raw: '333 123 4567', label: 'mobile' }],
		emails: ['maria.rossi@example.com'],
		address: {
			street: 'Via Roma 1',
			postalCode: '00100',
			city: 'Roma',
			province: 'RM',
			country: 'IT'
		},
		fiscalCode: 'RSSMRA80A41H501X',
		business: { company: 'Rossi srl', vatNumber: 'IT123', pec: 'r@pec.it', sdiCode: 'ABC1234' },
		allergies: ['Nickel'],
		contraindications: ['Pregnancy'],
		...fields
	};
	const hlc = formatHlc({ wallMs: 1_700_000_000_000, counter: 0, nodeId: 'dev1' });
	const write = stampWrite(null, all, hlc);
	return {
		...write.fields,
		id,
		sortName: 'rossi maria',
		createdAt: 1,
		createdBy: '',
		updatedAt: 1,
		clock: write.clock,
		sets: write.sets,
		_deleted: false
	};
}

describe('masking values', () => {
	it('shortens names and hides phones and e-mails', () => {
		expect(maskLastName('Rossi')).toBe('R.');
		expect(maskLastName(' élise')).toBe('É.');
		expect(maskLastName('')).toBe('');
		expect(maskPhoneText('+39 333 123 4567')).toBe('•••• 4567');
		expect(maskEmail('maria.rossi@example.com')).toBe('m•••@…');
		expect(isMaskedText('•••• 4567')).toBe(true);
		expect(isMaskedText('333 123 4567')).toBe(false);
		expect(isAbbreviatedName('R.')).toBe(true);
		expect(isAbbreviatedName('Rossi')).toBe(false);
	});

	it('restricts contacts without seeContacts and health without seeHealth', () => {
		expect(restrictedFields(reception)).toEqual([]);
		expect(restrictedFields(therapist)).toContain('phones');
		expect(restrictedFields(therapist)).not.toContain('allergies');
		expect(restrictedFields(nobody)).toContain('allergies');
	});
});

describe('maskClient', () => {
	it('leaves nothing of the contacts in the masked card, which is still a valid wire card', () => {
		const masked = maskClient(card(), therapist);
		const text = JSON.stringify(masked);
		for (const secret of ['Rossi', '1234567', 'maria.rossi', 'Via Roma', 'RSSMRA', 'IT123']) {
			expect(text).not.toContain(secret);
		}
		expect(masked.lastName).toBe('R.');
		expect(masked.sortName).toBe('r maria');
		expect(masked.phones).toEqual([{ e164: '', raw: '•••• 4567', label: 'mobile' }]);
		expect(masked.emails).toEqual(['m•••@…']);
		expect(masked.allergies).toEqual(['Nickel']);
		expect(clientWireSchema.safeParse(masked).success).toBe(true);
	});

	it('empties health fields without seeHealth and leaves a reception card untouched', () => {
		const masked = maskClient(card(), nobody);
		expect(masked.allergies).toEqual([]);
		expect(JSON.stringify(masked)).not.toContain('Nickel');
		expect(clientWireSchema.safeParse(masked).success).toBe(true);
		const full = card();
		expect(maskClient(full, reception)).toBe(full);
	});

	it('passes tombstones through', () => {
		const tomb = { ...card(), _deleted: true };
		expect(maskClient(tomb, therapist)).toBe(tomb);
	});

	it('masks deterministically, so a device can compare what it received', () => {
		expect(JSON.stringify(maskClient(card(), therapist))).toBe(
			JSON.stringify(maskClient(card(), therapist))
		);
	});
});

describe('editing a masked card', () => {
	it('finds a changed restricted field and restores the real ones from the master', () => {
		const master = card();
		const masked = maskClient(master, therapist);
		const edited: Record<string, unknown> = {
			...masked,
			allergies: ['Nickel', 'Latex'],
			firstName: 'Mariella'
		};
		expect(changedRestrictedField(masked, edited, therapist)).toBeNull();
		expect(changedRestrictedField(masked, { ...masked, emails: ['x@y.z'] }, therapist)).toBe(
			'emails'
		);
		const restored = restoreRestricted(edited, master, therapist);
		expect(restored.lastName).toBe('Rossi');
		expect(restored.phones).toEqual(master.phones);
		expect(restored.allergies).toEqual(['Nickel', 'Latex']);
		expect(restored.firstName).toBe('Mariella');
		expect(restored.sortName).toBe('rossi mariella');
		expect((restored.sets as Record<string, unknown>).phones).toEqual(
			(master.sets as Record<string, unknown>).phones
		);
		expect(clientWireSchema.safeParse(restored).success).toBe(true);
	});
});

describe('duplicates ignore masked values', () => {
	it('does not pair two masked "Maria R." with "•••• 4567"', () => {
		const a = maskClient(card({}, 'a'), therapist) as unknown as ClientFields;
		const b = maskClient(
			card(
				{
					lastName: 'Ricci',
					phones: [{ e164: '+393479994567', raw: '347 999 4567', label: 'mobile' }]
				},
				'b'
			),
			therapist
		) as unknown as ClientFields;
		expect(matchPair(duplicateKeysOf(a), duplicateKeysOf(b))).toBeNull();
	});
});

describe('maskImportBatch', () => {
	const batch = {
		id: 'imp-1',
		filled: [
			{
				id: 'c-1',
				field: 'phones',
				previous: '[]',
				value: '[{"e164":"+393331234567"}]',
				clock: ''
			},
			{ id: 'c-1', field: 'profession', previous: '""', value: '"Avvocata"', clock: '' }
		]
	};

	it('empties what an import filled into fields the role may not see, and nothing else', () => {
		const masked = maskImportBatch(batch, therapist);
		expect(JSON.stringify(masked)).not.toContain('3331234567');
		expect(masked.filled[0]).toMatchObject({ field: 'phones', previous: '""', value: '""' });
		expect(masked.filled[1]).toEqual(batch.filled[1]);
		expect(maskImportBatch(batch, permissionsOf('reception'))).toBe(batch);
	});
});
