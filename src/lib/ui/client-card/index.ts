export { default as ClientCard } from './ClientCard.svelte';
export { default as ClientNotFound } from './ClientNotFound.svelte';
export { birthdayFacts, fidelityState, EXPIRES_SOON_DAYS, type FidelityState } from './facts';
