// Reads a picked or photographed file and makes it storable: images are decoded, drawn at most
// MAX_IMAGE_SIDE pixels on the longer side and re-encoded as JPEG on the device (a 12 MP tablet
// photo of ~4 MB becomes a few hundred KB), with a small thumbnail for the gallery; PDFs are kept
// as they are. The sizes come from resizePlan (pure, unit-tested); this file is the browser part.
import {
	checkPickedFile,
	isResizableImage,
	MAX_FILE_BYTES,
	resizePlan,
	type FileProblem,
	type FileType
} from '$lib/domain/files';

export interface PreparedFile {
	name: string;
	mimeType: FileType;
	size: number;
	width: number;
	height: number;
	data: string;
	thumb: string;
}

export type PrepareResult = { ok: true; file: PreparedFile } | { ok: false; code: FileProblem };

function blobToBase64(blob: Blob): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => {
			const url = String(reader.result);
			resolve(url.slice(url.indexOf(',') + 1));
		};
		reader.onerror = () => reject(reader.error ?? new Error('read failed'));
		reader.readAsDataURL(blob);
	});
}

async function drawJpeg(
	bitmap: ImageBitmap,
	target: { width: number; height: number; quality: number }
): Promise<Blob | null> {
	const canvas = document.createElement('canvas');
	canvas.width = target.width;
	canvas.height = target.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) return null;
	// JPEG has no transparency: a transparent PNG would turn black without a white ground.
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, target.width, target.height);
	ctx.drawImage(bitmap, 0, 0, target.width, target.height);
	return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', target.quality));
}

async function prepareImage(file: File): Promise<PrepareResult> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file);
	} catch {
		// Not decodable: a damaged file or a type the browser cannot read.
		return { ok: false, code: 'fileCorrupt' };
	}
	try {
		const plan = resizePlan(bitmap.width, bitmap.height);
		const full = await drawJpeg(bitmap, plan.full);
		const thumb = await drawJpeg(bitmap, plan.thumb);
		if (!full || !thumb) return { ok: false, code: 'fileCorrupt' };
		if (full.size > MAX_FILE_BYTES) return { ok: false, code: 'fileTooLarge' };
		return {
			ok: true,
			file: {
				name: file.name.replace(/\.[^.]+$/, '') + '.jpg',
				mimeType: 'image/jpeg',
				size: full.size,
				width: plan.full.width,
				height: plan.full.height,
				data: await blobToBase64(full),
				thumb: await blobToBase64(thumb)
			}
		};
	} finally {
		bitmap.close();
	}
}

export async function prepareFile(file: File): Promise<PrepareResult> {
	const problem = checkPickedFile(file);
	if (problem) return { ok: false, code: problem };
	if (isResizableImage(file.type)) return prepareImage(file);
	return {
		ok: true,
		file: {
			name: file.name,
			mimeType: file.type as FileType,
			size: file.size,
			width: 0,
			height: 0,
			data: await blobToBase64(file),
			thumb: ''
		}
	};
}

/** A data: URL for an <img> (stored bytes, so it works offline). */
export function dataUrl(mimeType: string, base64: string): string {
	return `data:${mimeType};base64,${base64}`;
}

/** Opens a stored file (a PDF) in a new tab from its bytes. */
export function openStoredFile(mimeType: string, base64: string): void {
	const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
	const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
	window.open(url, '_blank', 'noopener');
	// The new tab has loaded the blob long before this; the URL is then only a leak.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
