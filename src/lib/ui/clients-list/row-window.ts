// Which rows of the dense table to render, as plain arithmetic. Every row of the table has the
// same height, so nothing needs measuring: the rows on screen follow from the scroll offset, the
// scroller's height and the list's length alone, and a length change costs nothing (a general
// virtualiser keeps per-row sizes in arrays of the list's length and re-measures rows after a
// change — the larger part of a search keystroke's rendering at 100,000 clients).
//
// Coordinates: the scroller holds a sticky header `startMargin` px tall, then the rows, row i
// from `i × rowHeight` to `(i + 1) × rowHeight` below the header. With the header stuck to the
// top, the rows not hidden under it are those between scrollTop and scrollTop + height −
// startMargin (for any scrollTop ≥ 0).

export interface RowViewport {
	/** The scroller's scrollTop (px). */
	scrollTop: number;
	/** The scroller's visible height (clientHeight, px), sticky header included. */
	height: number;
	/** Height of the sticky header above the first row (px). */
	startMargin: number;
}

export interface RowMetrics {
	/** Number of rows in the list. */
	length: number;
	/** Height of every row (px). */
	rowHeight: number;
}

/** Rows `start` (inclusive) to `end` (exclusive). */
export interface RowRange {
	start: number;
	end: number;
}

/** Height of the rows' part of the viewport (under the sticky header). */
function rowsHeight(view: RowViewport): number {
	return Math.max(0, view.height - view.startMargin);
}

/** The largest scrollTop the scroller allows for this content. */
export function maxScrollTop(rows: RowMetrics, view: RowViewport): number {
	return Math.max(0, view.startMargin + rows.length * rows.rowHeight - view.height);
}

/**
 * The scrollTop as the browser will have it: a list that shrank under the current scroll (a
 * search keystroke at the bottom of a long list) is clamped by the browser at its next layout,
 * before any scroll event tells us — so the window is computed for the clamped offset at once.
 */
function effectiveScrollTop(rows: RowMetrics, view: RowViewport): number {
	return Math.min(Math.max(0, view.scrollTop), maxScrollTop(rows, view));
}

/** The rows to render: those intersecting the visible rows' area, plus `overscan` each side. */
export function rowWindow(rows: RowMetrics, view: RowViewport, overscan: number): RowRange {
	if (rows.length <= 0 || rows.rowHeight <= 0) return { start: 0, end: 0 };
	const top = effectiveScrollTop(rows, view);
	const first = Math.min(rows.length - 1, Math.floor(top / rows.rowHeight));
	// At least the first row, even before the viewport is measured.
	const endVisible = Math.max(first + 1, Math.ceil((top + rowsHeight(view)) / rows.rowHeight));
	return {
		start: Math.max(0, first - overscan),
		end: Math.min(rows.length, endVisible + overscan)
	};
}

/**
 * The scrollTop that shows row `index`: 'start' puts it right under the header (the A–Z rail's
 * jump); 'nearest' scrolls as little as needed to show it whole, and not at all when it already
 * is (the arrow keys).
 */
export function scrollTopForRow(
	index: number,
	align: 'start' | 'nearest',
	rows: RowMetrics,
	view: RowViewport
): number {
	const top = effectiveScrollTop(rows, view);
	if (rows.length <= 0) return 0;
	const row = Math.min(Math.max(0, Math.trunc(index)), rows.length - 1);
	const rowTop = row * rows.rowHeight;
	const rowBottom = rowTop + rows.rowHeight;
	const visible = rowsHeight(view);
	let target = top;
	if (align === 'start' || rowTop < top) target = rowTop;
	// A viewport shorter than a row shows the row's top.
	else if (rowBottom > top + visible) target = Math.min(rowTop, rowBottom - visible);
	return Math.min(Math.max(0, target), maxScrollTop(rows, view));
}
