// The one module that creates the RxDB database. Dev-mode stays out on purpose (it needs a
// validating storage and phones home from the browser); writes are validated with zod in the
// repositories instead.
import {
	addRxPlugin,
	createRxDatabase,
	removeRxDatabase,
	type RxCollection,
	type RxConflictHandler,
	type RxDatabase,
	type RxStorage,
	type WithDeleted
} from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { isEqualDoc, mergeDocs } from '$lib/domain/merge';
import type { SyncedCollection } from '$lib/domain/sync-protocol';
import {
	APP_DATABASE_NAMES,
	atRestSchema,
	atRestStorage,
	PLAIN_DATABASE_NAME,
	REMOVAL_PASSWORD
} from './encryption';
import { clientMigrationStrategies } from './migrations/client';
import { categoryJsonSchema, type CategoryDocType } from './schemas/categories.schema';
import { clientJsonSchema, type ClientDocType } from './schemas/client.schema';
import { importBatchJsonSchema, type ImportBatchDocType } from './schemas/imports.schema';
import { fileJsonSchema, type FileDocType } from './schemas/files.schema';
import { noteJsonSchema, type NoteDocType } from './schemas/notes.schema';
import { settingJsonSchema, type SettingDocType } from './schemas/settings.schema';
import { sourceJsonSchema, type SourceDocType } from './schemas/sources.schema';
import { linkJsonSchema, type LinkDocType } from './schemas/links.schema';
import { visitJsonSchema, type VisitDocType } from './schemas/visit.schema';
import { catalogJsonSchema, type CatalogDocType } from './schemas/catalog.schema';
import { consentJsonSchema, type ConsentDocType } from './schemas/consents.schema';
import { staffJsonSchema, type StaffDocType } from './schemas/staff.schema';
import { holdTabPresence } from './tab-broadcast';

export type ClientCollection = RxCollection<ClientDocType>;
export type CategoryCollection = RxCollection<CategoryDocType>;
export type SourceCollection = RxCollection<SourceDocType>;
export type SettingCollection = RxCollection<SettingDocType>;
export type ImportBatchCollection = RxCollection<ImportBatchDocType>;
export type LinkCollection = RxCollection<LinkDocType>;
export type VisitCollection = RxCollection<VisitDocType>;
export type CatalogCollection = RxCollection<CatalogDocType>;
export type NoteCollection = RxCollection<NoteDocType>;
export type FileCollection = RxCollection<FileDocType>;
export type ConsentCollection = RxCollection<ConsentDocType>;
export type StaffCollection = RxCollection<StaffDocType>;

export interface SchedarioCollections {
	clients: ClientCollection;
	categories: CategoryCollection;
	sources: SourceCollection;
	settings: SettingCollection;
	imports: ImportBatchCollection;
	links: LinkCollection;
	visits: VisitCollection;
	catalog: CatalogCollection;
	notes: NoteCollection;
	files: FileCollection;
	consents: ConsentCollection;
	staff: StaffCollection;
}

export type SchedarioDatabase = RxDatabase<SchedarioCollections>;

export const APP_DATABASE_NAME = PLAIN_DATABASE_NAME;

addRxPlugin(RxDBMigrationSchemaPlugin);
// Only one tab of a device replicates (replication.ts waits for leadership).
addRxPlugin(RxDBLeaderElectionPlugin);

/** What replication does with a conflict the server reported: the domain merge (DESIGN.md ›
 *  Merge rules). RxDB ≥ 16 takes the handler per collection in addCollections. */
function conflictHandlerFor<T>(collection: SyncedCollection): RxConflictHandler<T> {
	return {
		isEqual: (a, b) => isEqualDoc(a, b),
		// Takes the collection from the closure: RxDB passes a context string second.
		resolve: (input) =>
			Promise.resolve(
				mergeDocs(
					collection,
					input.newDocumentState as { _deleted?: boolean },
					input.realMasterState as { _deleted?: boolean }
				) as WithDeleted<T>
			)
	};
}

/** Cards per storage write while RxDB migrates the stored clients to a new schema version.
 *  RxDB's default (10) took 216 s for 10,000 cards in Chromium, 1,000 18 s, 5,000 9–17 s
 *  (bench/README, eleventh pass). A batch is in memory at once, as a bootstrap page of 5,000 is. */
export const CLIENT_MIGRATION_BATCH = 5000;

export interface CreateDatabaseOptions {
	name: string;
	/** Defaults to Dexie over the browser's IndexedDB; tests pass Dexie over fake-indexeddb. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's internals differ per storage
	storage?: RxStorage<any, any>;
	/** The salon's data key: health fields and notes' text are stored encrypted with it
	 *  (encryption.ts). The database's name must then be one that was always encrypted. */
	password?: string;
	/** Told `true` before the stored cards are migrated to a newer schema version (a large book
	 *  takes a while, once per update), `false` when that has ended, done or failed. */
	onMigration?: (running: boolean) => void;
	/** Cards per write of that migration: CLIENT_MIGRATION_BATCH unless a test wants several. */
	migrationBatch?: number;
}

