export { default as CardFiles } from './CardFiles.svelte';
export { default as NoteAlert } from './NoteAlert.svelte';
export { default as NotesTimeline } from './NotesTimeline.svelte';
export { useCardStory } from './use-card-story.svelte';
export { visitChoices } from './visit-choices';
