export { default as LockScreen } from './LockScreen.svelte';
export { default as StaffSection } from './StaffSection.svelte';
export { default as SwitchButton } from './SwitchButton.svelte';
