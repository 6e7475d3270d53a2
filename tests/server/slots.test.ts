// Slots (sync-server/src/http/slots.ts) bound how many pushes are read, parsed and written at once.
import { describe, expect, it } from 'vitest';
import { Slots } from '../../sync-server/src/http/slots.js';

/** A piece of work that runs until `finish` is called. */
function gate() {
	let finish!: () => void;
	let fail!: (e: Error) => void;
	const done = new Promise<void>((resolve, reject) => {
		finish = resolve;
		fail = reject;
	});
	return { done, finish, fail };
}

describe('Slots', () => {
	it('runs at most `size` at once; the others start in arrival order as slots free', async () => {
		const slots = new Slots(2);
		const gates = Array.from({ length: 5 }, gate);
		const started: number[] = [];
		const runs = gates.map((g, i) =>
			slots.run(async () => {
				started.push(i);
				await g.done;
				return i;
			})
		);
		await expect.poll(() => started).toEqual([0, 1]);
		expect(slots.waiting).toBe(3);
		gates[1]!.finish();
		await expect.poll(() => started).toEqual([0, 1, 2]);
		gates[0]!.finish();
		gates[2]!.finish();
		await expect.poll(() => started).toEqual([0, 1, 2, 3, 4]);
		gates[3]!.finish();
		gates[4]!.finish();
		expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
		expect(slots.waiting).toBe(0);
	});

	it('frees the slot when the work fails, and passes the failure on', async () => {
		const slots = new Slots(1);
		const first = gate();
		const failing = slots.run(() => first.done);
		const next = slots.run(async () => 'next ran');
		first.fail(new Error('boom'));
		await expect(failing).rejects.toThrow('boom');
		expect(await next).toBe('next ran');
		// And the slot is free again for a newcomer.
		expect(await slots.run(async () => 'again')).toBe('again');
	});

	it('refuses a count that is not a positive integer', () => {
		expect(() => new Slots(0)).toThrow(RangeError);
		expect(() => new Slots(1.5)).toThrow(RangeError);
	});
});
