// Work that can wait for a quiet moment of the main thread (a recount, a warm-up), with a
// deadline so it still runs on a page that is never idle.

/** Runs `run` at the next idle moment, at the latest after `timeoutMs`; returns a cancel. */
export function whenIdle(run: () => void, timeoutMs = 500): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(run, { timeout: timeoutMs });
		return () => cancelIdleCallback(handle);
	}
	const handle = setTimeout(run, 0);
	return () => clearTimeout(handle);
}
