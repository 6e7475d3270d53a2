// The catch-up signal the duplicate check hooks into: an active replication turning idle while
// the server is reachable, told to listeners only once every collection is in sync, once per
// catch-up even when reports pile up while it waits.
import { describe, expect, it } from 'vitest';
import { CaughtUpWatch } from '$lib/state/sync-caught-up';

function watch(running = true) {
	const waits: Array<() => void> = [];
	const replication = {
		awaitInSync: () => new Promise<void>((done) => waits.push(done))
	};
	const w = new CaughtUpWatch(() => (running ? replication : null));
	let told = 0;
	w.add(() => told++);
	/** Ends the `i`th wait for every collection to be in sync. */
	function release(i: number): void {
		const done = waits[i];
		if (!done) throw new Error(`no wait ${i}`);
		done();
	}
	return { w, waits, release, told: () => told };
}

describe('CaughtUpWatch', () => {
	it('tells listeners after an active replication turned idle and everything is in sync', async () => {
		const f = watch();
		f.w.report({ active: true });
		f.w.report({ pending: 2 }); // not about activity: ignored
		expect(f.waits).toHaveLength(0);
		f.w.report({ active: false });
		expect(f.told()).toBe(0); // not before every collection is in sync
		expect(f.waits).toHaveLength(1);
		f.release(0);
		await expect.poll(() => f.told()).toBe(1);
	});

	it('stays quiet when idle follows idle, when it ends offline, or with no replication', async () => {
		const idle = watch();
		idle.w.report({ active: false });
		const offline = watch();
		offline.w.report({ active: true });
		offline.w.report({ active: false, offline: true });
		const stopped = watch(false);
		stopped.w.report({ active: true });
		stopped.w.report({ active: false });
		await Promise.resolve();
		expect([idle.waits, offline.waits, stopped.waits].map((w) => w.length)).toEqual([0, 0, 0]);
		expect(idle.told() + offline.told() + stopped.told()).toBe(0);
	});

	it('checks once at a time: a catch-up while the last one waits is not told twice', async () => {
		const f = watch();
		f.w.report({ active: true });
		f.w.report({ active: false });
		f.w.report({ active: true });
		f.w.report({ active: false });
		expect(f.waits).toHaveLength(1);
		f.release(0);
		await expect.poll(() => f.told()).toBe(1);
		// The next catch-up after the check ended is told again.
		f.w.report({ active: true });
		f.w.report({ active: false });
		expect(f.waits).toHaveLength(2);
		f.release(1);
		await expect.poll(() => f.told()).toBe(2);
	});
});
