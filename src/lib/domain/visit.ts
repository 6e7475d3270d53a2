// A visit (treatment history) and a loyalty movement: one `visits` document each. Movements
// (points, prepaid/gift credit) are append-only records beside the visits, so two devices that
// add one offline each both count: a balance is the sum of the movements, never a stored total.
// Money is in minor units (cents) of the salon's currency; the UI formats it through Intl.
import { z } from 'zod';

export const VISIT_STATUSES = ['done', 'no-show', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
/** 'visit' is a treatment; 'points' and 'prepaid' are loyalty movements of the client. */
export const VISIT_KINDS = ['visit', 'points', 'prepaid'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** Upper bound of a price or an amount, in cents (one million in the salon's currency). */
export const MAX_MONEY = 100_000_000;
export const MAX_VISIT_LINES = 30;

const text = (max: number) => z.string().max(max);
/** Local wall time of the salon, 'YYYY-MM-DDTHH:mm': sorts as text, no time zone to shift. */
export const localDateTime = z
	.string()
	.max(16)
	.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, 'dateTime');
const money = z.number().int().min(0).max(MAX_MONEY);

/** A service or product as sold on that day: its name and price are copied, so renaming or
 *  repricing the catalogue later never rewrites history. */
export const visitLineSchema = z
	.object({ itemId: text(40), name: z.string().trim().min(1).max(100), price: money })
	.strict();
export type VisitLine = z.infer<typeof visitLineSchema>;

/** The fields a person edits; each has its own HLC entry in `clock` (per-field LWW). */
export const visitFieldsSchema = z.object({
	clientId: z.string().min(1).max(40),
	kind: z.enum(VISIT_KINDS),
	at: localDateTime,
	/** Free text until staff accounts exist (issue 7 adds a staff id). */
	staffName: text(100),
	services: z.array(visitLineSchema).max(MAX_VISIT_LINES),
	products: z.array(visitLineSchema).max(MAX_VISIT_LINES),
	amountPaid: money,
	status: z.enum(VISIT_STATUSES),
	/** Colour formula, machine parameters; for a movement, its reason. */
	note: text(5000),
	/** A movement's change: points, or cents of prepaid credit; 0 on a visit. */
	delta: z.number().int().min(-MAX_MONEY).max(MAX_MONEY),
	locationId: text(40).nullable()
});
export type VisitFields = z.infer<typeof visitFieldsSchema>;
export type VisitField = keyof VisitFields;
export const VISIT_FIELDS = Object.keys(visitFieldsSchema.shape) as VisitField[];

export const visitSchema = visitFieldsSchema.extend({
	id: z.string().min(1).max(40),
	/** The device that created it (shown on the card, and the HLC node of its first stamp). */
	deviceId: text(64),
	createdBy: text(100),
	createdAt: z.number().int().min(0),
	updatedAt: z.number().int().min(0),
	clock: z.record(z.string().max(64), z.string().max(64))
});
export type Visit = z.infer<typeof visitSchema>;

export function emptyVisitFields(clientId: string, at: string): VisitFields {
	return {
		clientId,
		kind: 'visit',
		at,
		staffName: '',
		services: [],
		products: [],
		amountPaid: 0,
		status: 'done',
		note: '',
		delta: 0,
		locationId: null
	};
}

/** Newest first; ties by id so the order is the same on every device. */
export function compareVisitsNewestFirst(a: Visit, b: Visit): number {
	return a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The fields of a new visit that repeats `last`: same services, products, staff, formula and
 *  amount, today; the status starts as done. */
export function repeatVisit(last: Visit, at: string): VisitFields {
	return {
		...emptyVisitFields(last.clientId, at),
		staffName: last.staffName,
		services: last.services.map((l) => ({ ...l })),
		products: last.products.map((l) => ({ ...l })),
		amountPaid: last.amountPaid,
		note: last.note
	};
}

/** The last done treatment of a history, or null. */
export function lastDoneVisit(visits: readonly Visit[]): Visit | null {
	let last: Visit | null = null;
	for (const v of visits) {
		if (v.kind !== 'visit' || v.status !== 'done') continue;
		if (last === null || compareVisitsNewestFirst(v, last) < 0) last = v;
	}
	return last;
}

/** The sum of a history's price lines, in cents. */
export function linesTotal(fields: Pick<VisitFields, 'services' | 'products'>): number {
	let total = 0;
	for (const l of fields.services) total += l.price;
	for (const l of fields.products) total += l.price;
	return total;
}
