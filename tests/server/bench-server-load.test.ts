// Smoke test of the benchmark's server load generator (bench/server-load.ts) at toy size: a real
// server process on loopback, a few devices holding the stream and pushing edits. It checks the
// generator works and its figures are well-formed — never how fast (the bench reports that).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	checkPlan,
	countChangeEvents,
	MAX_GENERATOR_DEVICES,
	MAX_GENERATOR_MS
} from '../../bench/load-generator';
import { runServerLoad } from '../../bench/server-load';
import { isWellFormed, row } from '../../bench/stats';

const dataDir = mkdtempSync(join(tmpdir(), 'schedario-load-smoke-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

describe('bench server load generator (toy size)', () => {
	it('pushes edits from devices that hold the stream, and every edit is accepted', async () => {
		const devices = 3;
		const result = await runServerLoad({
			storage: 'sqlite',
			ports: [await freePort()],
			dataDir,
			devices,
			batch: 2,
			durationMs: 500
		});
		expect(result.failures).toBe(0);
		expect(result.conflicts).toBe(0);
		expect(result.pushMs.length).toBeGreaterThanOrEqual(devices);
		expect(result.accepted).toBe(result.pushMs.length * 2);
		// Every accepted push is announced on the streams of the salon's devices.
		expect(result.events).toBeGreaterThan(0);
		expect(result.rssMiB[0]).toBeGreaterThan(0);
		// The devices ran in their own process, not in this one's event loop.
		expect(result.generatorPid).toBeGreaterThan(0);
		expect(result.generatorPid).not.toBe(process.pid);
		expect(isWellFormed(row('changes/s', 'changes/s', [result.changesPerSecond]))).toBe(true);
		expect(isWellFormed(row('push', 'ms', result.pushMs))).toBe(true);
	});

	it('refuses a plan that leaves loopback or exceeds its bounds', () => {
		const device = { id: 'd', token: 't', docs: [] };
		const plan = { origins: ['http://127.0.0.1:4550'], salonId: 's', devices: [device] };
		expect(checkPlan({ ...plan, durationMs: 1000 }).devices).toHaveLength(1);
		expect(() => checkPlan({ ...plan, origins: ['http://example.com'], durationMs: 1000 })).toThrow(
			/loopback/
		);
		expect(() => checkPlan({ ...plan, origins: ['http://10.0.0.2:80'], durationMs: 1000 })).toThrow(
			/loopback/
		);
		expect(() => checkPlan({ ...plan, origins: [], durationMs: 1000 })).toThrow(/server/);
		expect(() => checkPlan({ ...plan, durationMs: MAX_GENERATOR_MS + 1 })).toThrow(/at most/);
		const many = Array.from({ length: MAX_GENERATOR_DEVICES + 1 }, () => device);
		expect(() => checkPlan({ ...plan, devices: many, durationMs: 1000 })).toThrow(/devices/);
	});

	it('counts every change event of a stream however its bytes are split into chunks (property)', () => {
		const events = fc.array(
			fc.constantFrom(
				'retry: 2000\nevent: resync\ndata: {}\n\n',
				': ping\n\n',
				'event: change\ndata: {"collections":["clients"],"seq":42}\n\n',
				'event: device\ndata: {"role":"owner"}\n\n'
			),
			{ maxLength: 30 }
		);
		fc.assert(
			fc.property(events, fc.array(fc.nat(), { maxLength: 10 }), (list, cuts) => {
				const text = list.join('');
				const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
				let count = 0;
				let rest = '';
				let from = 0;
				for (const end of [...at, text.length]) {
					rest = countChangeEvents(rest + text.slice(from, end), () => count++);
					from = end;
				}
				expect(count).toBe(list.filter((e) => e.startsWith('event: change')).length);
				expect(rest).toBe('');
			})
		);
	});
});
