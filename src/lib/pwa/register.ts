// Registers the service worker with workbox-window and feeds its lifecycle into `pwa` state.
// Not in dev: a worker caching Vite's dev modules would serve stale code on every edit.
import { Workbox } from 'workbox-window';
import { pwa } from './pwa.svelte';

const UPDATE_CHECK_MS = 60 * 60 * 1000;
let isRegistered = false;

export function registerServiceWorker(): void {
	if (import.meta.env.DEV || isRegistered) return;
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	isRegistered = true;

	const workbox = new Workbox('/service-worker.js');
	pwa.attach(workbox);

	workbox.addEventListener('installed', (event) => {
		if (!event.isUpdate && !event.isExternal) pwa.offlineReady = true;
	});
	// A new version is installed but the old one still serves this tab: ask, never force, so
	// nothing being typed is lost to a reload.
	workbox.addEventListener('waiting', () => {
		pwa.updateAvailable = true;
	});
	// Another tab applied the update: this tab now runs old code under a new worker. Offer the
	// reload here too instead of reloading behind the user's back.
	// (In the tab that asked for it, applyUpdate() reloads right away.)
	workbox.addEventListener('controlling', (event) => {
		if (event.isUpdate) pwa.updateAvailable = true;
	});

	workbox.register().then(
		() => {
			// A salon keeps the app open all day: look for a new version now and then.
			setInterval(() => void workbox.update(), UPDATE_CHECK_MS);
		},
		(error: unknown) => {
			// The app still works online without a worker; only offline use is lost.
			console.error('Service worker registration failed', error);
		}
	);
}
