// A first sync of more than one bootstrap page (5,000 cards) in real Chromium against the real
// sync server: the client book takes the pages after the first quietly and announces them when
// the bootstrap ends (src/lib/state/quiet-arrivals.ts). The list open during the pairing must
// end showing every card — its count, and a card of the last page found by search — without a
// reload; were the end never announced, it would stay at the first page's 5,000. Meanwhile the
// header's sync status counts the cards received.
import { expect, test } from '@playwright/test';
import { wireBatches } from '../../bench/sync-bench';
import {
	expectNoSeriousA11yViolations,
	gotoApp,
	newDevice,
	pairWithCode,
	pairingCodeOf,
	pushDocs,
	seedSalon
} from './support';

const CARDS = 5_400; // a full page of 5,000, then one of 400 (held back, then announced)

/** Bench cards made distinct (own names, no contacts or codes), so none merges as a duplicate
 *  and the list's count is the number of cards. */
function distinctCards(count: number): Record<string, unknown>[] {
	return wireBatches(count)
		.flat()
		.map((doc, i) => {
			const { sets: _sets, ...rest } = doc;
			const firstName = `Quiet${String(i).padStart(4, '0')}`;
			const lastName = `Card${String(i).padStart(4, '0')}`;
			return {
				...rest,
				firstName,
				lastName,
				sortName: `${lastName} ${firstName}`.toLowerCase(),
				phones: [],
				emails: [],
				fiscalCode: '',
				nationalId: ''
			};
		});
}

test('a first sync of several pages ends with every card in the list open during it', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const tablet = await newDevice(browser);
	const tb = tablet.page;
	try {
		await gotoApp(tb, '/pair');
		const owner = await seedSalon(tb, 'Salone Quieto');
		const cards = distinctCards(CARDS);
		await pushDocs(tb, owner, 'clients', cards);
		const code = await pairingCodeOf(tb, owner);

		// Every text the header's sync status takes during the pairing, kept across page loads.
		await tb.addInitScript(() => {
			const seen = () => JSON.parse(sessionStorage.getItem('statusTexts') ?? '[]') as string[];
			new MutationObserver(() => {
				const text = document.querySelector('[data-sync-kind] [role="status"]')?.textContent;
				const texts = seen();
				if (text && texts.at(-1) !== text) {
					sessionStorage.setItem('statusTexts', JSON.stringify([...texts, text]));
				}
			}).observe(document, { subtree: true, childList: true, characterData: true });
		});
		await pairWithCode(tb, code, 'Tablet', { bench: true, timeout: 120_000 });
		// While the cards arrive the header counts them, page by page; then it says "Synced" (and
		// may say "Syncing…" again for a moment: the salon's other collections start after).
		const texts = await tb.evaluate(
			() => JSON.parse(sessionStorage.getItem('statusTexts') ?? '[]') as string[]
		);
		const counts = texts.filter((text) => text.startsWith("Receiving the salon's clients"));
		expect(counts).toEqual([
			"Receiving the salon's clients: 5,000",
			"Receiving the salon's clients: 5,400"
		]);
		expect(texts.slice(texts.indexOf(counts.at(-1)!) + 1)).toContain('Synced');
		await expect
			.poll(() => tb.evaluate(() => window.__schedarioBench?.storedCount() ?? -1))
			.toBe(CARDS);
		// The list shows the whole book, not the first page only.
		await expect(tb.locator('p.count[role="status"]')).toHaveText('5,400 clients');
		const last = cards.at(-1) as { firstName: string; lastName: string };
		await tb.getByRole('searchbox').first().fill(last.firstName);
		await expect(
			tb.getByRole('link', { name: `${last.firstName} ${last.lastName}` }).first()
		).toBeVisible();
		await expect(tb.locator('p.count[role="status"]')).toHaveText('1 client');
		await expectNoSeriousA11yViolations(tb);
	} finally {
		await tablet.context.close();
	}
});
