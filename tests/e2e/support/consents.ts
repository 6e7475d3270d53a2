// Signing consents in e2e: a finger signature drawn on the pad with the mouse.
import type { Page } from '@playwright/test';

/** Two strokes, like a first name and a surname: pointer down, a path, pointer up. */
export async function drawSignature(page: Page) {
	const pad = page.locator('canvas[data-signature-pad]');
	await pad.scrollIntoViewIfNeeded();
	const box = await pad.boundingBox();
	if (!box) throw new Error('signature pad not laid out');
	const strokes = [
		[0.1, 0.6, 0.2, 0.3, 0.3, 0.7, 0.4, 0.35],
		[0.5, 0.5, 0.6, 0.3, 0.7, 0.65, 0.85, 0.4]
	];
	for (const stroke of strokes) {
		await page.mouse.move(box.x + box.width * stroke[0]!, box.y + box.height * stroke[1]!);
		await page.mouse.down();
		for (let i = 2; i < stroke.length; i += 2) {
			await page.mouse.move(box.x + box.width * stroke[i]!, box.y + box.height * stroke[i + 1]!, {
				steps: 8
			});
		}
		await page.mouse.up();
	}
}
