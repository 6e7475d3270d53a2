// The nav's review count is recounted lazily: one recount per burst of changes, when the
// scheduled (idle) moment comes, reading the newest state; nothing is counted in the change itself.
import { describe, expect, it } from 'vitest';
import { IdleCount } from '$lib/state/review-count.svelte';

function scheduler() {
	const queued: Array<() => void> = [];
	const schedule = (run: () => void) => {
		queued.push(run);
		return () => {
			const i = queued.indexOf(run);
			if (i >= 0) queued.splice(i, 1);
		};
	};
	return { queued, schedule, runAll: () => queued.splice(0).forEach((run) => run()) };
}

describe('IdleCount', () => {
	it('recounts once per burst, when the scheduled run comes, with the newest figures', () => {
		const s = scheduler();
		let pairs = 3;
		let counted = 0;
		const count = new IdleCount(() => {
			counted += 1;
			return pairs;
		}, s.schedule);
		count.changed();
		expect(counted).toBe(0); // nothing computed by the change itself
		s.runAll();
		expect(count.value).toBe(3);

		for (const more of [1, 2, 3]) {
			pairs = 3 + more;
			count.changed();
		}
		expect(s.queued).toHaveLength(1);
		s.runAll();
		expect(counted).toBe(2);
		expect(count.value).toBe(6);
	});

	it('drops a waiting recount when reset or stopped', () => {
		const s = scheduler();
		const count = new IdleCount(() => 5, s.schedule);
		count.changed();
		s.runAll();
		expect(count.value).toBe(5);
		count.changed();
		count.reset();
		expect(count.value).toBe(0);
		expect(s.queued).toHaveLength(0);
		count.changed();
		count.stop();
		expect(s.queued).toHaveLength(0);
		expect(count.value).toBe(0);
	});
});
