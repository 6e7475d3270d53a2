import { describe, expect, it } from 'vitest';
import { authorOf } from '$lib/domain/authorship';

describe('authorOf', () => {
	it('reads the author field of each collection that has one', () => {
		expect(authorOf('clients', { id: 'c1', editedBy: 'staff-a' })).toBe('staff-a');
		expect(authorOf('staff', { id: 's1', editedBy: 'staff-b' })).toBe('staff-b');
		expect(authorOf('visits', { id: 'v1', createdBy: 'staff-c' })).toBe('staff-c');
		expect(authorOf('notes', { id: 'n1', author: 'staff-d' })).toBe('staff-d');
		expect(authorOf('files', { id: 'f1', author: 'Giulia' })).toBe('Giulia');
		expect(authorOf('links', { id: 'l1', by: 'device-1', staff: 'staff-e' })).toBe('staff-e');
		expect(authorOf('consents', { id: 'k1', staffId: 'staff-f' })).toBe('staff-f');
	});

	it('is null when nobody was signed in or the field is missing', () => {
		expect(authorOf('clients', { id: 'c1', editedBy: '' })).toBeNull();
		// A card written before the field existed.
		expect(authorOf('clients', { id: 'c1', createdBy: 'x' })).toBeNull();
		expect(authorOf('visits', { id: 'v1', createdBy: 42 })).toBeNull();
	});

	it('is null for configuration collections, unknown collections and non-objects', () => {
		expect(authorOf('settings', { key: 'locale', editedBy: 'staff-a' })).toBeNull();
		expect(authorOf('categories', { id: 'x', author: 'staff-a' })).toBeNull();
		expect(authorOf('toString', { toString: 'staff-a' })).toBeNull();
		expect(authorOf('clients', null)).toBeNull();
		expect(authorOf('clients', 'editedBy')).toBeNull();
	});
});
