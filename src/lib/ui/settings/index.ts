export { default as CategoriesSection } from './CategoriesSection.svelte';
export { default as LocationsSection } from './LocationsSection.svelte';
export { default as RequiredFieldsSection } from './RequiredFieldsSection.svelte';
export { default as SalonSettingsSection } from './SalonSection.svelte';
export { default as SourcesSection } from './SourcesSection.svelte';
export { nameProblem, sameName } from './save';
export { default as CatalogSection } from './CatalogSection.svelte';
export { default as RolesSection } from './RolesSection.svelte';
export { default as EncryptionSection } from './EncryptionSection.svelte';
