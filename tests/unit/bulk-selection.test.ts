import { describe, expect, it } from 'vitest';
import { emptyClientFields, type Client } from '../../src/lib/domain/client';
import {
	CLIENT_DATA_FORMAT,
	clientDataExport,
	clientDataJson,
	NO_LOOKUPS
} from '../../src/lib/domain/export';
import { keyAction } from '../../src/lib/ui/clients-list/keyboard';
import { ACTIONS, assertCan, can } from '../../src/lib/state/permissions';
import { Selection } from '../../src/lib/state/selection.svelte';

const rows = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}` }));

describe('selection', () => {
	it('toggles one row, and a shift-click gives the range the clicked row’s new state', () => {
		const s = new Selection();
		s.toggle(rows, 2);
		expect(s.ids()).toEqual(['c2']);
		s.toggle(rows, 5, true);
		expect(s.ids().sort()).toEqual(['c2', 'c3', 'c4', 'c5']);
		// Shift-click upwards from the new anchor (5) on a selected row clears the range.
		s.toggle(rows, 3, true);
		expect(s.ids().sort()).toEqual(['c2']);
		s.toggle(rows, 2);
		expect(s.size).toBe(0);
	});

	it('a shift-click without an anchor toggles just that row', () => {
		const s = new Selection();
		s.toggle(rows, 7, true);
		expect(s.ids()).toEqual(['c7']);
	});

	it('selects all matching rows, keeps only rows still shown, clears', () => {
		const s = new Selection();
		s.selectAll(rows);
		expect(s.size).toBe(10);
		const before = s.version;
		s.retain(rows.slice(0, 4));
		expect(s.ids()).toEqual(['c0', 'c1', 'c2', 'c3']);
		expect(s.version).toBeGreaterThan(before);
		s.clear();
		expect(s.size).toBe(0);
		expect(s.has('c0')).toBe(false);
	});

	it('Space on a focused row toggles it; in a field it types', () => {
		const at = { isTyping: false, inSearch: false, row: 4, hasText: false, count: 10 };
		expect(keyAction(' ', at)).toEqual({ kind: 'toggleRow', index: 4 });
		expect(keyAction(' ', { ...at, isTyping: true })).toBeNull();
		expect(keyAction(' ', { ...at, row: -1 })).toBeNull();
	});
});

describe('permissions', () => {
	it('today everyone may run bulk actions and exports (issue 7 restricts this function)', () => {
		expect(ACTIONS.map(can)).toEqual(ACTIONS.map(() => true));
		expect(ACTIONS).toEqual(expect.arrayContaining(['bulk', 'export']));
		expect(() => assertCan('bulk')).not.toThrow();
		expect(can('delete-everything' as never)).toBe(false);
		expect(() => assertCan('nope' as never)).toThrow(/not allowed/);
	});
});

describe('per-client data export', () => {
	const client: Client = {
		...emptyClientFields(),
		id: 'c1',
		firstName: 'Anna',
		lastName: 'Bianchi',
		categoryIds: ['k1', 'gone'],
		sourceId: 's1',
		sortName: 'bianchi anna',
		createdAt: Date.UTC(2025, 0, 2),
		createdBy: 'Giulia',
		updatedAt: Date.UTC(2025, 5, 3),
		clock: { firstName: 'x' },
		sets: undefined
	};

	it('holds every card field with names resolved, no merge bookkeeping, and plugged sections', () => {
		const data = clientDataExport(
			client,
			{ ...NO_LOOKUPS, categoryName: (id) => (id === 'k1' ? 'VIP' : undefined) },
			{ visits: [{ date: '2025-06-01' }] },
			{ exportedAt: Date.UTC(2026, 10, 24), salonName: 'Bellezza' }
		);
		expect(data.format).toBe(CLIENT_DATA_FORMAT);
		expect(data.exportedAt).toBe('2026-11-24T00:00:00.000Z');
		expect(data.client.firstName).toBe('Anna');
		expect(data.client.categoryNames).toEqual(['VIP', 'gone']);
		expect(data.client.sourceName).toBeNull();
		expect(data.client.createdAt).toBe('2025-01-02T00:00:00.000Z');
		for (const field of Object.keys(emptyClientFields())) expect(data.client).toHaveProperty(field);
		expect(data.client).not.toHaveProperty('clock');
		expect(data.client).not.toHaveProperty('sortName');
		expect(data.sections).toEqual({ visits: [{ date: '2025-06-01' }] });
		expect(JSON.parse(clientDataJson(data))).toEqual(data);
	});
});
