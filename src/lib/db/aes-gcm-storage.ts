// The storage wrapper of encryption at rest: the paths a schema lists in `encrypted` are sealed,
// all together, into ONE AES-256-GCM ciphertext per document (WebCrypto), kept at the first path;
// the other paths are left out of the stored document and restored on read.
//
// Why not RxDB's `encryption-crypto-js` plugin, which does the same job: it runs a key
// derivation and a JavaScript AES per path and per document — measured here at ~350 µs per path,
// so a 50,000-card book with five encrypted paths took over a minute to open. One native GCM call
// per document costs ~60 µs, and GCM also refuses tampered data (crypto-js's CBC does not).
// RxDB's own schema rules still apply: encrypted paths are never indexed or queried, and the
// replication meta documents of an encrypted collection (`encrypted: ['docData']`) are sealed
// too, since they carry copies of the documents.
import {
	clone,
	deleteProperty,
	flatClone,
	getProperty,
	hasEncryption,
	setProperty,
	wrapRxStorageInstance,
	type RxDocumentData,
	type RxJsonSchema,
	type RxStorage,
	type RxStorageInstanceCreationParams
} from 'rxdb';

/** Each wrapped instance's reader, so a fast path that reads the storage underneath directly
 *  (clients.all) can still open what it reads. */
const readers = new WeakMap<object, (doc: RxDocumentData<unknown>) => Promise<unknown>>();

/** The reader of an instance this wrapper made, or undefined for any other instance. */
export function sealedReaderOf(
	instance: unknown
): ((doc: RxDocumentData<unknown>) => Promise<unknown>) | undefined {
	return typeof instance === 'object' && instance !== null ? readers.get(instance) : undefined;
}

/** Marks (and versions) a sealed value: `g1.<iv base64>.<ciphertext base64>`. */
const FORMAT = 'g1';

function toBase64(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) text += String.fromCharCode(byte);
	return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	const raw = atob(text);
	const bytes = new Uint8Array(raw.length);
	for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
	return bytes;
}

/** The AES key of a password. The password is the salon's data key — 256 random bits — so one
 *  SHA-256 is enough; a slow password KDF would protect nothing more and cost every start-up. */
export async function importDataKey(password: string): Promise<CryptoKey> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(password));
	return crypto.subtle.importKey('raw', digest, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function sealText(key: CryptoKey, text: string): Promise<string> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const sealed = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv },
		key,
		new TextEncoder().encode(text)
	);
	return `${FORMAT}.${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`;
}

/** Throws on another key, a damaged or a tampered value (GCM checks its tag). */
export async function openText(key: CryptoKey, value: string): Promise<string> {
	const [format, iv, data] = value.split('.');
	if (format !== FORMAT || !iv || !data) throw new Error('encrypted_value_unreadable');
	const plain = await crypto.subtle.decrypt(
		{ name: 'AES-GCM', iv: fromBase64(iv) },
		key,
		fromBase64(data)
	);
	return new TextDecoder().decode(plain);
}

/** A deep copy whose attachments (Blobs) are carried over, not cloned as JSON. */
function copyOf<T>(doc: T): T {
	const { _attachments: attachments, ...rest } = flatClone(doc) as Record<string, unknown>;
	const copy = clone(rest);
	if (attachments !== undefined) copy._attachments = attachments;
	return copy as T;
}

/** The stored schema: no `encrypted` (the storage underneath refuses it) and a string where the
 *  sealed bundle lives; the other encrypted paths are simply absent from stored documents. */
function storedSchemaOf<T>(schema: RxJsonSchema<T>, paths: readonly string[]): RxJsonSchema<T> {
	const stored = clone(schema) as RxJsonSchema<T> & { properties: Record<string, unknown> };
	delete stored.encrypted;
	for (const path of paths) {
		const parts = path.split('.');
		let level = stored as { properties: Record<string, unknown> };
		for (const part of parts.slice(0, -1)) {
			level = level.properties[part] as { properties: Record<string, unknown> };
		}
		level.properties[parts.at(-1) as string] = { type: 'string' };
	}
	return stored;
}

export function wrappedAesGcmStorage<Internals, Options>(
	storage: RxStorage<Internals, Options>
): RxStorage<Internals, Options> {
	return Object.assign({}, storage, {
		async createStorageInstance<RxDocType>(
			params: RxStorageInstanceCreationParams<RxDocType, Options>
		) {
			if (!hasEncryption(params.schema)) return storage.createStorageInstance(params);
			if (typeof params.password !== 'string' || params.password.length < 8) {
				throw new Error('encryption_key_missing');
			}
			const paths = [...(params.schema.encrypted ?? [])];
			const [home] = paths as [string];
			const key = await importDataKey(params.password);
			const instance = await storage.createStorageInstance({
				...params,
				schema: storedSchemaOf(params.schema, paths)
			});

			async function toStorage(doc: RxDocumentData<RxDocType>) {
				const copy = copyOf(doc);
				// Index → value of every path present; absent paths stay absent after reading.
				const bundle: Record<number, unknown> = {};
				paths.forEach((path, i) => {
					const value = getProperty(copy, path);
					if (value !== undefined) bundle[i] = value;
					deleteProperty(copy, path);
				});
				setProperty(copy, home, await sealText(key, JSON.stringify(bundle)));
				return copy;
			}

			async function fromStorage(doc: RxDocumentData<unknown>) {
				const sealed = getProperty(doc, home);
				if (typeof sealed !== 'string') return doc as RxDocumentData<RxDocType>;
				const bundle = JSON.parse(await openText(key, sealed)) as Record<string, unknown>;
				const copy = copyOf(doc);
				deleteProperty(copy, home);
				paths.forEach((path, i) => {
					if (Object.hasOwn(bundle, i)) setProperty(copy, path, bundle[i]);
				});
				return copy as RxDocumentData<RxDocType>;
			}

			const wrapped = wrapRxStorageInstance(
				params.schema,
				instance,
				toStorage,
				fromStorage,
				(attachment) => attachment
			);
			readers.set(wrapped, fromStorage);
			return wrapped;
		}
	});
}
