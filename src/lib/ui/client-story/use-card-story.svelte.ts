// One CardStory per card shown, following the card's id (not every edit of the card).
import { CardStory } from '$lib/state/card-story.svelte';
import { notices } from '$lib/state/errors.svelte';

/** The ids whose notes and files show on a card. The duplicates feature's
 *  `mergeLinks.groupOf(id)` (issue 4) will widen this to every card merged into it. */
function groupOf(id: string): string[] {
	return [id];
}

export function useCardStory(getId: () => string): { readonly current: CardStory } {
	const id = $derived(getId());
	const story = $derived(new CardStory(groupOf(id)));
	$effect(() => story.start((error) => notices.handleError(error)));
	return {
		get current() {
			return story;
		}
	};
}
