// Import parsing (issue 5): files generated here in the formats salons bring, with the exact
// cards and errors each must give. Runs the whole pure pipeline (src/lib/domain/import).
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { card, cp1252, fieldsOf, importBytes, mobile, utf8 } from './import-support';

const consents = (over: Partial<ReturnType<typeof card>['consents']>) => ({
	...card({}).consents,
	...over
});

describe('delimiters and encodings', () => {
	it('reads a comma CSV with English headers (Fresha-style)', async () => {
		const csv =
			'First Name,Last Name,Full Name,Mobile Number,Email,Gender,Date of Birth,Accepts Marketing\r\n' +
			'Maria,Rossi,Maria Rossi,+39 333 123 4567,Maria.Rossi@Example.it,Female,1980-05-03,Yes\r\n' +
			'John,Smith,John Smith,,john@example.com,Male,,No\r\n';
		const result = await importBytes(utf8(csv));
		expect(result.ok && result.errors).toEqual([]);
		expect(fieldsOf(result)).toEqual([
			card({
				firstName: 'Maria',
				lastName: 'Rossi',
				phones: [mobile('+393331234567', '+39 333 123 4567')],
				emails: ['maria.rossi@example.it'],
				gender: 'female',
				birthDate: '1980-05-03',
				consents: consents({ marketingSms: true, marketingEmail: true, marketingWhatsapp: true })
			}),
			card({ firstName: 'John', lastName: 'Smith', emails: ['john@example.com'], gender: 'male' })
		]);
	});

	it('reads a semicolon CSV with Italian headers, phones without +, dd/mm/yyyy', async () => {
		const csv =
			'Nome;Cognome;Cellulare;E-mail;Sesso;Data di nascita;Città;CAP\n' +
			'Giulia;Bianchi;393471234567;giulia@example.it;F;03/05/1980;Milano;20100\n' +
			'Marco;Verdi;0039 347 765 4321;;M;25/12/1975;;\n';
		expect(fieldsOf(await importBytes(utf8(csv)))).toEqual([
			card({
				firstName: 'Giulia',
				lastName: 'Bianchi',
				phones: [mobile('+393471234567', '393471234567')],
				emails: ['giulia@example.it'],
				gender: 'female',
				birthDate: '1980-05-03',
				address: { street: '', postalCode: '20100', city: 'Milano', province: '', country: '' }
			}),
			card({
				firstName: 'Marco',
				lastName: 'Verdi',
				phones: [mobile('+393477654321', '0039 347 765 4321')],
				gender: 'male',
				birthDate: '1975-12-25'
			})
		]);
	});

	it('reads a tab-separated file with Portuguese headers, yes/no and genders in Portuguese', async () => {
		const tsv =
			'Nome\tApelido\tTelemóvel\tSexo\tData de nascimento\tAceita marketing\n' +
			'Ana\tSilva\t+351 912 345 678\tFeminino\t14/02/1990\tSim\n' +
			'João\tCosta\t\tMasculino\t\tNão\n';
		expect(fieldsOf(await importBytes(utf8(tsv)))).toEqual([
			card({
				firstName: 'Ana',
				lastName: 'Silva',
				phones: [mobile('+351912345678', '+351 912 345 678')],
				gender: 'female',
				birthDate: '1990-02-14',
				consents: consents({ marketingSms: true, marketingEmail: true, marketingWhatsapp: true })
			}),
			card({ firstName: 'João', lastName: 'Costa', gender: 'male' })
		]);
	});

	it('reads UTF-8 with a byte-order mark and Bulgarian headers, yes/no and genders', async () => {
		const csv =
			'\uFEFFИме;Фамилия;Телефон;Пол;Дата на раждане;Маркетинг\n' +
			'Мария;Иванова;+359 88 123 4567;жена;01.02.1985;да\n' +
			'Петър;Петров;;мъж;;не\n';
		const result = await importBytes(utf8(csv));
		expect(result.ok && result.table.headers[0]).toBe('Име');
		expect(fieldsOf(result)).toEqual([
			card({
				firstName: 'Мария',
				lastName: 'Иванова',
				phones: [mobile('+359881234567', '+359 88 123 4567')],
				gender: 'female',
				birthDate: '1985-02-01',
				consents: consents({ marketingSms: true, marketingEmail: true, marketingWhatsapp: true })
			}),
			card({ firstName: 'Петър', lastName: 'Петров', gender: 'male' })
		]);
	});

	it('detects Windows-1252 and keeps the accents', async () => {
		const csv = 'Nome;Cognome;Città;Note\r\nNicolò;Pietà;Forlì;Cliente già abituale\r\n';
		const result = await importBytes(cp1252(csv));
		expect(result.ok && result.table.source).toEqual({
			kind: 'csv',
			delimiter: ';',
			encoding: 'windows-1252'
		});
		expect(fieldsOf(result)).toEqual([
			card({
				firstName: 'Nicolò',
				lastName: 'Pietà',
				address: { street: '', postalCode: '', city: 'Forlì', province: '', country: '' },
				note: 'Cliente già abituale'
			})
		]);
	});
});

