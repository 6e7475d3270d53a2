// The per-salon data key of encryption at rest (issue 7), for both adapters. Insert-if-absent
// then read, so two server instances answering a salon's first two requests at once still hand
// out one key: the loser's fresh key is dropped by ON CONFLICT DO NOTHING.
import type Database from 'better-sqlite3';
import type pg from 'pg';

export function sqliteDataKeys(db: Database.Database) {
	const insert = db.prepare(
		'INSERT INTO data_keys (salon_id, data_key, created_at) VALUES (?, ?, ?) ON CONFLICT (salon_id) DO NOTHING'
	);
	const select = db.prepare<[string], { data_key: string }>(
		'SELECT data_key FROM data_keys WHERE salon_id = ?'
	);
	return async (salonId: string, fresh: string, at: number): Promise<string> => {
		const existing = select.get(salonId);
		if (existing) return existing.data_key;
		insert.run(salonId, fresh, at);
		return (select.get(salonId) as { data_key: string }).data_key;
	};
}

export function postgresDataKeys(pool: pg.Pool) {
	return async (salonId: string, fresh: string, at: number): Promise<string> => {
		await pool.query(
			`INSERT INTO data_keys (salon_id, data_key, created_at) VALUES ($1, $2, $3)
			 ON CONFLICT (salon_id) DO NOTHING`,
			[salonId, fresh, at]
		);
		const r = await pool.query<{ data_key: string }>(
			'SELECT data_key FROM data_keys WHERE salon_id = $1',
			[salonId]
		);
		return (r.rows[0] as { data_key: string }).data_key;
	};
}
