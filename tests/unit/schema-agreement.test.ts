// The RxDB JSON schemas are written by hand; this proves they say what the zod schemas say.
// 1. Structure: every field, nested, with the same type, nullability, required-ness, enum,
//    lengths, item counts and patterns. 2. Behaviour: many valid cards and mutations of them are
//    accepted or rejected alike by ajv (the validator RxDB uses) and zod.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { getAjv } from 'rxdb/plugins/validate-ajv';
import { CLIENT_FIELDS, clientSchema, type Client } from '$lib/domain/client';
import { categorySchema, sourceSchema } from '$lib/domain/settings';
import { clientSchemaLiteral } from '$lib/db/schemas/client.schema';
import { categorySchemaLiteral } from '$lib/db/schemas/categories.schema';
import { sourceSchemaLiteral } from '$lib/db/schemas/sources.schema';
import { importBatchSchemaLiteral } from '$lib/db/schemas/imports.schema';
import { importBatchSchema } from '$lib/domain/imports';
import { linkSchemaLiteral } from '$lib/db/schemas/links.schema';
import { linkObjectSchema } from '$lib/domain/link-schema';
import { visitSchema } from '$lib/domain/visit';
import { catalogItemSchema } from '$lib/domain/catalog';
import { visitSchemaLiteral } from '$lib/db/schemas/visit.schema';
import { catalogSchemaLiteral } from '$lib/db/schemas/catalog.schema';
import { noteSchema } from '$lib/domain/notes';
import { fileSchema } from '$lib/domain/files';
import { noteSchemaLiteral } from '$lib/db/schemas/notes.schema';
import { fileSchemaLiteral } from '$lib/db/schemas/files.schema';
import { consentRecordSchema } from '$lib/domain/consents';
import { consentSchemaLiteral } from '$lib/db/schemas/consents.schema';
import { generateClientFields, mulberry32 } from '../fixtures/clients';

/** A validator-neutral description of a schema node, built from either side. */
interface Shape {
	type: string;
	nullable?: true;
	enum?: readonly string[];
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	maxItems?: number;
	items?: Shape;
	properties?: Record<string, Shape>;
	required?: string[];
	values?: Shape;
	keyMaxLength?: number;
}

type ZodNode = z.ZodType & {
	_zod: {
		def: Record<string, unknown> & {
			type: string;
			checks?: { _zod: { def: Record<string, unknown> } }[];
		};
	};
};

function zodChecks(node: ZodNode): Record<string, unknown>[] {
	return (node._zod.def.checks ?? []).map((c) => c._zod.def as unknown as Record<string, unknown>);
}

function fromZod(node: ZodNode): Shape {
	const def = node._zod.def;
	const checks = zodChecks(node);
	const clean = (s: Shape): Shape =>
		Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Shape;
	switch (def.type) {
		case 'nullable':
			return { ...fromZod(def.innerType as ZodNode), nullable: true };
		case 'optional':
			// Optional-ness is the parent object's `required` list.
			return fromZod(def.innerType as ZodNode);
		case 'string': {
			const str = node as unknown as z.ZodString;
			const regex = checks.find((c) => c.format === 'regex')?.pattern as RegExp | undefined;
			// JSON schema patterns have no flags; an 'i' regex is compared by behaviour instead.
			if (regex?.flags.includes('i')) return clean({ type: 'string', pattern: 'case-insensitive' });
			return clean({
				type: 'string',
				minLength: str.minLength ?? undefined,
				maxLength: str.maxLength ?? undefined,
				pattern: regex?.source
			});
		}
		case 'number':
			return { type: checks.some((c) => c.format === 'safeint') ? 'integer' : 'number' };
		case 'boolean':
			return { type: 'boolean' };
		case 'enum':
			return { type: 'string', enum: (node as unknown as z.ZodEnum).options as string[] };
		case 'array':
			return clean({
				type: 'array',
				maxItems: checks.find((c) => c.check === 'max_length')?.maximum as number | undefined,
				items: fromZod(def.element as ZodNode)
			});
		case 'object': {
			const shape = (node as unknown as z.ZodObject).shape as Record<string, ZodNode>;
			return {
				type: 'object',
				properties: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fromZod(v)])),
				required: Object.keys(shape)
					.filter((k) => shape[k]?._zod.def.type !== 'optional')
					.sort()
			};
		}
		case 'record':
			return clean({
				type: 'object',
				values: fromZod(def.valueType as ZodNode),
				keyMaxLength: fromZod(def.keyType as ZodNode).maxLength
			});
		default:
			throw new Error(`unhandled zod type ${def.type}`);
	}
}

type JsonNode = Record<string, unknown>;

