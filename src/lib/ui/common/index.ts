export { default as ContactActions } from './ContactActions.svelte';
export { primaryPhone } from './contact';