export async function createSchedarioDatabase(
	opts: CreateDatabaseOptions
): Promise<SchedarioDatabase> {
	// Before opening: lets a first sync know whether another tab reads this database (tab-broadcast.ts).
	await holdTabPresence(opts.name);
	const db = await createRxDatabase<SchedarioCollections>({
		name: opts.name,
		storage: atRestStorage(opts.storage ?? getRxStorageDexie(), opts.password),
		password: opts.password,
		// Other tabs' writes arrive in the change streams over a BroadcastChannel.
		multiInstance: true,
		eventReduce: true
	});
	try {
		await db.addCollections({
			clients: {
				schema: atRestSchema(clientJsonSchema, 'clients', opts.password),
				migrationStrategies: clientMigrationStrategies,
				// Migrated below with a larger batch than RxDB's default of 10.
				autoMigrate: false,
				conflictHandler: conflictHandlerFor<ClientDocType>('clients')
			},
			categories: {
				schema: categoryJsonSchema,
				conflictHandler: conflictHandlerFor<CategoryDocType>('categories')
			},
			sources: {
				schema: sourceJsonSchema,
				conflictHandler: conflictHandlerFor<SourceDocType>('sources')
			},
			settings: {
				schema: settingJsonSchema,
				conflictHandler: conflictHandlerFor<SettingDocType>('settings')
			},
			imports: {
				schema: importBatchJsonSchema,
				conflictHandler: conflictHandlerFor<ImportBatchDocType>('imports')
			},
			links: {
				schema: linkJsonSchema,
				conflictHandler: conflictHandlerFor<LinkDocType>('links')
			},
			visits: {
				schema: visitJsonSchema,
				conflictHandler: conflictHandlerFor<VisitDocType>('visits')
			},
			catalog: {
				schema: catalogJsonSchema,
				conflictHandler: conflictHandlerFor<CatalogDocType>('catalog')
			},
			notes: {
				schema: atRestSchema(noteJsonSchema, 'notes', opts.password),
				conflictHandler: conflictHandlerFor<NoteDocType>('notes')
			},
			files: { schema: fileJsonSchema, conflictHandler: conflictHandlerFor<FileDocType>('files') },
			consents: {
				schema: consentJsonSchema,
				conflictHandler: conflictHandlerFor<ConsentDocType>('consents')
			},
			staff: { schema: staffJsonSchema, conflictHandler: conflictHandlerFor<StaffDocType>('staff') }
		});
		// Also waits for a migration another tab of this device is running.
		if (await db.clients.migrationNeeded()) {
			opts.onMigration?.(true);
			try {
				await db.clients.migratePromise(opts.migrationBatch ?? CLIENT_MIGRATION_BATCH);
			} finally {
				opts.onMigration?.(false);
			}
		}
	} catch (error) {
		// A failed open must not leave a half-open database holding collection slots.
		await db.close();
		throw error;
	}
	return db;
}

let appDatabase: Promise<SchedarioDatabase> | null = null;
let appMigrationListener: ((running: boolean) => void) | undefined;

/** Who shows that opening the app's database is migrating the stored cards (the loading screen). */
export function onAppDatabaseMigration(listener: (running: boolean) => void): void {
	appMigrationListener = listener;
}
type AppDatabaseConfig = Omit<CreateDatabaseOptions, 'storage'>;
let appDatabaseConfig = (): Promise<AppDatabaseConfig> =>
	Promise.resolve({ name: APP_DATABASE_NAME });

/** Which database the app opens, and with which key (src/lib/state/at-rest.svelte.ts decides;
 *  it may first finish moving the data out of the previous one). Set before the first open. */
export function setAppDatabaseConfig(config: () => Promise<AppDatabaseConfig>): void {
	appDatabaseConfig = config;
}

/** The app's database, opened once per page. A failed open is retried on the next call. */
export function getDatabase(): Promise<SchedarioDatabase> {
	if (!appDatabase) {
		appDatabase = appDatabaseConfig()
			.then((config) => createSchedarioDatabase({ ...config, onMigration: appMigrationListener }))
			.catch((error: unknown) => {
				appDatabase = null;
				throw error;
			});
	}
	return appDatabase;
}

/** Closes the app's database and deletes everything of the salon on this device, plain or
 *  encrypted (a revoked device wipes itself, key or no key). The next getDatabase() opens a
 *  fresh, empty one. */
export async function removeAppDatabase(): Promise<void> {
	const open = appDatabase;
	appDatabase = null;
	const db = open ? await open.catch(() => null) : null;
	if (db) await db.remove();
	for (const name of APP_DATABASE_NAMES) {
		if (name === db?.name) continue;
		const storage = atRestStorage(getRxStorageDexie(), REMOVAL_PASSWORD);
		await removeRxDatabase(name, storage, true, REMOVAL_PASSWORD);
	}
}
