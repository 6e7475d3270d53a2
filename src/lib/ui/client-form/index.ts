export { default as ClientForm } from './ClientForm.svelte';
export { draftFromFields, draftFromQuery, fieldsFromDraft, type ClientDraft } from './draft';
