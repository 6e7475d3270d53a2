// A finger signature as vector strokes (issue 7 › 1): what signature_pad records, compacted to
// whole pixels and bounded (consents.ts), and drawn back as one SVG path on the card, the
// printable form and anywhere else, at any size.
import {
	SIGNATURE_MAX_NUMBERS,
	SIGNATURE_MAX_SIZE,
	SIGNATURE_MAX_STROKE_NUMBERS,
	SIGNATURE_MAX_STROKES,
	type Signature
} from './consents.js';

export interface PadPoint {
	x: number;
	y: number;
}

/** Points closer than this (CSS px) to the last kept one add nothing visible. */
const MIN_STEP = 2;

function clamp(value: number, max: number): number {
	return Math.min(max, Math.max(0, Math.round(Number.isFinite(value) ? value : 0)));
}

/** Every other point, keeping the first and the last (the stroke keeps its ends). */
function thin(stroke: number[]): number[] {
	if (stroke.length <= 4) return stroke;
	const out: number[] = [];
	const last = stroke.length / 2 - 1;
	for (let i = 0; i <= last; i++) {
		if (i % 2 === 0 || i === last) out.push(stroke[2 * i] as number, stroke[2 * i + 1] as number);
	}
	return out;
}

const total = (strokes: number[][]) => strokes.reduce((n, s) => n + s.length, 0);

/**
 * The pad's strokes as a bounded Signature: whole pixels inside the pad, near-duplicate points
 * dropped, long signatures thinned until they fit. Null when there is nothing drawn or more
 * separate strokes than a signature needs (the person is asked to clear and sign again).
 */
export function compactStrokes(
	raw: readonly (readonly PadPoint[])[],
	width: number,
	height: number
): Signature | null {
	const w = clamp(width, SIGNATURE_MAX_SIZE);
	const h = clamp(height, SIGNATURE_MAX_SIZE);
	let strokes = raw
		.map((points) => {
			const out: number[] = [];
			let lastX = -Infinity;
			let lastY = -Infinity;
			points.forEach((p, i) => {
				const x = clamp(p.x, w);
				const y = clamp(p.y, h);
				const step = Math.hypot(x - lastX, y - lastY);
				// The last point is kept unless it repeats the one before: the stroke ends where
				// the finger lifted.
				if (step < MIN_STEP && (i < points.length - 1 || step === 0)) return;
				out.push(x, y);
				lastX = x;
				lastY = y;
			});
			return out;
		})
		.filter((s) => s.length > 0);
	if (strokes.length === 0 || strokes.length > SIGNATURE_MAX_STROKES) return null;
	while (
		total(strokes) > SIGNATURE_MAX_NUMBERS ||
		strokes.some((s) => s.length > SIGNATURE_MAX_STROKE_NUMBERS)
	) {
		const thinned = strokes.map((s) => (s.length > 4 ? thin(s) : s));
		if (total(thinned) === total(strokes)) return null;
		strokes = thinned;
	}
	return { width: w, height: h, strokes };
}

/** One SVG path for all strokes; a single tap becomes a dot (a zero-length segment drawn with
 *  round caps). */
export function signaturePath(signature: Signature): string {
	return signature.strokes
		.map((s) => {
			const parts = [`M${s[0]} ${s[1]}`];
			if (s.length === 2) parts.push('l0.1 0');
			for (let i = 2; i < s.length; i += 2) parts.push(`L${s[i]} ${s[i + 1]}`);
			return parts.join(' ');
		})
		.join(' ');
}

export function hasSignature(signature: Signature): boolean {
	return signature.strokes.some((s) => s.length > 0);
}
