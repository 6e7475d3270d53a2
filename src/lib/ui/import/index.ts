export { default as ImportPage } from './ImportPage.svelte';
