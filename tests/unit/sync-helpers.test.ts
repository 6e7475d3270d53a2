import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, maxHlc } from '$lib/domain/hlc';
import { backoffMs, newestStamp, toWireDoc } from '$lib/db/replication';
import {
	defaultDeviceName,
	deriveStatus,
	deviceRoleOf,
	formatCountdown,
	losesSight,
	parseStoredSync,
	secondsLeft,
	syncErrorKey,
	type StatusInputs
} from '$lib/state/sync-helpers';

const paired: StatusInputs = {
	isPaired: true,
	isBrowserOnline: true,
	isServerUnreachable: false,
	active: false,
	pending: 0,
	errorCode: null,
	offlineSince: null,
	lastSyncedAt: 1000,
	receivedClients: null
};

describe('deriveStatus', () => {
	it('is local-only when not paired, whatever else is known', () => {
		const s = deriveStatus({ ...paired, isPaired: false, pending: 3, errorCode: 'network' });
		expect(s).toMatchObject({ kind: 'local-only', pending: 0, error: null });
	});

	it('is offline with its start time when the browser or the server is unreachable', () => {
		expect(deriveStatus({ ...paired, isBrowserOnline: false, offlineSince: 42 })).toMatchObject({
			kind: 'offline',
			offlineSince: 42
		});
		expect(
			deriveStatus({ ...paired, isServerUnreachable: true, errorCode: 'bad_request' }).kind
		).toBe('offline');
	});

	it('reports a server refusal as an error with its code', () => {
		expect(deriveStatus({ ...paired, errorCode: 'clock_in_future' })).toMatchObject({
			kind: 'error',
			error: 'clock_in_future'
		});
	});

	it('is syncing while active or with pending changes, else synced', () => {
		expect(deriveStatus({ ...paired, pending: 3 })).toMatchObject({ kind: 'syncing', pending: 3 });
		expect(deriveStatus({ ...paired, active: true }).kind).toBe('syncing');
		expect(deriveStatus(paired)).toMatchObject({ kind: 'synced', lastSyncedAt: 1000 });
	});

	it("tells how many of the salon's cards a first sync has written, only while it syncs", () => {
		const receiving = { ...paired, active: true, receivedClients: 15_000 };
		expect(deriveStatus(receiving)).toMatchObject({ kind: 'syncing', receivedClients: 15_000 });
		expect(deriveStatus({ ...receiving, isBrowserOnline: false }).receivedClients).toBeNull();
		expect(deriveStatus({ ...receiving, errorCode: 'network' }).receivedClients).toBeNull();
		expect(deriveStatus({ ...receiving, isPaired: false }).receivedClients).toBeNull();
		expect(deriveStatus({ ...receiving, active: false }).receivedClients).toBeNull();
	});
});

describe('parseStoredSync', () => {
	const good = {
		serverUrl: '',
		salonId: 's1',
		deviceId: 'd1',
		token: 't',
		role: 'owner',
		deviceName: 'PC',
		salonName: 'Aurora',
		locationId: 'loc-milano'
	};
	it('reads valid credentials and refuses anything else', () => {
		expect(parseStoredSync(JSON.stringify(good))).toEqual(good);
		expect(parseStoredSync(JSON.stringify({ ...good, locationId: null }))?.locationId).toBeNull();
		expect(parseStoredSync(JSON.stringify({ ...good, locationId: 7 }))).toBeNull();
		expect(parseStoredSync(null)).toBeNull();
		expect(parseStoredSync('{not json')).toBeNull();
		expect(parseStoredSync(JSON.stringify({ ...good, role: 'admin' }))).toBeNull();
		expect(parseStoredSync(JSON.stringify({ ...good, token: '' }))).toBeNull();
	});
	it('reads credentials saved before chains as paired at no location', () => {
		const { locationId: _omitted, ...old } = good;
		expect(parseStoredSync(JSON.stringify(old))).toEqual({ ...old, locationId: null });
	});
});

describe('messages and names', () => {
	it('maps protocol codes to their explanation, unknown codes to a server error', () => {
		expect(syncErrorKey('clock_in_future')).toBe('sync.error.clockInFuture');
		expect(syncErrorKey('pairing_code_expired')).toBe('sync.error.codeExpired');
		expect(syncErrorKey('network')).toBe('sync.error.network');
		expect(syncErrorKey('something_new')).toBe('sync.error.server');
	});

	it('names the device after its kind', () => {
		const ipad = 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15';
		const androidTab =
			'Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 Chrome/120 Safari/537.36';
		const androidPhone = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile Safari/537.36';
		const desktop = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36';
		expect(defaultDeviceName(ipad)).toBe('sync.deviceKind.tablet');
		expect(defaultDeviceName(androidTab)).toBe('sync.deviceKind.tablet');
		expect(defaultDeviceName(androidPhone)).toBe('sync.deviceKind.phone');
		expect(defaultDeviceName(desktop)).toBe('sync.deviceKind.computer');
	});

	it('counts down in whole seconds and formats m:ss', () => {
		expect(secondsLeft(10_000, 500)).toBe(10);
		expect(secondsLeft(10_000, 20_000)).toBe(0);
		expect(formatCountdown(600)).toBe('10:00');
		expect(formatCountdown(65)).toBe('1:05');
	});
});

