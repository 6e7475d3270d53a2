// The A–Z rail: which letters have clients in the current results, and where each starts.
import type { Client } from '$lib/domain/client';

export const RAIL_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const;

/**
 * The rail letter of a client from its stored sortName (folded "surname firstname"): reading one
 * character keeps this cheap enough to run over 100,000 results on every keystroke.
 */
export function railLetter(sortName: string): string {
	const first = sortName.trimStart().charAt(0);
	return first >= 'a' && first <= 'z' ? first.toUpperCase() : '#';
}

/** Letter → index of the first client with that initial, in the order given. */
export function firstIndexByLetter(
	clients: readonly Pick<Client, 'sortName'>[]
): Map<string, number> {
	const firsts = new Map<string, number>();
	for (let i = 0; i < clients.length; i++) {
		const letter = railLetter(clients[i]!.sortName);
		if (!firsts.has(letter)) {
			firsts.set(letter, i);
			if (firsts.size === RAIL_LETTERS.length) break;
		}
	}
	return firsts;
}
