// Saves generated text as a file through a temporary link (works offline, no server).
export function downloadText(
	fileName: string,
	text: string,
	type = 'text/csv;charset=utf-8'
): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoke after the click has been handled: the download has started by then.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}
