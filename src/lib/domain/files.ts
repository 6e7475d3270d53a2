// Photos and files on the client card (issue 6 › 3). A file document carries its bytes as
// base64 in the document itself, not as an RxDB attachment: RxDB 17 moves attachment data only
// between two RxStorage instances (replicateRxStorageInstance); through replicateRxCollection's
// HTTP handlers an attachment is a stub whose Blob each side would have to serialise itself, and
// the server stores documents as JSON. A base64 field replicates like any other field, is
// validated by the same zod schema on both sides, and is viewable offline from IndexedDB.
// Files are immutable once written; the only change is a delete (a tombstone without the bytes).
import { z } from 'zod';

/** The largest file kept, in bytes (after an image was resized on the device). */
export const MAX_FILE_BYTES = 2_000_000;
/** base64 of MAX_FILE_BYTES: 4 characters per 3 bytes, padded. */
export const MAX_FILE_BASE64 = Math.ceil(MAX_FILE_BYTES / 3) * 4;
/** The small JPEG shown in the card's gallery (a few KB); the full image opens on demand. */
export const MAX_THUMB_BASE64 = 100_000;
/** Images are resized on the device so their longer side is at most this many pixels. */
export const MAX_IMAGE_SIDE = 1600;
export const THUMB_SIDE = 320;
export const JPEG_QUALITY = 0.85;
export const THUMB_QUALITY = 0.7;

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const FILE_TYPES = [...IMAGE_TYPES, 'application/pdf'] as const;
export type FileType = (typeof FILE_TYPES)[number];
/** before/after pair a visit; 'photo' and 'document' stand on the card alone. */
export const FILE_KINDS = ['before', 'after', 'photo', 'document'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const text = (max: number) => z.string().max(max);

export const fileSchema = z.object({
	id: z.string().min(1).max(40),
	clientId: z.string().min(1).max(40),
	/** The visit a before/after photo belongs to; null for the card itself. */
	visitId: z.string().max(40).nullable(),
	kind: z.enum(FILE_KINDS),
	name: text(200),
	mimeType: z.enum(FILE_TYPES),
	/** Bytes of `data` once decoded. */
	size: z.number().int().min(0).max(MAX_FILE_BYTES),
	/** Pixels; 0 for a PDF. */
	width: z.number().int().min(0).max(100_000),
	height: z.number().int().min(0).max(100_000),
	data: text(MAX_FILE_BASE64),
	/** base64 JPEG thumbnail of an image; '' for a PDF. */
	thumb: text(MAX_THUMB_BASE64),
	author: text(100),
	deviceId: text(40),
	deviceName: text(100),
	createdAt: z.number().int().min(0)
});
export type StoredFile = z.infer<typeof fileSchema>;
export type FileDoc = StoredFile & { _deleted?: boolean };

/** Why a file is refused; the UI turns each code into a translated message. */
export type FileProblem = 'fileEmpty' | 'fileTooLarge' | 'fileType' | 'fileCorrupt';

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes encoded by a base64 string (no whitespace), or -1 if it is not base64. */
export function base64ByteLength(b64: string): number {
	if (b64.length % 4 !== 0 || !BASE64_RE.test(b64)) return -1;
	const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
	return (b64.length / 4) * 3 - padding;
}

/** The first bytes of a base64 string, decoded without Buffer or atob (shared with Node). */
function leadingBytes(b64: string, count: number): number[] {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	const bytes: number[] = [];
	const chunk = b64.slice(0, Math.ceil(count / 3) * 4);
	for (let i = 0; i < chunk.length && bytes.length < count; i += 4) {
		// '=' and anything past the end decode as 0: only the leading bytes are looked at.
		const n = [0, 1, 2, 3].map((k) => Math.max(0, alphabet.indexOf(chunk[i + k] ?? 'A')));
		const v = (n[0] ?? 0) * 262144 + (n[1] ?? 0) * 4096 + (n[2] ?? 0) * 64 + (n[3] ?? 0);
		bytes.push((v >> 16) & 255, (v >> 8) & 255, v & 255);
	}
	return bytes.slice(0, count);
}

/** The type the content says it is (its magic number), or null for anything else. */
export function sniffType(bytes: readonly number[]): FileType | null {
	const at = (i: number) => bytes[i] ?? -1;
	if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
	if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b))
		return 'image/png';
	const ascii = (from: number, to: number) =>
		String.fromCharCode(...bytes.slice(from, to).map((b) => b & 255));
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
	if (ascii(0, 5) === '%PDF-') return 'application/pdf';
	return null;
}

