// One CardStory per card shown, following the card's id (not every edit of the card). The notes
// and files of every card merged into this one (duplicates, issue 4) show on it: they keep their
// own client id and are redirected here on read; new ones go to the survivor (first of the group).
import { CardStory } from '$lib/state/card-story.svelte';
import { notices } from '$lib/state/errors.svelte';
import { mergeLinks } from '$lib/state/links.svelte';

export function useCardStory(getId: () => string): { readonly current: CardStory } {
	// A string, so an unchanged group does not restart the story.
	const group = $derived(mergeLinks.groupOf(getId()).join(' '));
	const story = $derived(new CardStory(group.split(' ')));
	$effect(() => story.start((error) => notices.handleError(error)));
	return {
		get current() {
			return story;
		}
	};
}
