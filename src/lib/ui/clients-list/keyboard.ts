// The list's keyboard shortcuts as a pure decision: which action a key means where focus is.
// The component carries the action out; keeping the rules here makes them testable in Node.

export interface KeyContext {
	/** Focus is in a text field, select or editable area (other than the rules below). */
	isTyping: boolean;
	/** Focus is in the search box. */
	inSearch: boolean;
	/** Index of the row holding focus, or -1. */
	row: number;
	hasText: boolean;
	/** Number of clients in the results. */
	count: number;
}

export type KeyAction =
	| { kind: 'focusSearch' }
	| { kind: 'newClient' }
	| { kind: 'clearSearch' }
	| { kind: 'focusRow'; index: number }
	| { kind: 'toggleRow'; index: number }
	| { kind: 'openOnly' };

export function keyAction(key: string, at: KeyContext): KeyAction | null {
	switch (key) {
		case '/':
			return at.isTyping ? null : { kind: 'focusSearch' };
		case 'n':
			return at.isTyping ? null : { kind: 'newClient' };
		case 'Escape':
			return at.inSearch && at.hasText ? { kind: 'clearSearch' } : null;
		case 'ArrowDown':
			if (at.inSearch) return at.count > 0 ? { kind: 'focusRow', index: 0 } : null;
			return at.row >= 0 ? { kind: 'focusRow', index: Math.min(at.row + 1, at.count - 1) } : null;
		case 'ArrowUp':
			if (at.row > 0) return { kind: 'focusRow', index: at.row - 1 };
			return at.row === 0 ? { kind: 'focusSearch' } : null;
		case 'Enter':
			// One match: Enter in the search opens it, the fastest path while the phone rings.
			// On a row, Enter is the focused link's own.
			return at.inSearch && at.count === 1 ? { kind: 'openOnly' } : null;
		case ' ':
			// Space on a focused row (its name link) selects it for a bulk action.
			return !at.isTyping && at.row >= 0 ? { kind: 'toggleRow', index: at.row } : null;
		default:
			return null;
	}
}

export function isTypingIn(target: EventTarget | null): boolean {
	return (
		typeof HTMLElement !== 'undefined' &&
		target instanceof HTMLElement &&
		(target.isContentEditable || target.closest('input, textarea, select') !== null)
	);
}
