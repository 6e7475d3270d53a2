// Table rows + mapping → client cards ready to write, or per-row errors with codes. Every card
// goes through the form's validation (validate.ts), so an import accepts exactly what the form
// accepts. Categories and the source arrive as names: the caller resolves them to ids.
import { CONSENT_CHANNELS, emptyClientFields, type ClientFields, type Phone } from '../client';
import type { SalonSettings } from '../settings';
import { validateClientFields } from '../validate';
import { parseDateAs, type DateOrder } from './dates';
import { parseCountry, parseCustomerType, parseLanguage } from './words';
import type { ColumnMapping, ImportTarget } from './targets';
import type { ImportTable } from './table';
import {
	parseGender,
	parsePhoneLabel,
	parseYesNo,
	splitFullName,
	splitList,
	splitPhones,
	type NameOrder
} from './values';

export interface BuildOptions {
	mapping: ColumnMapping;
	/** Date order per date column (index); detected, or answered by the person. */
	dateOrders: Readonly<Record<number, DateOrder>>;
	nameOrders?: Readonly<Record<number, NameOrder>>;
	settings: Pick<SalonSettings, 'requiredFields' | 'defaultCountry'>;
	/** 'YYYY-MM-DD' */
	today: string;
}

export interface ImportRow {
	/** Index of the row in the table's data rows. */
	index: number;
	rowNumber: number;
	fields: ClientFields;
	categoryNames: string[];
	sourceName: string;
}

export interface RowError {
	index: number;
	rowNumber: number;
	/** Import codes ('row.malformed', 'gender.invalid'…) or validation codes ('phone.invalid'). */
	code: string;
	/** Card path the error is about ('phones.0.raw'), '' for the whole row. */
	path: string;
	/** Placeholders of the message ({ max: 100 } for tooLong). */
	params?: Record<string, string | number>;
}

export interface BuildResult {
	rows: ImportRow[];
	errors: RowError[];
}

const PHONE_LABEL: Partial<Record<ImportTarget, Phone['label']>> = {
	phone: 'mobile',
	phoneHome: 'home',
	phoneWork: 'work',
	phoneOther: 'other'
};

type Issue = { code: string; path: string; params?: Record<string, string | number> };

function applyCell(
	target: ImportTarget,
	value: string,
	column: number,
	opts: BuildOptions,
	row: ImportRow,
	issues: Issue[],
	seen: Set<ImportTarget>,
	previousCell: string
): void {
	const f = row.fields;
	const text = value.trim();
	const label = PHONE_LABEL[target];
	if (label) {
		for (const raw of splitPhones(value)) f.phones.push({ e164: '', raw, label });
		return;
	}
	if (
		target.startsWith('consent.') ||
		['marketingConsent', 'blacklisted', 'archived'].includes(target)
	) {
		const yes = parseYesNo(text);
		if (yes === undefined) return void issues.push({ code: 'boolean.invalid', path: target });
		if (yes === null) return;
		if (target === 'marketingConsent') {
			for (const c of CONSENT_CHANNELS) {
				if (c.startsWith('marketing') && !seen.has(`consent.${c}`)) f.consents[c] = yes;
			}
		} else if (target.startsWith('consent.')) {
			f.consents[target.slice('consent.'.length) as (typeof CONSENT_CHANNELS)[number]] = yes;
		} else if (target === 'blacklisted') f.blacklisted = yes;
		else f.archived = yes;
		return;
	}
	if (text === '') return;
	if (target === 'phoneLabel') {
		// Labels the phone(s) the column before brought in; an unknown word leaves the default.
		const labelled = parsePhoneLabel(text);
		const last = f.phones[f.phones.length - 1];
		const afterPhone = opts.mapping[column - 1]?.startsWith('phone') && previousCell.trim() !== '';
		if (labelled && last && afterPhone) {
			last.label = labelled;
		}
		return;
	}
	switch (target) {
		case 'firstName':
		case 'lastName':
		case 'fiscalCode':
		case 'nationalId':
		case 'preferredStaff':
		case 'profession':
		case 'fidelityCardNumber':
		case 'blacklistReason':
			f[target] = text;
			return;
		case 'fullName': {
			const split = splitFullName(text, opts.nameOrders?.[column] ?? 'firstLast');
			if (!f.firstName) f.firstName = split.firstName;
			if (!f.lastName) f.lastName = split.lastName;
			return;
		}
		case 'gender': {
			const gender = parseGender(text);
			if (gender === undefined) issues.push({ code: 'gender.invalid', path: 'gender' });
			else f.gender = gender;
			return;
		}
		case 'birthDate':
		case 'fidelityCardExpiry': {
			const date = parseDateAs(text, opts.dateOrders[column] ?? 'dmy', opts.today);
			if (date === null) issues.push({ code: 'date.invalid', path: target });
			else f[target] = date;
			return;
		}
		case 'email':
			f.emails.push(...splitList(text));
			return;
		case 'street':
		case 'postalCode':
		case 'city':
		case 'province':
			f.address[target] = f.address[target] ? `${f.address[target]} ${text}` : text;
			return;
		case 'country': {
			const code = parseCountry(text);
			if (code === null) issues.push({ code: 'country.invalid', path: 'address.country' });
			else f.address.country = code;
			return;
		}
		case 'customerType': {
			const type = parseCustomerType(text);
			if (type === null) issues.push({ code: 'customerType.invalid', path: 'customerType' });
			else f.customerType = type;
			return;
		}
		case 'company':
		case 'vatNumber':
		case 'pec':
		case 'sdiCode':
			f.business[target] = text;
			return;
		case 'language':
			f.language = parseLanguage(text);
			return;
		case 'categories':
			row.categoryNames.push(...splitList(text));
			return;
		case 'source':
			row.sourceName = text;
			return;
		case 'tags':
		case 'allergies':
		case 'contraindications':
			f[target].push(...splitList(text));
			return;
		case 'note':
			// Line breaks inside the cell are kept; several note columns are joined by one.
			f.note = f.note ? `${f.note}\n${value.trim()}` : value.trim();
			return;
	}
}

