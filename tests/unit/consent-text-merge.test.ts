// Consent texts edited offline by two owner devices (consent-text-merge.ts): the settings merge
// keeps the union of the versions, whatever the order; the current text is the newest by HLC;
// a record signed on either "version 3" still finds its exact text by hash; texts stored before
// versions had ids are read, merged and validated (app and server) the same way.
import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
	consentTextVersionsOf,
	mergeConsentTextSettings,
	unionConsentTexts
} from '$lib/domain/consent-text-merge';
import {
	consentTextsSchema,
	defaultText,
	findSignedText,
	hashConsentText,
	latestText,
	reviseText,
	versionsOf,
	type ConsentTextDraft,
	type ConsentTextVersion
} from '$lib/domain/consent-texts';
import { HybridClock } from '$lib/domain/hlc';
import { conflictHandlerFor, isEqualDoc, mergeDocs } from '$lib/domain/merge';
import { documentSchemaFor } from '$lib/domain/sync-protocol';
import { createSchedarioDatabase, type SchedarioDatabase } from '$lib/db/database';
import { getSettings, saveSettings, settingsFromEntries } from '$lib/db/settings';

const T0 = 1_763_942_400_000;
const setting = (value: unknown, updatedAt: number) => ({
	key: 'consentTexts',
	value,
	updatedAt,
	_deleted: false
});
const draftOf = (text: ConsentTextVersion, title: string): ConsentTextDraft => ({
	title,
	intro: text.intro,
	scopes: { ...text.scopes }
});
const recordOn = async (text: ConsentTextVersion) => ({
	locale: text.locale,
	textVersion: text.version,
	textHash: await hashConsentText(text)
});

/** Two owner devices share versions 1 and 2, then each saves a "version 3" offline. */
function twoOfflineEdits() {
	const a = new HybridClock('ownera', () => T0);
	const b = new HybridClock('ownerb', () => T0 + 5);
	const v2 = reviseText([], 'it', draftOf(defaultText('it'), 'Privacy 2'), T0, a.tick());
	b.receive(a.last!);
	const onA = reviseText(v2.texts, 'it', draftOf(defaultText('it'), 'Privacy A'), T0 + 1, a.tick());
	const onB = reviseText(v2.texts, 'it', draftOf(defaultText('it'), 'Privacy B'), T0 + 6, b.tick());
	return { shared: v2.texts, onA: onA.texts, onB: onB.texts, versions: [onA.version, onB.version] };
}

describe('consent texts saved offline on two owner devices', () => {
	it('both "version 3" survive the merge, in either order, and the newest by HLC is current', async () => {
		const { onA, onB, versions } = twoOfflineEdits();
		expect(versions).toEqual([3, 3]);
		const docA = setting(onA, T0 + 1);
		const docB = setting(onB, T0 + 6);
		const ab = mergeDocs('settings', docA, docB);
		const ba = mergeDocs('settings', docB, docA);
		expect(isEqualDoc(ab, ba)).toBe(true);
		// Last-writer-wins would have kept only B's list.
		const merged = settingsFromEntries([ab]).consentTexts;
		expect(versionsOf(merged, 'it').map((t) => [t.version, t.title])).toEqual([
			[3, 'Privacy B'],
			[3, 'Privacy A'],
			[2, 'Privacy 2'],
			[1, defaultText('it').title]
		]);
		// B saved later (its HLC is larger): its text is the one new signatures use.
		expect(latestText(merged, 'it').title).toBe('Privacy B');
		// A record signed on each version 3 finds its own text, never the other one.
		const textA = onA.find((t) => t.title === 'Privacy A')!;
		const textB = onB.find((t) => t.title === 'Privacy B')!;
		expect((await findSignedText(merged, await recordOn(textA)))?.title).toBe('Privacy A');
		expect((await findSignedText(merged, await recordOn(textB)))?.title).toBe('Privacy B');
		// The next save numbers after both.
		const next = reviseText(
			merged,
			'it',
			draftOf(textB, 'Privacy 4'),
			T0 + 9,
			`${T0 + 9}-0000-ownera`
		);
		expect(next.version).toBe(4);
		// The merged document is valid on the wire (the server validates known settings keys).
		expect(documentSchemaFor('settings').safeParse(ab).success).toBe(true);
		// RxDB's conflict handler resolves to the same union.
		const resolved = await conflictHandlerFor<typeof docA>('settings').resolve({
			newDocumentState: docA,
			realMasterState: docB
		});
		expect(isEqualDoc(resolved, ab)).toBe(true);
	});

	it('a record never matches a look-alike: a wrong hash finds nothing', async () => {
		const { onA } = twoOfflineEdits();
		const v3 = onA.find((t) => t.version === 3)!;
		const record = { ...(await recordOn(v3)), textHash: '0'.repeat(64) };
		expect(await findSignedText(onA, record)).toBeNull();
	});

	it('other settings keys still merge last-writer-wins', () => {
		const older = { key: 'salonName', value: 'Old', updatedAt: 1, _deleted: false };
		const newer = { key: 'salonName', value: 'New', updatedAt: 2, _deleted: false };
		expect(mergeDocs('settings', older, newer)).toBe(newer);
	});
});

