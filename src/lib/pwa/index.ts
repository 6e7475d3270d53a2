export { registerServiceWorker } from './register';
export { pwa } from './pwa.svelte';
export { default as UpdatePrompt } from './UpdatePrompt.svelte';