/** One data row → a card, or the row's issues. */
export function buildRow(
	cells: readonly string[],
	index: number,
	rowNumber: number,
	opts: BuildOptions
): { row: ImportRow; issues: Issue[] } {
	const row: ImportRow = {
		index,
		rowNumber,
		fields: emptyClientFields(),
		categoryNames: [],
		sourceName: ''
	};
	const issues: Issue[] = [];
	const seen = new Set(opts.mapping.filter((t): t is ImportTarget => t !== null));
	opts.mapping.forEach((target, column) => {
		if (target !== null) {
			const previous = cells[column - 1] ?? '';
			applyCell(target, cells[column] ?? '', column, opts, row, issues, seen, previous);
		}
	});
	const f = row.fields;
	if (!seen.has('customerType') && (f.business.company || f.business.vatNumber)) {
		f.customerType = 'business';
	}
	if (!seen.has('blacklisted') && f.blacklistReason) f.blacklisted = true;
	// The source is resolved to an id later: a name counts as "given" for a required source.
	const requiredFields = row.sourceName
		? opts.settings.requiredFields.filter((r) => r !== 'sourceId')
		: opts.settings.requiredFields;
	const result = validateClientFields(f, { ...opts.settings, requiredFields }, opts.today);
	if (!result.ok)
		issues.push(
			...result.errors.map((e) =>
				e.params ? { code: e.code, path: e.path, params: e.params } : { code: e.code, path: e.path }
			)
		);
	else row.fields = result.value;
	return { row, issues };
}

/** Every data row of the table → cards and errors. A row with any error is not imported. */
export function buildRows(
	table: Pick<ImportTable, 'rows' | 'rowNumbers' | 'malformed'>,
	opts: BuildOptions
): BuildResult {
	const rows: ImportRow[] = [];
	const errors: RowError[] = [];
	const malformed = new Set(table.malformed);
	table.rows.forEach((cells, index) => {
		const rowNumber = table.rowNumbers[index] ?? index + 1;
		if (malformed.has(rowNumber)) {
			errors.push({ index, rowNumber, code: 'row.malformed', path: '' });
			return;
		}
		const { row, issues } = buildRow(cells, index, rowNumber, opts);
		if (issues.length === 0) rows.push(row);
		else for (const issue of issues) errors.push({ index, rowNumber, ...issue });
	});
	return { rows, errors };
}