function fromJson(node: JsonNode): Shape {
	const types = ([] as string[]).concat(node.type as string | string[]);
	const type = types.find((t) => t !== 'null') as string;
	const shape: Shape = { type };
	if (types.includes('null')) shape.nullable = true;
	if (node.enum) shape.enum = node.enum as string[];
	if (typeof node.minLength === 'number') shape.minLength = node.minLength;
	if (typeof node.maxLength === 'number') shape.maxLength = node.maxLength;
	if (typeof node.pattern === 'string') {
		shape.pattern = /\[[^\]]*a-z[^\]]*A-Z|\[[^\]]*A-Z[^\]]*a-z|a-fA-F/.test(node.pattern)
			? 'case-insensitive'
			: node.pattern;
	}
	if (typeof node.maxItems === 'number') shape.maxItems = node.maxItems;
	if (node.items) shape.items = fromJson(node.items as JsonNode);
	if (node.properties) {
		shape.properties = Object.fromEntries(
			Object.entries(node.properties as Record<string, JsonNode>).map(([k, v]) => [k, fromJson(v)])
		);
		shape.required = [...((node.required as string[]) ?? [])].sort();
	} else if (type === 'object') {
		shape.values = fromJson(node.additionalProperties as JsonNode);
		const keyMax = (node.propertyNames as JsonNode | undefined)?.maxLength;
		if (typeof keyMax === 'number') shape.keyMaxLength = keyMax;
	}
	if (type === 'string' && shape.enum) {
		// Enums carry no length in either schema.
		delete shape.maxLength;
	}
	return shape;
}

describe('RxDB schemas mirror the zod schemas', () => {
	it.each([
		['clients', clientSchema, clientSchemaLiteral],
		['categories', categorySchema, categorySchemaLiteral],
		['sources', sourceSchema, sourceSchemaLiteral],
		['imports', importBatchSchema, importBatchSchemaLiteral],
		['links', linkObjectSchema, linkSchemaLiteral],
		['visits', visitSchema, visitSchemaLiteral],
		['catalog', catalogItemSchema, catalogSchemaLiteral],
		['notes', noteSchema, noteSchemaLiteral],
		['files', fileSchema, fileSchemaLiteral],
		['consents', consentRecordSchema, consentSchemaLiteral]
	] as const)('%s: same fields, types, nullability, required, enums, lengths', (_, zod, json) => {
		expect(fromJson(json as unknown as JsonNode)).toEqual(fromZod(zod as unknown as ZodNode));
	});

	it('category colours: the same verdict from the JSON pattern and the zod regex', () => {
		const json = new RegExp(categorySchemaLiteral.properties.color.pattern);
		const zod = categorySchema.shape.color;
		for (const color of [
			'#aabbcc',
			'#AABBCC',
			'#a1B2c3',
			'#abc',
			'aabbcc',
			'#gggggg',
			'#aabbccd'
		]) {
			expect(json.test(color), color).toBe(zod.safeParse(color).success);
		}
	});

	it('the client schema indexes only required, bounded fields (Dexie needs both)', () => {
		const props = clientSchemaLiteral.properties as Record<string, JsonNode>;
		for (const index of clientSchemaLiteral.indexes) {
			expect(clientSchemaLiteral.required).toContain(index);
			const prop = props[index] as JsonNode;
			if (prop.type === 'string') expect(prop.maxLength, index).toBeTypeOf('number');
			else expect(prop.maximum, index).toBeTypeOf('number');
		}
		expect(clientSchemaLiteral.indexes).toContain('sortName');
		expect(clientSchemaLiteral.indexes).toContain('createdAt');
	});
});

const validateJson = getAjv().compile(clientSchemaLiteral as unknown as JsonNode);
const jsonAccepts = (doc: unknown) => validateJson(doc) === true;
// "Accepts" means: valid as it is. zod would silently strip unknown keys, RxDB refuses them.
const zodAccepts = (doc: unknown) => {
	const result = clientSchema.safeParse(doc);
	return result.success && isDeepStrictEqual(result.data, doc);
};

function sampleClients(count: number): Client[] {
	return generateClientFields(count, { seed: 7 }).map((fields, i) => ({
		...fields,
		id: `01935f2a-0000-7000-8000-${String(i).padStart(12, '0')}`,
		sortName: `${fields.lastName} ${fields.firstName}`.toLowerCase(),
		createdAt: 1763942400000 + i,
		createdBy: i % 2 ? 'Giulia' : '',
		updatedAt: 1763942400000 + i * 2,
		clock: Object.fromEntries(CLIENT_FIELDS.map((f) => [f, `1763942400000-000${i % 10}-dev1`]))
	}));
}

