// The dense table's window arithmetic (row-window.ts): which rows are rendered for a scroll
// offset, and where to scroll to show a row, against a brute-force check of every row's box.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	maxScrollTop,
	rowWindow,
	scrollTopForRow,
	type RowMetrics,
	type RowViewport
} from '../../src/lib/ui/clients-list/row-window';

const H = 52;
const rows = (length: number): RowMetrics => ({ length, rowHeight: H });
const view = (scrollTop: number, height = 700, startMargin = 45): RowViewport => ({
	scrollTop,
	height,
	startMargin
});

/** Rows whose box overlaps the part of the viewport under the header, by checking each row. */
function overlapping(r: RowMetrics, v: RowViewport): number[] {
	const top = Math.min(Math.max(0, v.scrollTop), maxScrollTop(r, v));
	const bottom = top + Math.max(0, v.height - v.startMargin);
	const out: number[] = [];
	for (let i = 0; i < r.length; i++) {
		if (i * r.rowHeight < bottom && (i + 1) * r.rowHeight > top) out.push(i);
	}
	return out;
}

describe('rowWindow', () => {
	it('renders the rows on screen plus the overscan each side', () => {
		// 700 px tall, 45 px header: 655 px of rows = 12.6 rows.
		expect(rowWindow(rows(100_000), view(0), 0)).toEqual({ start: 0, end: 13 });
		expect(rowWindow(rows(100_000), view(0), 1)).toEqual({ start: 0, end: 14 });
		// Scrolled to the middle of row 10: rows 10…23 show (546 to 1201 px), 9 and 24 are the
		// overscan.
		expect(rowWindow(rows(100_000), view(10 * H + 26), 1)).toEqual({ start: 9, end: 25 });
		// Exactly on a row boundary the row above is not on screen.
		expect(rowWindow(rows(100_000), view(10 * H), 0)).toEqual({ start: 10, end: 23 });
	});

	it('an empty list renders nothing, a short one all its rows', () => {
		expect(rowWindow(rows(0), view(0), 1)).toEqual({ start: 0, end: 0 });
		expect(rowWindow(rows(0), view(5000), 1)).toEqual({ start: 0, end: 0 });
		expect(rowWindow(rows(3), view(0), 1)).toEqual({ start: 0, end: 3 });
	});

	it('a list that shrank under the scroll offset shows its last rows, not a blank', () => {
		// Scrolled far down a list of 100,000, then a search leaves 30 rows: the browser clamps
		// scrollTop to the new maximum before telling anyone; the window follows at once.
		const shrunk = rows(30);
		const v = view(4_000_000);
		expect(maxScrollTop(shrunk, v)).toBe(45 + 30 * H - 700);
		expect(rowWindow(shrunk, v, 1)).toEqual({ start: 16, end: 30 });
		// Fewer rows than fit: everything from the top.
		expect(rowWindow(rows(5), v, 1)).toEqual({ start: 0, end: 5 });
	});

	it('before the viewport is measured it still renders the first row', () => {
		expect(rowWindow(rows(50), view(0, 0, 0), 1)).toEqual({ start: 0, end: 2 });
		expect(rowWindow(rows(50), view(0, 30, 45), 0)).toEqual({ start: 0, end: 1 });
	});

	it('holds exactly the overlapping rows plus at most the overscan (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 3000 }),
				fc.integer({ min: 0, max: 200_000 }),
				fc.integer({ min: 0, max: 1500 }),
				fc.integer({ min: 0, max: 120 }),
				fc.integer({ min: 0, max: 3 }),
				(length, scrollTop, height, startMargin, overscan) => {
					const r = rows(length);
					const v = view(scrollTop, height, startMargin);
					const { start, end } = rowWindow(r, v, overscan);
					const shown = overlapping(r, v);
					expect(start).toBeGreaterThanOrEqual(0);
					expect(end).toBeLessThanOrEqual(length);
					if (length === 0) {
						expect(end).toBe(0);
						return;
					}
					for (const i of shown) expect(i >= start && i < end).toBe(true);
					// A viewport with no height shows no row, and the window still holds the one at
					// the (clamped) scroll offset, as before the viewport is measured.
					const top = Math.min(Math.max(0, v.scrollTop), maxScrollTop(r, v));
					const atTop = Math.min(length - 1, Math.floor(top / r.rowHeight));
					const first = shown[0] ?? atTop;
					const last = shown.at(-1) ?? first;
					expect(first - start).toBeLessThanOrEqual(overscan);
					expect(end - 1 - last).toBeLessThanOrEqual(overscan);
				}
			),
			// Scrolled down a list, in a viewport of no height (found by earlier runs).
			{
				examples: [
					[437, 22620, 0, 0, 1],
					[2469, 128284, 0, 0, 1]
				]
			}
		);
	});
});

