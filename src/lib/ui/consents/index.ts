export { default as CardConsents } from './CardConsents.svelte';
export { default as ConsentTextsSection } from './ConsentTextsSection.svelte';
export { default as ConsentWarning } from './ConsentWarning.svelte';
export { default as PrivacyForm } from './PrivacyForm.svelte';
export { default as SalonDetailsSection } from './SalonDetailsSection.svelte';
export { default as SignConsents } from './SignConsents.svelte';
export { useCardConsents } from './use-card-consents.svelte';
