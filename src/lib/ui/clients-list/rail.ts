// The A–Z rail: which letters have clients in the current results, and where each starts.
import type { Client } from '$lib/domain/client';

export const RAIL_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const;

type Named = Pick<Client, 'sortName'>;

/** The rail letter of a client from its stored sortName (folded "surname firstname"). */
export function railLetter(sortName: string): string {
	const first = sortName.trimStart().charAt(0);
	return first >= 'a' && first <= 'z' ? first.toUpperCase() : '#';
}

/** Letter → index of the first client with that initial, in whatever order they come. */
export function firstIndexByLetter(clients: readonly Named[]): Map<string, number> {
	const firsts = new Map<string, number>();
	for (let i = 0; i < clients.length && firsts.size < RAIL_LETTERS.length; i++) {
		const letter = railLetter(clients[i]!.sortName);
		if (!firsts.has(letter)) firsts.set(letter, i);
	}
	return firsts;
}

/** The first index where a predicate that is false…false true…true turns true (or length). */
function firstTrue(clients: readonly Named[], isPast: (sortName: string) => boolean): number {
	let lo = 0;
	let hi = clients.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (isPast(clients[mid]!.sortName)) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/**
 * Same answer as firstIndexByLetter for clients sorted by sortName (code-unit order, as the
 * search index sorts them), in 27 binary searches instead of a scan: a full scan of 100,000
 * results on every keystroke costs more than the search itself.
 */
export function firstIndexByLetterSorted(
	clients: readonly Named[],
	direction: 'asc' | 'desc'
): Map<string, number> {
	const firsts = new Map<string, number>();
	if (clients.length === 0) return firsts;
	const isAsc = direction === 'asc';
	for (const letter of RAIL_LETTERS) {
		let index: number;
		if (letter === '#') {
			// Digits sort before "a", Cyrillic and the rest after "z": '#' sits at either end.
			index =
				railLetter(clients[0]!.sortName) === '#'
					? 0
					: firstTrue(clients, isAsc ? (s) => s >= '{' : (s) => s < 'a');
		} else {
			const lower = letter.toLowerCase();
			const next = String.fromCharCode(lower.charCodeAt(0) + 1);
			index = firstTrue(clients, isAsc ? (s) => s >= lower : (s) => s < next);
		}
		if (index < clients.length && railLetter(clients[index]!.sortName) === letter) {
			firsts.set(letter, index);
		}
	}
	return firsts;
}