describe('scrollTopForRow', () => {
	const r = rows(1000);

	it("'start' puts the row right under the header", () => {
		expect(scrollTopForRow(40, 'start', r, view(0))).toBe(40 * H);
		expect(scrollTopForRow(40, 'start', r, view(90 * H))).toBe(40 * H);
		// The last rows cannot reach the top: as far as the scroller goes.
		expect(scrollTopForRow(999, 'start', r, view(0))).toBe(maxScrollTop(r, view(0)));
	});

	it("'nearest' does not move for a row in view, and scrolls as little as needed otherwise", () => {
		const at = view(10 * H);
		expect(scrollTopForRow(12, 'nearest', r, at)).toBe(10 * H);
		// Below: its bottom at the viewport's bottom edge (655 px of rows visible).
		expect(scrollTopForRow(30, 'nearest', r, at)).toBe(31 * H - 655);
		// Above: its top under the header.
		expect(scrollTopForRow(4, 'nearest', r, at)).toBe(4 * H);
		// Partly hidden below (row 22 ends at 23 × 52 = 1196 > 520 + 655): brought in whole.
		expect(scrollTopForRow(22, 'nearest', r, at)).toBe(23 * H - 655);
	});

	it('clamps the index and the offset; an empty list scrolls to the top', () => {
		expect(scrollTopForRow(-3, 'start', r, view(500))).toBe(0);
		expect(scrollTopForRow(5000, 'nearest', r, view(0))).toBe(maxScrollTop(r, view(0)));
		expect(scrollTopForRow(0, 'start', rows(0), view(500))).toBe(0);
		// A viewport shorter than a row shows the row's top.
		expect(scrollTopForRow(8, 'nearest', r, view(0, 60, 45))).toBe(8 * H);
	});

	it('after scrolling there, the row is whole on screen and in the window (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 3000 }),
				fc.integer({ min: 0, max: 200_000 }),
				fc.integer({ min: H + 45, max: 1500 }),
				fc.nat(),
				fc.constantFrom<'start' | 'nearest'>('start', 'nearest'),
				(length, scrollTop, height, pick, align) => {
					const rr = rows(length);
					const index = pick % length;
					const before = view(scrollTop, height, 45);
					const after = view(scrollTopForRow(index, align, rr, before), height, 45);
					expect(after.scrollTop).toBeGreaterThanOrEqual(0);
					expect(after.scrollTop).toBeLessThanOrEqual(maxScrollTop(rr, before));
					expect(index * H).toBeGreaterThanOrEqual(after.scrollTop);
					expect((index + 1) * H).toBeLessThanOrEqual(after.scrollTop + height - 45);
					const { start, end } = rowWindow(rr, after, 0);
					expect(index >= start && index < end).toBe(true);
					// Already whole on screen: 'nearest' leaves the scroll where it was.
					const top = Math.min(scrollTop, maxScrollTop(rr, before));
					if (align === 'nearest' && index * H >= top && (index + 1) * H <= top + height - 45) {
						expect(after.scrollTop).toBe(top);
					}
				}
			)
		);
	});
});
