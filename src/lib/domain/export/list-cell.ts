// Set fields (tags, allergies, categories, e-mails…) share one cell: items joined by " | ".
// A "|" or "\" inside an item is escaped with "\" so splitList gives back exactly the items
// joinList was given (the importer reads our own files with splitList).

export const LIST_SEPARATOR = ' | ';

const escapeItem = (item: string) => item.replace(/[\\|]/g, (c) => `\\${c}`);

export function joinList(items: readonly string[]): string {
	return items.map(escapeItem).join(LIST_SEPARATOR);
}

/** The inverse of joinList; also reads hand-typed "a|b" or "a | b". Empty items are dropped. */
export function splitList(cell: string): string[] {
	const items: string[] = [];
	let current = '';
	for (let i = 0; i < cell.length; i++) {
		const c = cell[i];
		if (c === '\\' && i + 1 < cell.length) {
			current += cell[++i];
		} else if (c === '|') {
			items.push(current);
			current = '';
		} else {
			current += c;
		}
	}
	items.push(current);
	// The separator's spaces are not part of an item; spaces a person typed inside one are.
	return items.map((s) => s.trim()).filter((s) => s !== '');
}
