// GDPR erasure in storage (issue 7 › Deliver 3), one suite for both adapters: the erase
// transaction removes the client's content and revisions (checked in the tables themselves, not
// through the adapter), and a stale device can never write the client or anything about it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERASED_CLOCK_KEY, toErasedClient } from '../../src/lib/domain/erasure.js';
import type { PushRow, SyncStorage } from '../../sync-server/src/storage/types.js';
import { makeConsent } from '../fixtures/consents.js';
import { makeNote } from '../fixtures/notes-files.js';
import { describeChange, insert, makeDoc, makeSalon, T0 } from './support/storage-factories.js';

/** What a test reads straight from the adapter's tables. */
export interface RawTables {
	docs(salonId: string): Promise<Array<{ collection: string; id: string; data: unknown }>>;
	revisions(salonId: string): Promise<Array<{ collection: string; doc_id: string }>>;
	erasures(salonId: string): Promise<Array<{ client_id: string; at: number }>>;
}

const PERSONAL = ['Maria', 'Rossi', '+393331234567', 'nichel', 'Allergic', 'Colore 7.4'];

export function describeErasureContract(
	name: string,
	open: () => Promise<{ storage: SyncStorage; raw: RawTables }>
): void {
	describe(`SyncStorage erasure: ${name}`, () => {
		let storage: SyncStorage;
		let raw: RawTables;
		const push = (salonId: string, collection: string, rows: PushRow[], device = 'dev-b') =>
			storage.push(salonId, collection, device, rows, T0 + 5000, describeChange);

		beforeAll(async () => {
			({ storage, raw } = await open());
		});
		afterAll(async () => {
			await storage?.close();
		});

		/** A salon with Maria's card (edited twice), a note, a visit, a link to her duplicate, an
		 *  import batch naming both, and another client who must stay untouched. */
		async function salonWithMaria() {
			const { salonId } = await makeSalon(storage);
			const card = makeDoc('c1', { phones: ['+393331234567'], allergies: ['nichel'] });
			await push(salonId, 'clients', [
				insert(card),
				insert(makeDoc('c2')),
				insert(makeDoc('c9', { firstName: 'Anna', lastName: 'Bianchi' }))
			]);
			const edited = { ...card, note: 'Allergic to nickel' };
			await push(salonId, 'clients', [{ assumed: card, next: edited }]);
			const note = {
				...makeNote({ id: 'n1', clientId: 'c1', deviceName: 'Tablet' }),
				_deleted: false
			};
			const visit = {
				id: 'v1',
				clientId: 'c2',
				note: 'Colore 7.4',
				staffName: 'Giulia',
				_deleted: false
			};
			const otherNote = { ...note, id: 'n9', clientId: 'c9', text: 'Anna likes tea' };
			await push(salonId, 'notes', [insert(note), insert(otherNote)]);
			await push(salonId, 'visits', [insert(visit)]);
			const consent = {
				...makeConsent({ id: 'k1', clientId: 'c1', signerName: 'Maria Rossi' }),
				_deleted: false
			};
			await push(salonId, 'consents', [insert(consent)]);
			const link = {
				id: 'c1~c2',
				a: 'c1',
				b: 'c2',
				staff: 'Giulia',
				choices: { firstName: 'Maria' },
				clock: { state: 'x' },
				_deleted: false
			};
			await push(salonId, 'links', [insert(link)]);
			const batch = {
				id: 'i1',
				createdIds: ['c1', 'c9'],
				filled: [{ id: 'c2', field: 'note', previous: '""', value: '"Maria"', clock: '' }],
				status: 'committed',
				_deleted: false
			};
			await push(salonId, 'imports', [insert(batch)]);
			return { salonId, edited, note, visit, link };
		}

		it('erases the merged group in one go: tombstones without personal data, no revisions', async () => {
			const { salonId } = await salonWithMaria();
			const before = await raw.revisions(salonId);
			expect(before.filter((r) => r.doc_id === 'c1')).toHaveLength(2);

			const result = await storage.erase(salonId, ['c1', 'c2'], T0 + 10_000, 'dev-a');
			expect(result.documents).toBe(7); // c1, c2, note, visit, consent, link, import batch
			expect(result.seq).not.toBeNull();

			const docs = await raw.docs(salonId);
			const about = docs.filter((d) =>
				['c1', 'c2', 'n1', 'v1', 'k1', 'c1~c2', 'i1'].includes(d.id)
			);
			for (const doc of about) {
				const json = JSON.stringify(doc.data);
				for (const word of PERSONAL)
					expect(json, `${doc.collection}/${doc.id}`).not.toContain(word);
			}
			const card = docs.find((d) => d.collection === 'clients' && d.id === 'c1')!.data as Record<
				string,
				unknown
			>;
			expect(card).toEqual(toErasedClient('c1', T0 + 10_000));
			expect((card.clock as Record<string, string>)[ERASED_CLOCK_KEY]).toBeDefined();
			for (const id of ['n1', 'v1', 'k1', 'c1~c2']) {
				expect((docs.find((d) => d.id === id)!.data as { _deleted: boolean })._deleted).toBe(true);
			}
			expect(docs.find((d) => d.id === 'i1')!.data).toMatchObject({
				createdIds: ['c9'],
				filled: []
			});
			// Anna, who was not erased, keeps her card, her note and their history.
			expect(docs.find((d) => d.id === 'c9')!.data).toMatchObject({ firstName: 'Anna' });
			expect(docs.find((d) => d.id === 'n9')!.data).toMatchObject({ text: 'Anna likes tea' });

			const revisions = await raw.revisions(salonId);
			const erasedIds = new Set(['c1', 'c2', 'n1', 'v1', 'k1', 'c1~c2', 'i1']);
			expect(revisions.filter((r) => erasedIds.has(r.doc_id))).toEqual([]);
			expect(revisions.some((r) => r.doc_id === 'c9')).toBe(true);
			expect(revisions.some((r) => r.doc_id === 'n9')).toBe(true);

			expect((await raw.erasures(salonId)).map((e) => e.client_id).sort()).toEqual(['c1', 'c2']);
			expect(await storage.isErased(salonId, 'c1')).toBe(true);
			expect(await storage.isErased(salonId, 'c9')).toBe(false);
			// Devices pull the tombstones like any change.
			const pulled = await storage.pull(salonId, 'clients', 0, 100);
			expect(pulled.find((d) => d.id === 'c1')?.data).toEqual(card);
		});

		it('refuses a stale push of the old card, assumed the pre-erasure master or null', async () => {
			const { salonId, edited } = await salonWithMaria();
			await storage.erase(salonId, ['c1'], T0 + 10_000, 'dev-a');
			const tombstone = await storage.getDocument(salonId, 'clients', 'c1');
			const seqBefore = (await storage.pull(salonId, 'clients', 0, 100)).at(-1)!.seq;
			const revived = { ...edited, firstName: 'Mariella' };
			for (const assumed of [edited, null]) {
				const result = await push(salonId, 'clients', [{ assumed, next: revived }]);
				expect(result).toEqual({ conflicts: [tombstone], seq: null });
			}
			expect(await storage.getDocument(salonId, 'clients', 'c1')).toEqual(tombstone);
			expect(await storage.pull(salonId, 'clients', seqBefore, 100)).toEqual([]);
			expect((await raw.revisions(salonId)).filter((r) => r.doc_id === 'c1')).toEqual([]);
		});

		it('refuses a new note for the erased client: its tombstone is stored and returned', async () => {
			const { salonId } = await salonWithMaria();
			await storage.erase(salonId, ['c1'], T0 + 10_000, 'dev-a');
			const late = {
				...makeNote({ id: 'n2', clientId: 'c1', text: 'Written offline' }),
				_deleted: false
			};
			const result = await push(salonId, 'notes', [insert(late)]);
			expect(result.conflicts).toHaveLength(1);
			const stored = await storage.getDocument(salonId, 'notes', 'n2');
			expect(result.conflicts[0]).toEqual(stored);
			expect(stored).toMatchObject({ id: 'n2', clientId: 'c1', text: '', _deleted: true });
			expect(JSON.stringify(stored)).not.toContain('Written offline');
			expect((await raw.revisions(salonId)).filter((r) => r.doc_id === 'n2')).toEqual([]);
			// A link to the erased card from a stale merge is refused the same way.
			const link = {
				id: 'c1~c9',
				a: 'c1',
				b: 'c9',
				staff: 'Giulia',
				choices: {},
				clock: { state: 'y' },
				_deleted: false
			};
			const linked = await push(salonId, 'links', [insert(link)]);
			expect(linked.conflicts).toEqual([{ ...link, staff: '', _deleted: true }]);
			// Other clients are written as usual in the same salon.
			const fine = await push(salonId, 'notes', [insert({ ...late, id: 'n3', clientId: 'c9' })]);
			expect(fine.conflicts).toEqual([]);
		});

		it('is idempotent and leaves other salons alone', async () => {
			const one = await salonWithMaria();
			const two = await salonWithMaria();
			await storage.erase(one.salonId, ['c1'], T0 + 10_000, 'dev-a');
			const again = await storage.erase(one.salonId, ['c1'], T0 + 10_000, 'dev-a');
			expect(again.documents).toBe(0);
			expect(await storage.getDocument(two.salonId, 'clients', 'c1')).toMatchObject({
				firstName: 'Maria'
			});
			expect(await storage.isErased(two.salonId, 'c1')).toBe(false);
			const ok = await push(two.salonId, 'clients', [
				{ assumed: two.edited, next: { ...two.edited, firstName: 'Mariella' } }
			]);
			expect(ok.conflicts).toEqual([]);
		});
	});
}
