export { default as ConfirmDialog } from './ConfirmDialog.svelte';
export { default as ContactActions } from './ContactActions.svelte';
export { default as Toasts } from './Toasts.svelte';
export { primaryPhone } from './contact';
export { todayIso, daysBetween } from './dates';
export { countryOptions, languageOptions, monthOptions, type Option } from './options';
