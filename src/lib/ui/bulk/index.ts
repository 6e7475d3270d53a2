export { default as BulkBar } from './BulkBar.svelte';
export { default as ExportMenu } from './ExportMenu.svelte';
export { default as SelectBox } from './SelectBox.svelte';