/** Checks stored bytes: base64, the declared size, within the limit, and content of the
 *  declared type (a renamed .exe is not a photo). Null when the file is acceptable. */
export function checkFileData(file: {
	data: string;
	size: number;
	mimeType: FileType;
}): FileProblem | null {
	const bytes = base64ByteLength(file.data);
	if (bytes < 0) return 'fileCorrupt';
	if (bytes === 0) return 'fileEmpty';
	if (bytes > MAX_FILE_BYTES) return 'fileTooLarge';
	if (bytes !== file.size) return 'fileCorrupt';
	if (sniffType(leadingBytes(file.data, 12)) !== file.mimeType) return 'fileType';
	return null;
}

/** A file picked on the device, before it is read: its type decides what happens to it. */
export function checkPickedFile(file: { type: string; size: number }): FileProblem | null {
	if (file.size === 0) return 'fileEmpty';
	if (!(FILE_TYPES as readonly string[]).includes(file.type) && !isResizableImage(file.type))
		return 'fileType';
	// Images are resized below the limit; anything else must already fit.
	if (!isResizableImage(file.type) && file.size > MAX_FILE_BYTES) return 'fileTooLarge';
	return null;
}

/** Image types the browser can decode and re-encode as JPEG (a HEIC from an iPhone cannot). */
export function isResizableImage(type: string): boolean {
	return (IMAGE_TYPES as readonly string[]).includes(type) || type === 'image/gif';
}

/** The size an image is drawn at: the longer side at most `maxSide`, proportions kept, never
 *  enlarged, at least 1 px each way. */
export function fitWithin(
	width: number,
	height: number,
	maxSide: number
): { width: number; height: number } {
	if (width <= 0 || height <= 0) return { width: 0, height: 0 };
	const scale = Math.min(1, maxSide / Math.max(width, height));
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale))
	};
}

/** How an image is re-encoded: the full image and its gallery thumbnail. */
export function resizePlan(width: number, height: number) {
	return {
		full: {
			...fitWithin(width, height, MAX_IMAGE_SIDE),
			type: 'image/jpeg',
			quality: JPEG_QUALITY
		},
		thumb: { ...fitWithin(width, height, THUMB_SIDE), type: 'image/jpeg', quality: THUMB_QUALITY }
	} as const;
}

export interface PhotoPair<T> {
	/** null: before/after photos taken without choosing a visit. */
	visitId: string | null;
	before: T[];
	after: T[];
	/** When the newest photo of the pair was taken: pairs are listed newest first. */
	latest: number;
}

/** Before/after pairs of a card: one row per visit, newest row first, photos oldest first. */
export function pairsByVisit<T extends Pick<StoredFile, 'visitId' | 'kind' | 'createdAt'>>(
	files: readonly T[]
): PhotoPair<T>[] {
	const byVisit = new Map<string | null, PhotoPair<T>>();
	for (const f of files) {
		if (f.kind !== 'before' && f.kind !== 'after') continue;
		const row = byVisit.get(f.visitId) ?? { visitId: f.visitId, before: [], after: [], latest: 0 };
		row[f.kind].push(f);
		row.latest = Math.max(row.latest, f.createdAt);
		byVisit.set(f.visitId, row);
	}
	for (const row of byVisit.values()) {
		row.before.sort((a, b) => a.createdAt - b.createdAt);
		row.after.sort((a, b) => a.createdAt - b.createdAt);
	}
	return [...byVisit.values()].sort((a, b) => b.latest - a.latest);
}
