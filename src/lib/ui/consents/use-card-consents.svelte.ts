// One CardConsents per card shown, following the card's merged group (like useCardStory).
import { CardConsents } from '$lib/state/consents.svelte';
import { notices } from '$lib/state/errors.svelte';
import { mergeLinks } from '$lib/state/links.svelte';

export function useCardConsents(getId: () => string): { readonly current: CardConsents } {
	// A string, so an unchanged group does not restart the subscription.
	const group = $derived(mergeLinks.groupOf(getId()).join(' '));
	const consents = $derived(new CardConsents(group.split(' ')));
	$effect(() => consents.start((error) => notices.handleError(error)));
	return {
		get current() {
			return consents;
		}
	};
}
