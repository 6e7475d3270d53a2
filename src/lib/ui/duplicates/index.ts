export { default as DuplicateQueue } from './DuplicateQueue.svelte';
export { default as DuplicateWarning } from './DuplicateWarning.svelte';
export { default as MergedBanner } from './MergedBanner.svelte';
export { default as MergedInto } from './MergedInto.svelte';
export { default as MergeView } from './MergeView.svelte';
export { default as DuplicatesSummary } from './DuplicatesSummary.svelte';
export { default as AutoMergeSetting } from './AutoMergeSetting.svelte';
