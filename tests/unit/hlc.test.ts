import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compareHlc,
	formatHlc,
	HybridClock,
	isTooFarInFuture,
	MAX_CLOCK_DRIFT_MS,
	maxHlc,
	parseHlc
} from '../../src/lib/domain/hlc';
import { idTimestamp, newDeviceId, newId } from '../../src/lib/domain/ids';

/** A wall clock the test moves by hand. */
function fakeClock(start: number) {
	let now = start;
	return { now: () => now, set: (ms: number) => (now = ms) };
}

const T = 1_763_942_400_000; // 2025-11-24T00:00:00Z

describe('HybridClock', () => {
	it('formats wall time, counter and node id in fixed width', () => {
		const clock = new HybridClock('dev1', () => T);
		expect(clock.tick()).toBe(`${T}-0000-dev1`);
		expect(clock.tick()).toBe(`${T}-0001-dev1`);
		expect(clock.last).toBe(`${T}-0001-dev1`);
		expect(parseHlc(`${T}-00zz-dev1`)).toEqual({ wallMs: T, counter: 36 * 36 - 1, nodeId: 'dev1' });
	});

	it('stays strictly monotonic when the wall clock goes backwards', () => {
		const wall = fakeClock(T);
		const clock = new HybridClock('a', wall.now);
		const stamps = [clock.tick()];
		for (const ms of [T - 1000, T - 60_000, T, T + 5, T + 3, 0]) {
			wall.set(ms);
			stamps.push(clock.tick());
		}
		for (let i = 1; i < stamps.length; i++) {
			expect(compareHlc(stamps[i - 1]!, stamps[i]!)).toBe(-1);
			expect(stamps[i - 1]! < stamps[i]!).toBe(true);
		}
		// Time moving on again resets the counter.
		wall.set(T + 10);
		expect(clock.tick()).toBe(`${T + 10}-0000-a`);
	});

	it('thousands of ticks in one millisecond stay ordered and unique', () => {
		const clock = new HybridClock('a', () => T);
		const stamps = Array.from({ length: 5000 }, () => clock.tick());
		expect(new Set(stamps).size).toBe(5000);
		expect([...stamps].sort()).toEqual(stamps);
		expect(parseHlc(stamps.at(-1)!)).toEqual({ wallMs: T, counter: 4999, nodeId: 'a' });
	});

	it('borrows the next millisecond when the counter is exhausted', () => {
		const max = 36 ** 4 - 1;
		const clock = new HybridClock(
			'a',
			() => T,
			formatHlc({ wallMs: T, counter: max, nodeId: 'a' })
		);
		expect(clock.tick()).toBe(`${T + 1}-0000-a`);
	});

	it('restores the last stamp so a restart with a clock set back stays monotonic', () => {
		const before = new HybridClock('a', () => T + 1000);
		const last = before.tick();
		const after = new HybridClock('a', () => T, last);
		expect(after.last).toBe(last);
		expect(after.tick() > last).toBe(true);
	});

	it('receive() returns a stamp above both clocks', () => {
		const wall = fakeClock(T);
		const clock = new HybridClock('a', wall.now);
		clock.tick();
		const remoteAhead = `${T + 2000}-0005-b`;
		const merged = clock.receive(remoteAhead);
		expect(merged).toBe(`${T + 2000}-0006-a`);
		// A local tick after a receive is still later, although the wall clock is behind.
		const next = clock.tick();
		expect(compareHlc(next, merged)).toBe(1);

		const behind = clock.receive(`${T - 5000}-0000-c`);
		expect(compareHlc(behind, next)).toBe(1);

		wall.set(T + 10_000);
		expect(clock.receive(`${T + 3000}-0009-b`)).toBe(`${T + 10_000}-0000-a`);
	});

	it('receive() merges counters when all three wall times are equal', () => {
		const clock = new HybridClock('a', () => T);
		clock.tick(); // T-0000
		expect(clock.receive(`${T}-0042-b`)).toBe(`${T}-0043-a`);
		expect(clock.receive(`${T}-0001-b`)).toBe(`${T}-0044-a`);
	});

	it('does not adopt a remote stamp too far in the future, nor a malformed one', () => {
		const clock = new HybridClock('a', () => T);
		const farAhead = `${T + MAX_CLOCK_DRIFT_MS + 1}-0000-b`;
		const stamp = clock.receive(farAhead);
		expect(parseHlc(stamp)!.wallMs).toBe(T);
		expect(isTooFarInFuture(farAhead, T)).toBe(true);
		expect(isTooFarInFuture(`${T + MAX_CLOCK_DRIFT_MS}-0000-b`, T)).toBe(false);
		expect(compareHlc(clock.receive('garbage'), stamp)).toBe(1);
	});

	it('refuses node ids that would break the ordering', () => {
		expect(() => new HybridClock('', () => T)).toThrow(RangeError);
		expect(() => new HybridClock('Dev-1', () => T)).toThrow(RangeError);
		expect(() => new HybridClock('a'.repeat(25), () => T)).toThrow(RangeError);
	});
});

