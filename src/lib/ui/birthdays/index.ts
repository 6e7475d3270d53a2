export { default as BirthdaysView } from './BirthdaysView.svelte';
