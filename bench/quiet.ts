// Waits until the bench's Chromium browsers are quiet before a timed first sync. A device that just
// finished its own first sync (its page preparing the search texts, writing the list snapshot;
// IndexedDB compacting 50,000 fresh rows in its browser process) would otherwise run on the next
// device's time: the three first syncs came out slower one after the other (9.2 / 10.5 / 11.3 s
// in one shared browser; 8.6 / 14.1 / 20.6 s with a browser per device when only the new one was
// watched). A salon's devices are separate machines; here they share two cores.
import type { Browser, CDPSession } from '@playwright/test';

/** Quiet: all Chromium processes together used less than this share of one core … */
const QUIET_SHARE = 0.05;
/** … over a window this long. */
const WINDOW_MS = 1_000;
const POLL_MS = 250;
/** A browser that never settles gets the timed work anyway; the log says so. */
const GIVE_UP_MS = 60_000;

type ProcessInfo = { processInfo: { id: number; cpuTime: number }[] };

async function cpuByProcess(cdp: CDPSession): Promise<Map<number, number>> {
	const info = (await cdp.send('SystemInfo.getProcessInfo')) as unknown as ProcessInfo;
	return new Map(info.processInfo.map((p) => [p.id, p.cpuTime]));
}

/** CPU seconds used between two samples by the processes alive in both. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
	let used = 0;
	for (const [id, cpu] of after) {
		const was = before.get(id);
		if (was !== undefined) used += Math.max(0, cpu - was);
	}
	return used;
}

/** Resolves once every process of the browsers has been quiet for a whole window; returns the ms
 *  waited (or GIVE_UP_MS, and `log` is told, when they never were). */
export async function waitForQuietBrowser(
	browsers: Browser | readonly Browser[],
	log: (line: string) => void = () => {}
): Promise<number> {
	const list = Array.isArray(browsers) ? browsers : [browsers as Browser];
	const sessions = await Promise.all(list.map((b) => b.newBrowserCDPSession()));
	// Process ids are the system's, so the browsers' maps merge without clashes.
	const cpuNow = async () =>
		new Map((await Promise.all(sessions.map(cpuByProcess))).flatMap((m) => [...m]));
	const started = performance.now();
	try {
		const samples: { at: number; cpu: Map<number, number> }[] = [];
		for (;;) {
			const at = performance.now();
			samples.push({ at, cpu: await cpuNow() });
			while (samples.length > 1 && at - (samples[1] as { at: number }).at >= WINDOW_MS) {
				samples.shift();
			}
			const first = samples[0] as { at: number; cpu: Map<number, number> };
			const span = at - first.at;
			if (span >= WINDOW_MS) {
				const share =
					cpuBetween(first.cpu, samples[samples.length - 1]?.cpu ?? first.cpu) / (span / 1000);
				if (share < QUIET_SHARE) return at - started;
			}
			if (at - started > GIVE_UP_MS) {
				log(`browser still busy after ${GIVE_UP_MS / 1000} s: timing anyway`);
				return GIVE_UP_MS;
			}
			await new Promise((r) => setTimeout(r, POLL_MS));
		}
	} finally {
		await Promise.all(sessions.map((cdp) => cdp.detach()));
	}
}