describe('compareHlc / maxHlc', () => {
	it('ties on wall time and counter break by node id', () => {
		expect(compareHlc(`${T}-0001-aaa`, `${T}-0001-bbb`)).toBe(-1);
		expect(compareHlc(`${T}-0001-bbb`, `${T}-0001-bbb`)).toBe(0);
		expect(compareHlc(`${T}-0002-aaa`, `${T}-0001-zzz`)).toBe(1);
	});

	it('maxHlc handles undefined', () => {
		expect(maxHlc(undefined, undefined)).toBeUndefined();
		expect(maxHlc(`${T}-0000-a`, undefined)).toBe(`${T}-0000-a`);
		expect(maxHlc(undefined, `${T}-0000-a`)).toBe(`${T}-0000-a`);
		expect(maxHlc(`${T}-0000-a`, `${T}-0001-a`)).toBe(`${T}-0001-a`);
	});

	it('plain string comparison agrees with compareHlc (property)', () => {
		const part = fc.record({
			wallMs: fc.integer({ min: 0, max: 9_999_999_999_999 }),
			counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }),
			nodeId: fc.stringMatching(/^[a-z0-9]{1,24}$/)
		});
		fc.assert(
			fc.property(part, part, (a, b) => {
				const ha = formatHlc(a);
				const hb = formatHlc(b);
				expect(parseHlc(ha)).toEqual(a);
				const byString = ha < hb ? -1 : ha > hb ? 1 : 0;
				expect(compareHlc(ha, hb)).toBe(byString);
			}),
			{ numRuns: 2000 }
		);
	});

	it('two clocks exchanging stamps never go backwards (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -1000, max: 1000 }), fc.boolean()), {
					minLength: 1,
					maxLength: 60
				}),
				(steps) => {
					const wall = fakeClock(T);
					const a = new HybridClock('a', wall.now);
					const b = new HybridClock('b', wall.now);
					let lastA = '';
					let lastB = '';
					for (const [onA, delta, exchange] of steps) {
						wall.set(wall.now() + delta);
						const [clock, other] = onA ? [a, b] : [b, a];
						const stamp = exchange && other.last ? clock.receive(other.last) : clock.tick();
						const prev = onA ? lastA : lastB;
						expect(stamp > prev).toBe(true);
						if (exchange && other.last) expect(stamp > other.last).toBe(true);
						if (onA) lastA = stamp;
						else lastB = stamp;
					}
				}
			)
		);
	});
});

describe('ids', () => {
	it('newId is a UUIDv7 carrying its time', () => {
		const future = Date.now() + 365 * 86_400_000;
		const id = newId(future);
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(idTimestamp(id)).toBe(future);
	});

	it('ids made in a burst, or with the clock going back, are strictly increasing', () => {
		const ids = Array.from({ length: 10_000 }, (_, i) => newId(i % 3 === 0 ? 1_000 : Date.now()));
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(ids);
	});

	it('newDeviceId is a valid HLC node id', () => {
		const ids = Array.from({ length: 200 }, () => newDeviceId());
		for (const id of ids) {
			expect(id).toMatch(/^[a-z0-9]{12}$/);
			expect(() => new HybridClock(id)).not.toThrow();
		}
		expect(new Set(ids).size).toBe(200);
	});
});
