// The body of a pull answer, `{ documents, checkpoint }`. A device whose role masks nothing gets
// the stored JSON text of each document spliced in as it is: a first sync's page is 5,000 cards
// (~13 MB), and parsing each stored row only to stringify it again was most of the server's time
// per page (bench/README.md › "First sync, fifth pass"). Every adapter stores a document's JSON
// text (SQLite: `JSON.stringify` of the validated document; PostgreSQL: jsonb, read back as its
// text), so the spliced answer parses to the same value as the stringified one. A role that sees
// masked cards gets them parsed, masked and stringified, as before. The answer is built as UTF-8
// bytes: SQLite hands a row's JSON over as its stored bytes, so a page of 13 MB is never decoded
// into JS strings and encoded again for the socket (~0.5 s of CPU per 50,000-card first sync,
// bench/README.md › "Where we stand — issue 8, eighth pass").
import type { Permission } from '../../../src/lib/domain/permissions.js';
import type { SyncedCollection } from '../../../src/lib/domain/sync-protocol.js';
import type { SyncStorage } from '../storage/types.js';
import { maskFor, needsMasking } from './replication-access.js';

export interface PullPage {
	salonId: string;
	collection: SyncedCollection;
	afterSeq: number;
	limit: number;
}

const OPEN = Buffer.from('{"documents":[');
const COMMA = Buffer.from(',');

const bytesOf = (json: string | Uint8Array): Uint8Array =>
	typeof json === 'string' ? Buffer.from(json) : json;

/** The pull answer as UTF-8 JSON, for a device holding `perms`. */
export async function pullAnswerJson(
	storage: SyncStorage,
	page: PullPage,
	perms: ReadonlySet<Permission>
): Promise<Buffer> {
	const { salonId, collection, afterSeq, limit } = page;
	if (needsMasking(collection, perms)) {
		const docs = await storage.pull(salonId, collection, afterSeq, limit);
		const text = JSON.stringify({
			documents: maskFor(
				collection,
				docs.map((d) => d.data),
				perms
			),
			checkpoint: { seq: docs.at(-1)?.seq ?? afterSeq }
		});
		return Buffer.from(text);
	}
	const rows = await storage.pullJson(salonId, collection, afterSeq, limit);
	const seq = rows.at(-1)?.seq ?? afterSeq;
	const parts: Uint8Array[] = [OPEN];
	rows.forEach((row, i) => {
		if (i > 0) parts.push(COMMA);
		parts.push(bytesOf(row.json));
	});
	parts.push(Buffer.from(`],"checkpoint":${JSON.stringify({ seq })}}`));
	return Buffer.concat(parts);
}
