// Picks the adapter from the configuration: PostgreSQL when DATABASE_URL is set (chains, several
// server instances), else the embedded SQLite file under DATA_DIR.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { openPostgresStorage } from './postgres.js';
import { openSqliteStorage } from './sqlite.js';
import type { SyncStorage } from './types.js';

export type { SyncStorage } from './types.js';

export const SQLITE_FILE_NAME = 'schedario.sqlite';

/** Opens and migrates the storage the configuration asks for. */
export async function openStorage(
	config: Pick<Config, 'dataDir' | 'databaseUrl'>
): Promise<SyncStorage> {
	let storage: SyncStorage;
	if (config.databaseUrl) {
		storage = await openPostgresStorage({ url: config.databaseUrl });
	} else {
		mkdirSync(config.dataDir, { recursive: true });
		storage = await openSqliteStorage({ file: join(config.dataDir, SQLITE_FILE_NAME) });
	}
	try {
		await storage.migrate();
	} catch (error) {
		await storage.close();
		throw error;
	}
	return storage;
}