type Mutation = [name: string, mutate: (c: Record<string, unknown>) => void];
const over = (n: number, ch = 'a') => ch.repeat(n);
const MUTATIONS: Mutation[] = [
	['firstName too long', (c) => (c.firstName = over(101))],
	['firstName at the limit', (c) => (c.firstName = over(100))],
	['note too long', (c) => (c.note = over(5001))],
	['note at the limit', (c) => (c.note = over(5000))],
	['lastName a number', (c) => (c.lastName = 42)],
	['gender unknown', (c) => (c.gender = 'robot')],
	['gender null', (c) => (c.gender = null)],
	['birthDate null', (c) => (c.birthDate = null)],
	['birthDate yearless', (c) => (c.birthDate = '--02-29')],
	['birthDate malformed', (c) => (c.birthDate = '29/02/1990')],
	['fidelityCardExpiry yearless', (c) => (c.fidelityCardExpiry = '--02-29')],
	['fidelityCardExpiry set', (c) => (c.fidelityCardExpiry = '2027-01-31')],
	['sourceId null', (c) => (c.sourceId = null)],
	['sourceId too long', (c) => (c.sourceId = over(41))],
	['phones 11 items', (c) => (c.phones = Array(11).fill({ e164: '', raw: '1', label: 'home' }))],
	['phone label unknown', (c) => (c.phones = [{ e164: '', raw: '1', label: 'fax' }])],
	['phone without raw', (c) => (c.phones = [{ e164: '', label: 'home' }])],
	['phone extra key', (c) => (c.phones = [{ e164: '', raw: '1', label: 'home', x: 1 }])],
	['email too long', (c) => (c.emails = [over(255)])],
	['emails not an array', (c) => (c.emails = 'a@b.it')],
	['country too long', (c) => (c.address = { ...(c.address as object), country: 'ITA' })],
	[
		'address missing city',
		(c) => {
			const { city: _, ...rest } = c.address as Record<string, unknown>;
			c.address = rest;
		}
	],
	['sdiCode too long', (c) => (c.business = { ...(c.business as object), sdiCode: over(8) })],
	['consent not boolean', (c) => (c.consents = { ...(c.consents as object), marketingSms: 'yes' })],
	[
		'consent missing',
		(c) => {
			const { reminderSms: _, ...rest } = c.consents as Record<string, unknown>;
			c.consents = rest;
		}
	],
	['51 tags', (c) => (c.tags = Array(51).fill('x'))],
	['tag too long', (c) => (c.tags = [over(51)])],
	['allergy at the limit', (c) => (c.allergies = [over(200)])],
	['customFields ok', (c) => (c.customFields = { colore: 'rame 7.4' })],
	['customFields key too long', (c) => (c.customFields = { [over(41)]: 'x' })],
	['customFields value not string', (c) => (c.customFields = { colore: 7 })],
	['blacklisted a string', (c) => (c.blacklisted = 'no')],
	['createdAt negative', (c) => (c.createdAt = -1)],
	['createdAt fractional', (c) => (c.createdAt = 1.5)],
	['createdAt a string', (c) => (c.createdAt = '2025-01-01')],
	['updatedAt missing', (c) => delete c.updatedAt],
	['clock value too long', (c) => (c.clock = { firstName: over(65) })],
	['clock value a number', (c) => (c.clock = { firstName: 1 })],
	['id empty', (c) => (c.id = '')],
	['id too long', (c) => (c.id = over(41))],
	['sortName too long', (c) => (c.sortName = over(211))],
	['unknown top-level field', (c) => (c.vip = true)],
	['customerType unknown', (c) => (c.customerType = 'vip')]
];

describe('ajv (RxDB) and zod accept and reject the same client documents', () => {
	const samples = sampleClients(300);

	it('every generated card is valid for both', () => {
		for (const sample of samples) {
			expect(jsonAccepts(sample), sample.id).toBe(true);
			expect(zodAccepts(sample), sample.id).toBe(true);
		}
	});

	it.each(MUTATIONS)('%s: same verdict on many cards', (_, mutate) => {
		const rand = mulberry32(11);
		for (let i = 0; i < 40; i++) {
			const doc = structuredClone(samples[Math.floor(rand() * samples.length)]) as Record<
				string,
				unknown
			>;
			mutate(doc);
			expect(jsonAccepts(doc), JSON.stringify(doc).slice(0, 120)).toBe(zodAccepts(doc));
		}
	});

	it('the mutations really test both outcomes', () => {
		const verdicts = MUTATIONS.map(([, mutate]) => {
			const doc = structuredClone(samples[0]) as Record<string, unknown>;
			mutate(doc);
			return zodAccepts(doc);
		});
		expect(verdicts.filter(Boolean).length).toBeGreaterThanOrEqual(8);
		expect(verdicts.filter((v) => !v).length).toBeGreaterThanOrEqual(30);
	});

	it('both count characters, not UTF-16 units, in lengths', () => {
		const base = structuredClone(samples[0]) as Record<string, unknown>;
		const fits = { ...base, firstName: '💅'.repeat(100) };
		const tooLong = { ...base, firstName: '💅'.repeat(101) };
		expect([jsonAccepts(fits), zodAccepts(fits)]).toEqual([true, true]);
		expect([jsonAccepts(tooLong), zodAccepts(tooLong)]).toEqual([false, false]);
	});

	// The one deliberate difference: a card needs a first name or a surname, a cross-field rule
	// JSON schema cannot say simply. zod is the gate on every write (src/lib/db/clients.ts).
	it('zod alone requires a name, so it is the stricter side', () => {
		const nameless = { ...structuredClone(samples[0]), firstName: ' ', lastName: '' };
		expect(zodAccepts(nameless)).toBe(false);
		expect(jsonAccepts(nameless)).toBe(true);
	});
});
