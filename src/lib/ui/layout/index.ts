export { default as AppHeader } from './AppHeader.svelte';
export { default as AppNav } from './AppNav.svelte';
export { default as LanguageSwitch } from './LanguageSwitch.svelte';
export { default as LoadingScreen } from './LoadingScreen.svelte';