describe('XLSX', () => {
	it('finds the header below title rows and leaves out the total row', async () => {
		const sheet = [
			[{ value: 'Salone Bellezza — elenco clienti' }],
			[{ value: 'Esportato il 20/11/2026' }],
			[],
			[
				{ value: 'Cognome' },
				{ value: 'Nome' },
				{ value: 'Telefono' },
				{ value: 'Data di nascita' }
			],
			[
				{ value: 'Rossi' },
				{ value: 'Maria' },
				{ value: 3331234567 },
				{ value: new Date(Date.UTC(1980, 4, 3)), format: 'dd/mm/yyyy' }
			],
			[{ value: 'De Luca' }, { value: 'Anna' }, { value: '347 123 4567' }, null],
			[{ value: 'Totale clienti' }, { value: 2 }]
		];
		const buffer = await writeXlsxFile(sheet).toBuffer();
		const result = await importBytes(new Uint8Array(buffer));
		expect(result.ok && result.table.rowNumbers).toEqual([5, 6]);
		expect(fieldsOf(result)).toEqual([
			card({
				firstName: 'Maria',
				lastName: 'Rossi',
				phones: [mobile('+393331234567', '3331234567')],
				birthDate: '1980-05-03'
			}),
			card({
				firstName: 'Anna',
				lastName: 'De Luca',
				phones: [mobile('+393471234567', '347 123 4567')]
			})
		]);
	});
});

