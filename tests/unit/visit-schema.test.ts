// The visits collection's JSON schema (RxDB, ajv) and the zod schema (every write, the wire)
// give the same verdict on real and broken documents; the compound index is Dexie-safe.
import { describe, expect, it } from 'vitest';
import { getAjv } from 'rxdb/plugins/validate-ajv';
import { visitSchema } from '$lib/domain/visit';
import { catalogItemSchema } from '$lib/domain/catalog';
import { visitSchemaLiteral } from '$lib/db/schemas/visit.schema';
import { catalogSchemaLiteral } from '$lib/db/schemas/catalog.schema';
import { generateVisits, makeVisit } from '../fixtures/visits';

const validateVisit = getAjv().compile(visitSchemaLiteral as never);
const validateCatalog = getAjv().compile(catalogSchemaLiteral as never);

type Doc = Record<string, unknown>;
const MUTATIONS: [string, (v: Doc) => void][] = [
	['at without time', (v) => (v.at = '2026-01-15')],
	['at month 13', (v) => (v.at = '2026-13-15T10:00')],
	['at 24:00', (v) => (v.at = '2026-01-15T24:00')],
	['at with seconds', (v) => (v.at = '2026-01-15T10:00:00')],
	['status unknown', (v) => (v.status = 'maybe')],
	['kind unknown', (v) => (v.kind = 'gift')],
	['negative amount', (v) => (v.amountPaid = -1)],
	['fractional amount', (v) => (v.amountPaid = 10.5)],
	['amount too large', (v) => (v.amountPaid = 100_000_001)],
	['negative delta', (v) => (v.delta = -500)],
	['note at the limit', (v) => (v.note = 'x'.repeat(5000))],
	['note too long', (v) => (v.note = 'x'.repeat(5001))],
	['line without name', (v) => (v.services = [{ itemId: 'a', name: '', price: 1 }])],
	['line extra key', (v) => (v.services = [{ itemId: 'a', name: 'A', price: 1, qty: 2 }])],
	['31 lines', (v) => (v.products = Array(31).fill({ itemId: 'a', name: 'A', price: 1 }))],
	['clientId empty', (v) => (v.clientId = '')],
	['locationId set', (v) => (v.locationId = 'milano')],
	['unknown field', (v) => (v.tip = 5)],
	['clock value a number', (v) => (v.clock = { note: 1 })]
];

const zodAccepts = (schema: { safeParse(v: unknown): { success: boolean } }, doc: unknown) =>
	schema.safeParse(doc).success;

describe('visit documents: ajv and zod agree', () => {
	const samples = generateVisits(40, { seed: 3 });

	it('generated visits are valid for both', () => {
		for (const v of samples) {
			expect(validateVisit(v), v.id).toBe(true);
			expect(zodAccepts(visitSchema.strict(), v), v.id).toBe(true);
		}
	});

	it.each(MUTATIONS)('%s: same verdict', (_, mutate) => {
		for (const sample of samples.slice(0, 10)) {
			const doc = structuredClone(sample) as Doc;
			mutate(doc);
			expect(validateVisit(doc), JSON.stringify(doc).slice(0, 100)).toBe(
				zodAccepts(visitSchema.strict(), doc)
			);
		}
	});

	it('the mutations test both outcomes', () => {
		const verdicts = MUTATIONS.map(([, mutate]) => {
			const doc = structuredClone(makeVisit({})) as Doc;
			mutate(doc);
			return zodAccepts(visitSchema.strict(), doc);
		});
		expect(verdicts.filter(Boolean).length).toBeGreaterThanOrEqual(3);
		expect(verdicts.filter((v) => !v).length).toBeGreaterThanOrEqual(14);
	});

	it('indexes only required, bounded fields (Dexie needs both)', () => {
		const props = visitSchemaLiteral.properties as Record<string, Doc>;
		for (const field of visitSchemaLiteral.indexes.flat()) {
			expect(visitSchemaLiteral.required).toContain(field);
			expect(props[field]?.maxLength, field).toBeTypeOf('number');
		}
	});

	it('catalogue items: same verdict on prices and kinds', () => {
		const item = {
			id: 'i1',
			kind: 'service',
			name: 'Colore',
			price: 5500,
			active: true,
			createdAt: 1,
			updatedAt: 2
		};
		for (const doc of [
			item,
			{ ...item, price: -1 },
			{ ...item, price: 1.5 },
			{ ...item, kind: 'gift' },
			{ ...item, name: '' },
			{ ...item, active: 'yes' },
			{ ...item, extra: 1 }
		]) {
			const zod = catalogItemSchema.strict().safeParse(doc).success;
			expect(validateCatalog(doc), JSON.stringify(doc)).toBe(zod);
		}
	});
});