describe('texts stored before versions had ids', () => {
	const legacyV2 = {
		locale: 'en',
		version: 2,
		createdAt: T0,
		title: 'Old privacy',
		intro: 'Old intro',
		scopes: { ...defaultText('en').scopes }
	};
	const legacyDefault = (({ id: _i, savedAt: _s, ...rest }) => rest)(defaultText('en'));

	it('are read with a deterministic id and stamp, and their hash is unchanged', async () => {
		const parsed = consentTextsSchema.parse([legacyDefault, legacyV2]);
		expect(parsed[1]).toMatchObject({ ...legacyV2, id: `en-v2-${T0}` });
		expect(consentTextsSchema.parse([legacyDefault, legacyV2])).toEqual(parsed);
		expect(parsed[0]!.id).toBe(defaultText('en').id);
		// A record signed on the legacy version still finds it (id and stamp are not hashed).
		const record = {
			locale: 'en' as const,
			textVersion: 2,
			textHash: await hashConsentText(legacyV2 as ConsentTextVersion)
		};
		expect((await findSignedText(parsed, record))?.title).toBe('Old privacy');
		expect(settingsFromEntries([{ key: 'consentTexts', value: [legacyV2] }]).consentTexts).toEqual([
			parsed[1]
		]);
		// The server accepts what an older app pushes.
		expect(documentSchemaFor('settings').safeParse(setting([legacyV2], T0)).success).toBe(true);
	});

	it('merge with their upgraded copy into one version each', () => {
		const upgraded = consentTextsSchema.parse([legacyDefault, legacyV2]);
		const v3 = reviseText(
			upgraded,
			'en',
			draftOf(upgraded[1]!, 'New'),
			T0 + 1,
			`${T0 + 1}-0000-dev`
		);
		const merged = mergeConsentTextSettings(
			setting([legacyDefault, legacyV2], T0),
			setting(v3.texts, T0 + 1)
		);
		expect((merged.value as ConsentTextVersion[]).map((t) => t.version)).toEqual([1, 2, 3]);
	});
});

// ---------------------------------------------------------------------------------- properties

const STAMPS = ['ownera', 'ownerb', 'ownerc'];
/** A pool of versions: the same id always carries the same content, as saved versions do. */
const pool: ConsentTextVersion[] = Array.from({ length: 12 }, (_, i) => {
	const stamp = `${T0 + (i % 5)}-000${i % 3}-${STAMPS[i % 3]}`;
	const locale = (['it', 'en'] as const)[i % 2]!;
	return {
		...defaultText(locale),
		id: stamp,
		savedAt: stamp,
		version: 2 + (i % 4),
		createdAt: T0 + i,
		title: `Text ${i}`
	};
});
const listArb = fc
	.subarray(pool)
	.chain((list) => fc.shuffledSubarray(list, { minLength: list.length }));
const docArb = fc.record({
	value: listArb,
	updatedAt: fc.integer({ min: 0, max: 5 }),
	_deleted: fc.boolean()
});
const docOf = (d: { value: ConsentTextVersion[]; updatedAt: number; _deleted: boolean }) => ({
	key: 'consentTexts',
	...d
});

describe('the consentTexts merge is a join', () => {
	const merge = (a: ReturnType<typeof docOf>, b: ReturnType<typeof docOf>) =>
		mergeDocs('settings', a, b);

	it('is commutative, associative and idempotent, and keeps every version of both sides', () => {
		fc.assert(
			fc.property(docArb, docArb, docArb, (x, y, z) => {
				const [a, b, c] = [docOf(x), docOf(y), docOf(z)];
				const ab = merge(a, b);
				expect(isEqualDoc(ab, merge(b, a))).toBe(true);
				expect(isEqualDoc(merge(ab, c), merge(a, merge(b, c)))).toBe(true);
				expect(isEqualDoc(merge(ab, ab), ab)).toBe(true);
				expect(isEqualDoc(merge(ab, a), ab)).toBe(true);
				const ids = new Set((ab.value as ConsentTextVersion[]).map((t) => t.id));
				for (const t of [...a.value, ...b.value]) expect(ids.has(t.id)).toBe(true);
				expect(ids.size).toBe((ab.value as unknown[]).length);
			}),
			{ numRuns: 500 }
		);
	});

	it('ignores the delivery order: the same current text on every device', () => {
		fc.assert(
			fc.property(fc.array(docArb, { minLength: 1, maxLength: 6 }), fc.nat(), (docs, seed) => {
				const list = docs.map(docOf);
				const shuffled = [...list].sort(
					(p, q) => ((list.indexOf(p) * 7 + seed) % 11) - ((list.indexOf(q) * 7 + seed) % 11)
				);
				const one = list.reduce(merge);
				const two = shuffled.reduce(merge);
				expect(isEqualDoc(one, two)).toBe(true);
				for (const locale of ['it', 'en'] as const) {
					const texts = consentTextVersionsOf(one.value);
					expect(latestText(texts, locale).id).toBe(
						latestText(consentTextVersionsOf(two.value), locale).id
					);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('drops nothing valid and keeps nothing invalid from hand-made values', () => {
		expect(unionConsentTexts('garbage', [pool[0]])).toEqual([pool[0]]);
		expect(unionConsentTexts([{ id: 'x' }, pool[1]], null)).toEqual([pool[1]]);
	});
});

// ---------------------------------------------------------------------------------- repository

const open: SchedarioDatabase[] = [];
afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.close()));
});

describe('saving a text on a device', () => {
	it('unions with the stored versions instead of overwriting one that arrived meanwhile', async () => {
		const db = await createSchedarioDatabase({
			name: `consent-texts-${Date.now()}`,
			storage: getRxStorageDexie({ indexedDB, IDBKeyRange })
		});
		open.push(db);
		const { onA, onB } = twoOfflineEdits();
		await saveSettings(db, { consentTexts: onA });
		// The owner's screen still shows the list without A's version 3 when B's arrives.
		await saveSettings(db, { consentTexts: onB });
		const stored = (await getSettings(db)).consentTexts;
		expect(versionsOf(stored, 'it').map((t) => t.title)).toEqual([
			'Privacy B',
			'Privacy A',
			'Privacy 2',
			defaultText('it').title
		]);
	});
});
