// Hands a file made in the page to the browser's download (desktop) or share sheet (mobile).
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// The download has started from the click; a delay lets slow browsers read the URL first.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name part made of letters, digits and dashes (names may hold accents and spaces). */
export function fileSlug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, '') || 'file'
	);
}
