export { default as ChangeHistory } from './ChangeHistory.svelte';
export { default as AuditLog } from './AuditLog.svelte';
