import { describe, expect, it } from 'vitest';
import { emptyClientFields, type Client, type ClientFields } from '../../src/lib/domain/client';
import {
	BOM,
	csvDelimiter,
	exportColumns,
	exportHeaders,
	joinList,
	splitList,
	toCsv,
	type ExportLookups,
	type ExportOptions
} from '../../src/lib/domain/export';
import { LOCALES, type Locale } from '../../src/lib/domain/settings';
import { catalogs } from '../../src/lib/i18n/catalog';
import { exportTranslator } from '../../src/lib/i18n/export-translator';

function client(id: string, fields: Partial<ClientFields>): Client {
	return {
		...emptyClientFields(),
		...fields,
		id,
		sortName: '',
		createdAt: Date.UTC(2026, 0, 15, 9, 30),
		createdBy: 'reception',
		updatedAt: 0,
		clock: {}
	};
}

const lookups: ExportLookups = {
	categoryName: (id) => ({ c1: 'VIP', c2: 'Sposa; 2026' })[id],
	sourceName: (id) => ({ s1: 'Instagram' })[id],
	clientName: (id) => ({ a: 'Maria Rossi' })[id]
};

const opts = (locale: Locale): ExportOptions => ({ locale, t: exportTranslator(locale), lookups });

const maria = client('a', {
	firstName: 'Maria',
	lastName: 'Rossi',
	gender: 'female',
	birthDate: '1985-03-14',
	phones: [{ e164: '+393331234567', raw: '333 1234567', label: 'mobile' }],
	emails: ['maria@example.it']
});

const giulia = client('b', {
	firstName: 'Giulia',
	lastName: "D'Angelo",
	birthDate: '--07-02',
	phones: [
		{ e164: '+390212345678', raw: '02 12345678', label: 'home' },
		{ e164: '', raw: 'ask at desk', label: 'other' }
	],
	categoryIds: ['c1', 'c2', 'gone'],
	sourceId: 's1',
	referredById: 'a',
	note: 'Prefers "warm" water;\nsecond line',
	allergies: ['nickel', 'a|b'],
	consents: {
		reminderSms: true,
		reminderEmail: false,
		reminderWhatsapp: false,
		marketingSms: false,
		marketingEmail: true,
		marketingWhatsapp: false
	},
	archived: true,
	customFields: { Colore: 'castano' }
});

describe('CSV export', () => {
	it('Italian: BOM, ";" delimiter, translated headers and values, quoting, CRLF', () => {
		const csv = toCsv([maria, giulia], opts('it'));
		const header =
			'ID;Nome;Cognome;Genere;Data di nascita;Telefono 1;Tipo telefono 1;Telefono 2;Tipo telefono 2;' +
			'E-mail;Via e numero civico;CAP;Città;Provincia;Paese;Codice fiscale;Documento di identità;' +
			'Tipo di cliente;Ragione sociale;Partita IVA;PEC;Codice SDI;Categorie;Etichette;' +
			'Come ci ha conosciuto;Presentata da;ID presentata da;Operatrice preferita;Lingua;Professione;' +
			'Nota;Allergie;Controindicazioni;Numero tessera fedeltà;Scadenza tessera fedeltà;' +
			'Promemoria via SMS;Promemoria via e-mail;Promemoria via WhatsApp;Marketing via SMS;' +
			'Marketing via e-mail;Marketing via WhatsApp;In lista nera;Motivo della lista nera;' +
			'Archiviata;Creata il;Creata da;Colore (personalizzato)';
		const row1 =
			'a;Maria;Rossi;Donna;1985-03-14;333 1234567;Cellulare;;;maria@example.it;;;;;;;;Privato;;;;;;;;;;;;;;;;;;' +
			'No;No;No;No;No;No;No;;No;2026-01-15T09:30:00.000Z;reception;';
		const row2 =
			"b;Giulia;D'Angelo;Non specificato;--07-02;02 12345678;Casa;ask at desk;Altro;;;;;;;;;Privato;;;;;" +
			'"VIP | Sposa; 2026 | gone";;Instagram;Maria Rossi;a;;;;"Prefers ""warm"" water;\nsecond line";' +
			'nickel | a\\|b;;;;Sì;No;No;No;Sì;No;No;;Sì;2026-01-15T09:30:00.000Z;reception;castano';
		expect(csv).toBe(`${BOM}${header}\r\n${row1}\r\n${row2}`);
	});

	it('English: "," delimiter, a comma in a value is quoted', () => {
		const csv = toCsv([client('c', { firstName: 'Ann', lastName: 'Lee, Jr' })], opts('en'));
		const lines = csv.split('\r\n');
		expect(
			lines[0]?.startsWith(`${BOM}ID,First name,Last name,Gender,Birth date,Phone 1,Phone 1 type,`)
		).toBe(true);
		expect(lines[1]).toBe(
			'c,Ann,"Lee, Jr",Not specified,,,,,,,,,,,,Private,,,,,,,,,,,,,,,,,,No,No,No,No,No,No,No,,No,' +
				'2026-01-15T09:30:00.000Z,reception'
		);
	});

	it('picks the delimiter by the locale’s decimal separator', () => {
		expect(LOCALES.map(csvDelimiter)).toEqual([';', ',', ';', ';']);
	});

	it('writes only the header for an empty list (one phone pair, no custom fields)', () => {
		const csv = toCsv([], opts('pt'));
		expect(
			csv.startsWith(`${BOM}ID;Nome próprio;Apelido;Género;Data de nascimento;Telefone 1;`)
		).toBe(true);
		expect(csv).not.toContain('\r\n');
		expect(csv).not.toContain('Telefone 2');
	});

	it('Bulgarian headers are translated', () => {
		const headers = exportHeaders(exportColumns([giulia]), exportTranslator('bg'));
		expect(headers.slice(0, 9)).toEqual([
			'ID',
			'Име',
			'Фамилия',
			'Пол',
			'Дата на раждане',
			'Телефон 1',
			'Вид телефон 1',
			'Телефон 2',
			'Вид телефон 2'
		]);
	});

	it('every header and value key exists in all four catalogs and headers are unique', () => {
		const columns = exportColumns([giulia, maria]);
		for (const locale of LOCALES) {
			const asked: string[] = [];
			const t = exportTranslator(locale);
			const spy: typeof t = (key, params) => {
				asked.push(key);
				return t(key, params);
			};
			const headers = exportHeaders(columns, spy);
			toCsv([maria, giulia], { locale, t: spy, lookups });
			expect(new Set(headers).size, locale).toBe(headers.length);
			for (const key of asked) expect(catalogs[locale], `${locale}:${key}`).toHaveProperty([key]);
		}
	});
});

describe('list cells', () => {
	it('split gives back exactly what join was given', () => {
		const items = ['nickel', 'a|b', 'back\\slash', 'end\\', ' spaced inside ok '.trim()];
		expect(splitList(joinList(items))).toEqual(items);
		expect(joinList(['x', 'y'])).toBe('x | y');
	});

	it('reads hand-typed lists and drops empty items', () => {
		expect(splitList('a|b | c||')).toEqual(['a', 'b', 'c']);
		expect(splitList('')).toEqual([]);
	});
});
