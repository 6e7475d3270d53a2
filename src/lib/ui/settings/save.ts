// Every settings change is saved at once; this reports the outcome the same way everywhere.
import { notices } from '$lib/state/errors.svelte';

export async function saveWithToast(
	action: () => Promise<unknown>,
	success: string
): Promise<boolean> {
	try {
		await action();
		notices.push({ kind: 'success', message: success });
		return true;
	} catch (error) {
		notices.handleError(error);
		return false;
	}
}

/** Case- and accent-insensitive equality, so "Viso" and "viso " count as the same name. */
export function sameName(a: string, b: string): boolean {
	return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;
}

export type NameProblem = 'settings.nameRequired' | 'settings.nameTaken';

/** Why `name` cannot be used for a new or renamed item, or null when it can. */
export function nameProblem(
	name: string,
	existing: readonly { id: string; name: string }[],
	selfId: string | null = null
): NameProblem | null {
	if (!name.trim()) return 'settings.nameRequired';
	if (existing.some((item) => item.id !== selfId && sameName(item.name, name))) {
		return 'settings.nameTaken';
	}
	return null;
}
