// Search as you type over 100,000 clients in Chromium (issue 8 item 2): each keystroke into
// the real search box (input → Svelte flush → style and layout), and the query alone against
// two peers on the same records in the same page: an RxDB `$regex` query on the collection and
// a Fuse.js index.
import { row } from '../stats';
import type { BenchModule } from '../types';

export const QUERIES = [
	'rossi',
	'maria rossi',
	'nicolo',
	'dangelo',
	'4567',
	'333 12',
	'giulia.bianchi',
	'FC1001',
	'иванова',
	'ferr',
	'sara m'
];

/** Every prefix a person types, in order. */
export const PREFIXES = QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));

/** RxDB reads every document per query (seconds at 100k): the peer gets 2-character, 4-character
 *  and complete texts of each query (complete ones first: a time budget may cut the list), and is
 *  compared with our index on the same texts. */
export const REGEX_TEXTS = [...new Set(QUERIES.flatMap((q) => [q.slice(0, 2), q.slice(0, 4), q]))];

const REGEX_BUDGET_MS = 120_000;

const search: BenchModule = {
	name: 'search',
	order: 20,
	async run(ctx) {
		const size = ctx.size(100_000);
		const page = await ctx.seededPage(size);
		const keystroke = await page.evaluate(async (queries) => {
			const input = document.querySelector<HTMLInputElement>('input[type="search"]');
			if (!input) throw new Error('no search box');
			const times: number[] = [];
			const type = async (value: string) => {
				input.value = value;
				input.dispatchEvent(new Event('input', { bubbles: true }));
				await new Promise((r) => setTimeout(r, 0));
				void document.body.offsetHeight;
			};
			for (const q of queries) {
				for (let i = 1; i <= q.length; i++) {
					const t0 = performance.now();
					await type(q.slice(0, i));
					times.push(performance.now() - t0);
				}
				await type('');
			}
			return times;
		}, QUERIES);
		// The query alone in passes of their own: typing narrows from the previous result, as
		// real typing does; these replace the index's last result.
		const ours = await page.evaluate(
			(texts) => texts.map((t) => window.__schedarioBench!.timeQuery(t)),
			PREFIXES
		);
		ctx.log('search: Fuse.js index…');
		const fuseBuild = await page.evaluate(() => window.__schedarioBench!.buildFuse());
		const fuse = await page.evaluate(
			(texts) => texts.map((t) => window.__schedarioBench!.timeFuse(t)),
			PREFIXES
		);
		ctx.log('search: RxDB $regex…');
		// Each $regex query reads the whole collection (seconds at 100k, more on a busy machine):
		// the peer stops after REGEX_BUDGET_MS and is compared on the texts it got to.
		const regex: number[] = [];
		const regexStarted = performance.now();
		for (const text of REGEX_TEXTS) {
			if (regex.length >= 3 && performance.now() - regexStarted > REGEX_BUDGET_MS) break;
			regex.push(await page.evaluate((t) => window.__schedarioBench!.timeRegex(t), text));
		}
		const oursOnRegexTexts = REGEX_TEXTS.slice(0, regex.length).map(
			(t) => ours[PREFIXES.indexOf(t)] ?? Number.NaN
		);
		await page.close();
		return [
			row(`search keystroke → list updated, ${size} clients`, 'ms', keystroke, {
				target: 'p95 < 16'
			}),
			row(`search query vs Fuse.js, ${size} clients`, 'ms', ours, {
				peer: { name: 'Fuse.js 7', samples: fuse }
			}),
			row(`search query vs RxDB $regex, ${size} clients`, 'ms', oursOnRegexTexts, {
				peer: { name: 'RxDB $regex', samples: regex }
			}),
			row(`Fuse.js index build, ${size} clients`, 'ms', [fuseBuild])
		];
	}
};

export default search;
