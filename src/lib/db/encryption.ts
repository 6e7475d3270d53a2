// Encryption at rest of health fields and notes on the device (issue 7; README › Privacy and
// security). A storage wrapper (aes-gcm-storage.ts) encrypts the listed paths of each stored
// document with the salon's data key below RxDB, so queries, replication and the merge see
// plaintext and never know whether encryption is on. Encrypted paths cannot be indexed or
// queried by the storage: none of these is.
import type { RxJsonSchema, RxStorage } from 'rxdb';
import { wrappedAesGcmStorage } from './aes-gcm-storage';

/** What is stored encrypted, per collection (the first path holds the sealed bundle of all of
 *  them, so it must be a required field). `sets.*` hold the same values as the visible
 *  arrays (add-wins set metadata, src/lib/domain/stamp.ts), so they are encrypted too; the
 *  card's free `note` is where salons write health remarks the fields do not cover. */
export const ENCRYPTED_PATHS = {
	clients: ['allergies', 'contraindications', 'note', 'sets.allergies', 'sets.contraindications'],
	notes: ['text']
} as const;
export type EncryptedCollection = keyof typeof ENCRYPTED_PATHS;

/** The app's two device databases. The `encrypted` list is part of RxDB's schema hash, so the
 *  encrypted collections cannot live in the plain database: switching is a move (at-rest.ts). */
export const PLAIN_DATABASE_NAME = 'schedario';
export const ENCRYPTED_DATABASE_NAME = 'schedario-encrypted';
export const APP_DATABASE_NAMES = [PLAIN_DATABASE_NAME, ENCRYPTED_DATABASE_NAME] as const;

/** `schema` as stored: with its encrypted paths when the database has a key. */
export function atRestSchema<T>(
	schema: RxJsonSchema<T>,
	collection: EncryptedCollection,
	password: string | undefined
): RxJsonSchema<T> {
	return password ? { ...schema, encrypted: [...ENCRYPTED_PATHS[collection]] } : schema;
}

/** The storage of a database: wrapped with encryption when it has a key. */
export function atRestStorage<I, O>(storage: RxStorage<I, O>, password?: string): RxStorage<I, O> {
	return password ? wrappedAesGcmStorage(storage) : storage;
}

/** Removing a database opens each collection's storage only to delete it, never reading a
 *  document, but the wrapper insists on some password for an encrypted schema: a wipe without
 *  the key (a revoked device never gets it again) passes this one. */
export const REMOVAL_PASSWORD = 'remove-without-reading';
