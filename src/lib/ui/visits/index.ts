export { default as VisitsSection } from './VisitsSection.svelte';
export { default as VisitStats } from './VisitStats.svelte';
export { default as LoyaltyPanel } from './LoyaltyPanel.svelte';
export { default as ClientHistory } from './ClientHistory.svelte';
