// Moving keyboard focus to a row of a virtualised list: the row may not be rendered (or measured)
// yet, so scroll to it first and wait a few frames for it to appear before focusing its link.
const MAX_FRAMES = 30;

export function focusRowLink(
	container: HTMLElement,
	index: number,
	scrollToIndex: (index: number) => void
): void {
	scrollToIndex(index);
	let frames = 0;
	const attempt = () => {
		const link = container.querySelector<HTMLElement>(`[data-index="${index}"] .client-name`);
		const isShown = link !== null && getComputedStyle(link).visibility !== 'hidden';
		if (isShown) {
			link.focus({ preventScroll: true });
			if (document.activeElement === link) return;
		}
		if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
	};
	// A row already on screen takes focus at once, so a quick next key acts on it.
	attempt();
}

/** The index of the row that holds `element`, or -1 when it is not inside a row. */
export function rowIndexOf(element: Element | null): number {
	const row = element?.closest<HTMLElement>('[data-index]');
	return row ? Number(row.dataset.index) : -1;
}

/**
 * The virtual list's key for a row: its position, not the client's id. A search keystroke
 * replaces most of the ~25 rendered rows with other clients; keyed by id, each one was destroyed
 * and built again (DOM, components, effects), the main cost of a keystroke at 100,000 clients.
 * Keyed by position, the rows stay and only their texts and attributes change. No row holds
 * state of its own (the selection lives in `selection`), so nothing can follow the wrong client.
 */
export function rowKey(_client: unknown, index: number): number {
	return index;
}
