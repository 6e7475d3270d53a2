export { default as SyncIndicator } from './SyncIndicator.svelte';
export { default as PairingCodePanel } from './PairingCodePanel.svelte';
export { default as DeviceList } from './DeviceList.svelte';
export { shortStatusText, statusText, timeOfDay } from './status-text';
export { default as LocationSelect } from './LocationSelect.svelte';
export { default as RoleSelect } from './RoleSelect.svelte';
export { roleChoices, roleLabel } from './roles';
