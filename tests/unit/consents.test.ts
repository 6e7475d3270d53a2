// Signed consents (issue 7 › 1): the current state of each scope from append-only records,
// withdrawals, concurrent records under sync, the wire document and its tombstone.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	consentWireSchema,
	currentConsents,
	effectiveSummary,
	hasProcessingConsent,
	toConsentTombstone,
	type ConsentRecord
} from '../../src/lib/domain/consents';
import { emptyClientFields } from '../../src/lib/domain/client';
import { mergeDocs } from '../../src/lib/domain/merge';
import { CONSENT_T0, makeConsent } from '../fixtures/consents';

const id = (n: number) => `0194a1b2-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('currentConsents', () => {
	it('a card with no records has every scope unasked and no processing consent', () => {
		const states = currentConsents([]);
		expect(states.processing.status).toBe('none');
		expect(states.photosSocial.history).toEqual([]);
		expect(hasProcessingConsent(states)).toBe(false);
	});

	it('the latest record naming a scope wins by time, whatever order they come in', () => {
		const first = makeConsent({ id: id(1), signedAt: CONSENT_T0 });
		const later = makeConsent({
			id: id(2),
			signedAt: CONSENT_T0 + 60_000,
			choices: [{ scope: 'marketingSms', choice: 'granted' }]
		});
		for (const records of [
			[first, later],
			[later, first]
		]) {
			const states = currentConsents(records);
			expect(states.marketingSms.status).toBe('granted');
			expect(states.marketingSms.record?.id).toBe(id(2));
			expect(states.marketingSms.history.map((r) => r.id)).toEqual([id(2), id(1)]);
			// A scope the later record does not name keeps its own latest record.
			expect(states.processing.status).toBe('granted');
			expect(states.processing.record?.id).toBe(id(1));
			expect(hasProcessingConsent(states)).toBe(true);
		}
	});

	it('a withdrawal is a new record that ends a granted scope and keeps the signature in history', () => {
		const signed = makeConsent({
			id: id(1),
			choices: [
				{ scope: 'processing', choice: 'granted' },
				{ scope: 'photosSocial', choice: 'granted' }
			]
		});
		const withdrawn = makeConsent({
			id: id(2),
			kind: 'withdrawn',
			signedAt: CONSENT_T0 + 1000,
			choices: [{ scope: 'photosSocial', choice: 'refused' }],
			signature: { width: 0, height: 0, strokes: [] }
		});
		expect(consentWireSchema.safeParse({ ...withdrawn, _deleted: false }).success).toBe(true);
		const states = currentConsents([signed, withdrawn]);
		expect(states.photosSocial.status).toBe('withdrawn');
		expect(states.photosSocial.history).toEqual([withdrawn, signed]);
		expect(states.processing.status).toBe('granted');
	});

	it('an equal time is decided by id, the same on every device', () => {
		const a = makeConsent({ id: id(5), choices: [{ scope: 'health', choice: 'refused' }] });
		const b = makeConsent({ id: id(6), choices: [{ scope: 'health', choice: 'granted' }] });
		expect(currentConsents([a, b]).health.status).toBe('granted');
		expect(currentConsents([b, a]).health.status).toBe('granted');
	});

	it('records signed concurrently on two offline devices both survive any delivery order', () => {
		const tablet = makeConsent({ id: id(10), deviceId: 'tablet', signedAt: CONSENT_T0 + 5 });
		const reception = makeConsent({
			id: id(11),
			deviceId: 'reception',
			signedAt: CONSENT_T0 + 3,
			choices: [{ scope: 'reminderEmail', choice: 'granted' }]
		});
		const docs = [tablet, reception].map((r) => ({ ...r, _deleted: false }));
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 8 }),
				(order) => {
					const store = new Map<string, (typeof docs)[number]>();
					for (const i of [...order, 0, 1]) {
						const doc = docs[i] as (typeof docs)[number];
						const had = store.get(doc.id);
						store.set(doc.id, had ? mergeDocs('consents', had, doc) : doc);
					}
					const states = currentConsents([...store.values()]);
					expect(store.size).toBe(2);
					expect(states.reminderEmail.record?.id).toBe(id(11));
					expect(states.processing.history.map((r) => r.id)).toEqual([id(10)]);
				}
			)
		);
	});

	it('signed records take precedence over the card summary, channel by channel', () => {
		const summary = { ...emptyClientFields().consents, marketingEmail: true, reminderSms: true };
		const states = currentConsents([
			makeConsent({
				choices: [
					{ scope: 'marketingEmail', choice: 'refused' },
					{ scope: 'marketingWhatsapp', choice: 'granted' }
				]
			})
		]);
		expect(effectiveSummary(summary, states)).toEqual({
			...summary,
			marketingEmail: false,
			marketingWhatsapp: true,
			reminderSms: true
		});
	});
});

describe('consent wire document', () => {
	const live = (r: ConsentRecord) => ({ ...r, _deleted: false });

	it('accepts a signed record and refuses one without a signature or with a duplicate scope', () => {
		expect(consentWireSchema.safeParse(live(makeConsent())).success).toBe(true);
		const unsigned = makeConsent({ signature: { width: 600, height: 200, strokes: [] } });
		expect(consentWireSchema.safeParse(live(unsigned)).success).toBe(false);
		const twice = makeConsent({
			choices: [
				{ scope: 'health', choice: 'granted' },
				{ scope: 'health', choice: 'refused' }
			]
		});
		expect(consentWireSchema.safeParse(live(twice)).success).toBe(false);
	});

	it('refuses a withdrawal that grants, an odd stroke and an oversized signature', () => {
		const grants = makeConsent({ kind: 'withdrawn' });
		expect(consentWireSchema.safeParse(live(grants)).success).toBe(false);
		const odd = makeConsent({ signature: { width: 10, height: 10, strokes: [[1, 2, 3]] } });
		expect(consentWireSchema.safeParse(live(odd)).success).toBe(false);
		const huge = makeConsent({
			signature: { width: 100, height: 100, strokes: Array(10).fill(Array(500).fill(5)) }
		});
		expect(consentWireSchema.safeParse(live(huge)).success).toBe(false);
	});

	it('a tombstone keeps no personal data, and one that does is refused', () => {
		const tombstone = { ...toConsentTombstone(makeConsent()), _deleted: true };
		expect(tombstone.signerName).toBe('');
		expect(tombstone.choices).toEqual([]);
		expect(tombstone.signature.strokes).toEqual([]);
		expect(consentWireSchema.safeParse(tombstone).success).toBe(true);
		expect(consentWireSchema.safeParse({ ...makeConsent(), _deleted: true }).success).toBe(false);
	});

	it('the merge is append-only: a tombstone wins over the live record in either order', () => {
		const record = live(makeConsent());
		const tombstone = { ...toConsentTombstone(record), _deleted: true };
		expect(mergeDocs('consents', record, tombstone)).toEqual(tombstone);
		expect(mergeDocs('consents', tombstone, record)).toEqual(tombstone);
		expect(mergeDocs('consents', record, record)).toEqual(record);
	});
});
