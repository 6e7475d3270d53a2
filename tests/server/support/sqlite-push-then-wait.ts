// Child process for the SIGKILL durability test: opens the SQLite file given as argv[2], pushes
// 50 batches, prints `{"done":{salonId,seq}}` once the last push resolved, then idles until killed.
import { randomUUID } from 'node:crypto';
import { openSqliteStorage } from '../../../sync-server/src/storage/sqlite.js';

const file = process.argv[2];
if (!file) throw new Error('usage: sqlite-push-then-wait.ts <file>');
const storage = await openSqliteStorage({ file });
const salonId = randomUUID();
const ownerId = randomUUID();
await storage.createSalon(
	{ id: salonId, name: 'Killed', createdAt: Date.now() },
	{
		id: ownerId,
		salonId,
		name: 'Owner',
		role: 'owner',
		tokenHash: randomUUID(),
		createdAt: Date.now(),
		lastSeenAt: null,
		revokedAt: null,
		locationId: null
	}
);
let seq = 0;
for (let batch = 0; batch < 50; batch++) {
	const rows = Array.from({ length: 10 }, (_, i) => ({
		assumed: null,
		next: { id: `b${batch}-${i}`, firstName: 'Maria', _deleted: false }
	}));
	const result = await storage.push(
		salonId,
		'clients',
		ownerId,
		rows,
		Date.now(),
		(_prev, next) => ({
			docId: (next as { id: string }).id,
			deviceId: ownerId,
			at: Date.now(),
			fields: ['firstName'],
			deleted: false
		})
	);
	seq = result.seq ?? seq;
}
process.stdout.write(JSON.stringify({ done: { salonId, seq } }) + '\n');
// Stay alive with the database open: the parent kills us.
setInterval(() => undefined, 60_000);