describe('values', () => {
	it('reads yes/no and genders in the four languages', async () => {
		const csv =
			'First Name,Last Name,Gender,Blocked,Block Reason,Archived\n' +
			'A,Uno,donna,sì,Non paga,no\n' +
			'B,Due,homem,não,,sim\n' +
			'C,Tre,мъж,не,,да\n' +
			'D,Quattro,non-binary,No,,Yes\n' +
			'E,Cinque,,,,\n';
		expect(
			fieldsOf(await importBytes(utf8(csv))).map((f) => [f.gender, f.blacklisted, f.archived])
		).toEqual([
			['female', true, false],
			['male', false, true],
			['male', false, true],
			['non-binary', false, true],
			['unspecified', false, false]
		]);
	});

	it('keeps birthdays without a year', async () => {
		const csv =
			'Nome;Cognome;Compleanno\nSara;Neri;12/03\nLia;Gialli;--07-05\nEva;Blu;31/12/1999\n';
		expect(fieldsOf(await importBytes(utf8(csv))).map((f) => f.birthDate)).toEqual([
			'--03-12',
			'--07-05',
			'1999-12-31'
		]);
	});

	it('keeps a note with a line break inside quotes', async () => {
		const csv =
			'Nome,Cognome,Note\nMaria,Rossi,"Allergica al nichel.\nPreferisce il sabato, mattina."\n';
		expect(fieldsOf(await importBytes(utf8(csv)))).toEqual([
			card({
				firstName: 'Maria',
				lastName: 'Rossi',
				note: 'Allergica al nichel.\nPreferisce il sabato, mattina.'
			})
		]);
	});

	it('splits a full-name column in the order its header says', async () => {
		const csv = 'Cognome e nome;Cellulare\nDe Luca Maria Grazia;3331234567\nRossi, Anna;\n';
		const first = 'Name,Phone\nMaria De Luca,3331234567\n';
		expect(fieldsOf(await importBytes(utf8(csv))).map((f) => [f.lastName, f.firstName])).toEqual([
			['De Luca', 'Maria Grazia'],
			['Rossi', 'Anna']
		]);
		expect(fieldsOf(await importBytes(utf8(first))).map((f) => [f.lastName, f.firstName])).toEqual([
			['De Luca', 'Maria']
		]);
	});

	it('reports month-first or day-first dates as ambiguous and reads them as answered', async () => {
		const csv = 'First Name,Last Name,Birthday\nAmy,Lee,4/5/1990\nBo,Kim,12/1/1985\n';
		const asked = await importBytes(utf8(csv));
		expect(asked.ok && asked.ambiguous).toEqual([2]);
		expect(fieldsOf(asked).map((f) => f.birthDate)).toEqual(['1990-05-04', '1985-01-12']);
		const answered = await importBytes(utf8(csv), { 2: 'mdy' });
		expect(fieldsOf(answered).map((f) => f.birthDate)).toEqual(['1990-04-05', '1985-12-01']);
		const clear = await importBytes(utf8('First Name,Last Name,Birthday\nAmy,Lee,4/25/1990\n'));
		expect(clear.ok && clear.ambiguous).toEqual([]);
		expect(fieldsOf(clear).map((f) => f.birthDate)).toEqual(['1990-04-25']);
	});
});

describe('bad input', () => {
	it('reports malformed and invalid rows with codes and imports the rest', async () => {
		const csv =
			'First Name,Last Name,Email,Gender,Date of Birth\n' +
			'Good,One,one@example.com,F,1980-01-01\n' +
			'Bad,Email,not-an-email,F,\n' +
			'Bad,Gender,,Zebra,\n' +
			'Bad,Date,,,31/02/1980\n' +
			',,nobody@example.com,,\n' +
			'Too,Many,a@example.com,F,1980-01-01,extra,cells\n' +
			'Good,Two,,M,\n' +
			'Open,"Quote,,,\n';
		const result = await importBytes(utf8(csv));
		if (!result.ok) throw new Error(result.code);
		expect(result.rows.map((r) => [r.rowNumber, r.fields.lastName])).toEqual([
			[2, 'One'],
			[8, 'Two']
		]);
		expect(result.errors.map((e) => [e.rowNumber, e.code, e.path])).toEqual([
			[3, 'email.invalid', 'emails.0'],
			[4, 'gender.invalid', 'gender'],
			[5, 'date.invalid', 'birthDate'],
			[6, 'nameRequired', 'lastName'],
			[6, 'required', 'firstName'],
			[7, 'row.malformed', ''],
			[9, 'row.malformed', '']
		]);
	});

	it('refuses an empty file', async () => {
		expect(await importBytes(new Uint8Array())).toEqual({ ok: false, code: 'file.empty' });
		expect(await importBytes(utf8('\uFEFF \r\n\r\n'))).toEqual({ ok: false, code: 'file.empty' });
		expect(await importBytes(utf8('Nome;Cognome\n'))).toEqual({ ok: false, code: 'file.noRows' });
	});

	it('refuses a file that is not a spreadsheet', async () => {
		const png = Uint8Array.from([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82
		]);
		const zip = Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
		const prose = utf8('Dear customer,\nthank you for your visit.\nSee you soon\n');
		for (const bytes of [png, zip, prose]) {
			expect(await importBytes(bytes)).toEqual({ ok: false, code: 'file.notSpreadsheet' });
		}
	});
});