describe('replication helpers', () => {
	it('strips RxDB bookkeeping and always sets _deleted', () => {
		const wire = toWireDoc({
			id: 'a',
			name: 'VIP',
			_rev: '1-x',
			_meta: { lwt: 1 },
			_attachments: {}
		});
		expect(wire).toEqual({ id: 'a', name: 'VIP', _deleted: false });
		expect(toWireDoc({ id: 'b', _deleted: true })).toEqual({ id: 'b', _deleted: true });
	});

	it('finds the newest HLC stamp of a batch', () => {
		const docs = [
			{ clock: { firstName: '1700000000000-0001-aaaa', note: '1700000000005-0000-bbbb' } },
			{ clock: { phones: '1700000000005-0002-aaaa' } },
			{ id: 'no-clock' }
		];
		expect(newestStamp(docs)).toBe('1700000000005-0002-aaaa');
		expect(newestStamp([])).toBeUndefined();
	});

	it('finds the same newest stamp as folding maxHlc, malformed stamps included', () => {
		const wellFormed = fc
			.record({
				wallMs: fc.integer({ min: 0, max: 9_999_999_999_999 }),
				counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }),
				nodeId: fc.stringMatching(/^[a-z0-9]{1,24}$/)
			})
			.map(formatHlc);
		const stamp = fc.oneof(wellFormed, wellFormed, fc.string({ maxLength: 30 }));
		const doc = fc.oneof(
			fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), stamp).map((clock) => ({ clock })),
			fc.constant({ id: 'no-clock' })
		);
		fc.assert(
			fc.property(fc.array(doc, { maxLength: 12 }), (docs) => {
				let slow: string | undefined;
				for (const d of docs) {
					for (const s of Object.values((d as { clock?: object }).clock ?? {}))
						slow = maxHlc(slow, s as string);
				}
				expect(newestStamp(docs)).toBe(slow);
			}),
			{ numRuns: 2000 }
		);
	});

	it('backs off from about a second to at most about thirty', () => {
		expect(backoffMs(0, () => 0.5)).toBe(1000);
		expect(backoffMs(3, () => 0.5)).toBe(8000);
		expect(backoffMs(20, () => 0.5)).toBe(30_000);
		expect(backoffMs(20, () => 1)).toBeLessThanOrEqual(37_500);
		expect(backoffMs(0, () => 0)).toBeGreaterThanOrEqual(750);
	});
});

describe('device role from the stored credentials (issue 7)', () => {
	const creds = {
		serverUrl: '',
		salonId: 's',
		deviceId: 'd',
		token: 't',
		deviceName: 'Tablet',
		salonName: '',
		locationId: null
	};

	it('keeps the role the server gave, and reads credentials saved before roles', () => {
		const stored = parseStoredSync(
			JSON.stringify({ ...creds, role: 'staff', accessRole: 'therapist' })
		);
		expect(stored?.accessRole).toBe('therapist');
		expect(deviceRoleOf(stored)).toBe('therapist');
		expect(deviceRoleOf(parseStoredSync(JSON.stringify({ ...creds, role: 'staff' })))).toBe(
			'reception'
		);
		expect(deviceRoleOf(parseStoredSync(JSON.stringify({ ...creds, role: 'owner' })))).toBe(
			'owner'
		);
		expect(deviceRoleOf(null)).toBe('owner');
		expect(parseStoredSync(JSON.stringify({ ...creds, role: 'staff', accessRole: 'Bad Id' }))).toBe(
			null
		);
	});

	it('says when a new role loses sight of contacts or health data, built-in or custom', () => {
		const roles = [{ id: 'junior', name: 'Junior', permissions: ['seeContacts' as const] }];
		expect(losesSight('owner', 'reception', roles)).toBe(false);
		expect(losesSight('reception', 'therapist', roles)).toBe(true); // contacts
		expect(losesSight('therapist', 'junior', roles)).toBe(true); // health
		expect(losesSight('therapist', 'reception', roles)).toBe(false);
		expect(losesSight('junior', 'reception', roles)).toBe(false);
		// A custom role since removed grants nothing.
		expect(losesSight('junior', 'gone', roles)).toBe(true);
		expect(losesSight('gone', 'therapist', roles)).toBe(false);
	});

	it('explains the permission refusals', () => {
		expect(syncErrorKey('forbidden_field')).toBe('perm.error.forbiddenField');
		expect(syncErrorKey('unknown_role')).toBe('perm.error.unknownRole');
	});
});
