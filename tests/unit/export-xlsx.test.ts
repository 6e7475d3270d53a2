import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { emptyClientFields, type Client } from '../../src/lib/domain/client';
import { NO_LOOKUPS, XLSX_MIME, exportTable, toXlsx } from '../../src/lib/domain/export';
import { exportTranslator } from '../../src/lib/i18n/export-translator';

const client: Client = {
	...emptyClientFields(),
	id: 'x1',
	firstName: 'Nicolò',
	lastName: 'Ferrari',
	gender: 'male',
	birthDate: '--02-29',
	phones: [{ e164: '+393401112233', raw: '+39 340 111 2233', label: 'work' }],
	address: {
		street: 'Via Roma 1',
		postalCode: '00120',
		city: 'Roma',
		province: 'RM',
		country: 'IT'
	},
	note: 'line one\nline two; "quoted"',
	blacklisted: true,
	blacklistReason: 'no-show ×3',
	sortName: '',
	createdAt: Date.UTC(2025, 5, 1),
	createdBy: '',
	updatedAt: 0,
	clock: {}
};

describe('XLSX export', () => {
	it('writes the same table as the CSV, every cell as text, empty cells empty', async () => {
		const opts = { locale: 'it' as const, t: exportTranslator('it'), lookups: NO_LOOKUPS };
		const blob = await toXlsx([client], opts);
		expect(blob.type).toBe(XLSX_MIME);
		const sheet = await readSheet(blob);
		const expected = exportTable([client], opts).map((row) =>
			row.map((cell) => (cell === '' ? null : cell))
		);
		expect(sheet).toEqual(expected);
		// Text cells keep what a number cell would lose: the postal code's leading zero.
		expect(sheet[1]).toContain('00120');
		expect(sheet[1]).toContain('+39 340 111 2233');
		expect(sheet[1]).toContain('line one\nline two; "quoted"');
		expect(sheet[0]?.slice(0, 5)).toEqual(['ID', 'Nome', 'Cognome', 'Genere', 'Data di nascita']);
		expect(sheet[1]?.slice(0, 5)).toEqual(['x1', 'Nicolò', 'Ferrari', 'Uomo', '--02-29']);
	});

	it('an empty list is a sheet with the header row only', async () => {
		const opts = { locale: 'en' as const, t: exportTranslator('en'), lookups: NO_LOOKUPS };
		const sheet = await readSheet(await toXlsx([], opts));
		expect(sheet).toHaveLength(1);
		expect(sheet[0]?.[1]).toBe('First name');
	});
});
