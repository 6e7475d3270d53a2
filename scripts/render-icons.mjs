#!/usr/bin/env node
// Renders the PNG app icons from the SVG sources with Debian's Chromium, so the PNGs always
// match the SVGs:  node scripts/render-icons.mjs   (then commit static/icons/*.png)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const icons = join(dirname(fileURLToPath(import.meta.url)), '..', 'static', 'icons');

/** `transparent`: keep the rounded corners see-through; maskable icons must be full-bleed. */
const targets = [
	{ source: 'icon.svg', out: 'icon-192.png', size: 192, transparent: true },
	{ source: 'icon.svg', out: 'icon-512.png', size: 512, transparent: true },
	{ source: 'icon-maskable.svg', out: 'icon-maskable-512.png', size: 512, transparent: false }
];

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-background-networking'
	]
});
try {
	for (const { source, out, size, transparent } of targets) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		const svg = readFileSync(join(icons, source), 'utf8').replace(
			/width="\d+" height="\d+"/,
			`width="${size}" height="${size}"`
		);
		await page.setContent(
			`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`
		);
		await page.screenshot({
			path: join(icons, out),
			omitBackground: transparent,
			clip: { x: 0, y: 0, width: size, height: size }
		});
		await page.close();
		console.log(`[icons] ${out} (${size}×${size})`);
	}
} finally {
	await browser.close();
}
