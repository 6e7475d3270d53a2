// Benchmark peer (bench/modules/search.bench.ts, issue 8): what a search over the collection
// costs with RxDB's own query engine — a case-insensitive `$regex` per word on the name, phone,
// e-mail and card fields, every word required. Only the bench hook (?bench=1) loads this.
import type { MangoQuerySelector } from 'rxdb';
import type { SchedarioDatabase } from './database';
import type { ClientDocType } from './schemas/client.schema';

const FIELDS = [
	'firstName',
	'lastName',
	'phones.raw',
	'phones.e164',
	'emails',
	'fidelityCardNumber'
];

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Number of clients an RxDB `$regex` query finds for `text` (words ANDed, fields ORed). */
export async function regexSearchCount(db: SchedarioDatabase, text: string): Promise<number> {
	const words = text.trim().split(/\s+/).filter(Boolean);
	const selector: MangoQuerySelector<ClientDocType> = {
		$and: words.map((word) => ({
			$or: FIELDS.map((field) => ({ [field]: { $regex: escapeRegex(word), $options: 'i' } }))
		}))
	} as MangoQuerySelector<ClientDocType>;
	const docs = await db.clients.find({ selector }).exec();
	return docs.length;
}
