// Bytes → text for CSV files. Exports from salon systems arrive as UTF-8 with or without a
// byte-order mark, UTF-16 from Excel's "Unicode text", or Windows-1252 from older Excel on
// Windows (accents as single bytes). A strict UTF-8 decode tells them apart: Windows-1252
// accented letters are invalid UTF-8 sequences, so a file that decodes cleanly is UTF-8.

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
	| { ok: true; text: string; encoding: TextEncoding }
	| { ok: false; code: 'file.empty' | 'file.notSpreadsheet' };

/** ZIP local-file signature: every .xlsx (and .docx, .ods…) starts with it. */
export function isZip(bytes: Uint8Array): boolean {
	return (
		bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
	);
}

/** Legacy binary Office (.xls, .doc): OLE compound file signature. */
function isOle(bytes: Uint8Array): boolean {
	const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
	return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/** Text has no NUL and almost no C0 control characters other than tab, CR, LF. */
function looksLikeText(text: string): boolean {
	const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
	let controls = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if (c === 0) return false;
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) controls++;
	}
	return controls <= Math.max(2, sample.length / 1000);
}

export function decodeText(bytes: Uint8Array): DecodeResult {
	if (bytes.length === 0) return { ok: false, code: 'file.empty' };
	if (isZip(bytes) || isOle(bytes)) return { ok: false, code: 'file.notSpreadsheet' };
	let text: string;
	let encoding: TextEncoding;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		text = new TextDecoder('utf-8').decode(bytes.subarray(3));
		encoding = 'utf-8-bom';
	} else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
		encoding = 'utf-16le';
	} else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
		encoding = 'utf-16be';
	} else {
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
			encoding = 'utf-8';
		} catch {
			// Not valid UTF-8: the one other encoding spreadsheets write for it/en/pt text.
			text = new TextDecoder('windows-1252').decode(bytes);
			encoding = 'windows-1252';
		}
	}
	if (!looksLikeText(text)) return { ok: false, code: 'file.notSpreadsheet' };
	if (text.trim() === '') return { ok: false, code: 'file.empty' };
	return { ok: true, text, encoding };
}
