// canonicalJson takes a fast path (a key-sorted copy through the native JSON.stringify); these
// check it gives exactly the string of the spelled-out definition, on generated JSON and on the
// keys a re-keyed copy cannot hold (array indexes, "__proto__").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	canonicalJson,
	canonicalJsonSpelled,
	sameCanonicalJson
} from '../../src/lib/domain/canonical-json';
import { wireBatches } from '../../bench/sync-bench';

/** The same value with every object's keys inserted in reverse order. */
function reversed(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(reversed);
	if (value === null || typeof value !== 'object') return value;
	const entries = Object.entries(value as Record<string, unknown>).reverse();
	return Object.fromEntries(entries.map(([k, v]) => [k, reversed(v)]));
}

describe('canonicalJson', () => {
	it('equals the spelled-out definition on any JSON value, whatever the key order', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const expected = canonicalJsonSpelled(value);
				expect(canonicalJson(value)).toBe(expected);
				expect(canonicalJson(reversed(value))).toBe(expected);
				// And it is JSON of the same value.
				expect(JSON.parse(expected)).toEqual(JSON.parse(JSON.stringify(value)));
			}),
			{ numRuns: 500 }
		);
	});

	it('equals the definition on generated client documents', () => {
		for (const doc of wireBatches(50).flat()) {
			expect(canonicalJson(doc)).toBe(canonicalJsonSpelled(doc));
			expect(canonicalJson(reversed(doc))).toBe(canonicalJsonSpelled(doc));
		}
	});

	it('sorts array-index keys as strings and keeps a "__proto__" key', () => {
		const indexed = { b: 1, 10: 'ten', 2: 'two', a: { 1: true, x: null } };
		expect(canonicalJson(indexed)).toBe('{"10":"ten","2":"two","a":{"1":true,"x":null},"b":1}');
		const proto = JSON.parse('{"z":1,"__proto__":{"polluted":true},"a":2}') as unknown;
		expect(canonicalJson(proto)).toBe('{"__proto__":{"polluted":true},"a":2,"z":1}');
		expect(canonicalJson([proto])).toBe(canonicalJsonSpelled([proto]));
	});

	it('treats undefined, functions and symbols as the definition does', () => {
		const odd = { a: undefined, b: () => 1, c: [undefined, Symbol('s'), 1], d: new Date(0) };
		expect(canonicalJson(odd)).toBe(canonicalJsonSpelled(odd));
		expect(canonicalJson(odd)).toBe('{"b":null,"c":[null,null,1],"d":{}}');
		expect(canonicalJson(undefined)).toBe('null');
		expect(canonicalJson(() => 1)).toBe('null');
		expect(canonicalJson(Number.NaN)).toBe('null');
		expect(() => canonicalJson({ big: 1n })).toThrow(TypeError);
	});

	it('sameCanonicalJson answers exactly whether the two encodings are equal', () => {
		// Few distinct leaves and keys, so equal and nearly equal pairs come up often.
		const { value } = fc.letrec((tie) => ({
			value: fc.oneof(
				{ depthSize: 'small' },
				fc.constantFrom(null, 0, 1, 'a', true, undefined, Number.NaN),
				fc.array(tie('value'), { maxLength: 3 }),
				fc.dictionary(fc.constantFrom('a', 'b', '1', '__proto__'), tie('value'), { maxKeys: 3 })
			)
		}));
		fc.assert(
			fc.property(value, value, (a, b) => {
				expect(sameCanonicalJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
				expect(sameCanonicalJson(a, reversed(a))).toBe(true);
			}),
			{ numRuns: 3000 }
		);
	});

	it('sameCanonicalJson tells an edited client document from its stored form', () => {
		const [doc] = wireBatches(1).flat() as Array<Record<string, unknown>>;
		const stored = JSON.parse(canonicalJson(doc)) as unknown;
		expect(sameCanonicalJson(stored, doc)).toBe(true);
		expect(sameCanonicalJson(stored, { ...doc!, profession: 'Other' })).toBe(false);
		const clock = { ...(doc!.clock as Record<string, string>), extra: 'x' };
		expect(sameCanonicalJson(stored, { ...doc!, clock })).toBe(false);
		expect(sameCanonicalJson(stored, { ...doc!, note: undefined })).toBe(
			canonicalJson(stored) === canonicalJson({ ...doc!, note: undefined })
		);
	});
});
