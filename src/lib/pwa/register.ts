// Registers the service worker with workbox-window and feeds its lifecycle into `pwa` state.
// Not in dev: a worker caching Vite's dev modules would serve stale code on every edit.
import { Workbox } from 'workbox-window';
import { pwa } from './pwa.svelte';

const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** Waits before installing again after a failed first install; the last one repeats. */
export const INSTALL_RETRY_MS = [5_000, 15_000, 60_000, 5 * 60_000] as const;
let isRegistered = false;

/** How long to wait before install attempt number `failures` + 1. */
export function installRetryDelay(failures: number): number {
	const last = INSTALL_RETRY_MS.length - 1;
	return INSTALL_RETRY_MS[Math.min(Math.max(failures - 1, 0), last)] as number;
}

export function registerServiceWorker(): void {
	if (import.meta.env.DEV || isRegistered) return;
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	isRegistered = true;
	void install(0);
}

/**
 * One attempt at installing the worker. A first install caches the whole app, and one request
 * of it that fails (a salon's Wi-Fi dropping for a second) throws the worker and its registration
 * away: the browser itself tries again only at the next page load, which an app left open all
 * day never does. So a failed first install is tried again here, after a pause or as soon as the
 * browser is back online; what the failed attempt cached is not downloaded again.
 */
async function install(failures: number): Promise<void> {
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

	let registration: ServiceWorkerRegistration | undefined;
	try {
		registration = await workbox.register();
	} catch (error) {
		// The app still works online without a worker; only offline use is missing until then.
		console.error('Service worker registration failed', error);
	}
	if (registration && (await firstInstallSucceeded(registration))) {
		// A salon keeps the app open all day: look for a new version now and then.
		setInterval(() => void workbox.update(), UPDATE_CHECK_MS);
		return;
	}
	retryLater(failures + 1);
}

/** Resolves true once the registration has an active worker, false if its first install failed. */
function firstInstallSucceeded(registration: ServiceWorkerRegistration): Promise<boolean> {
	return new Promise((resolve) => {
		const settle = () => {
			if (registration.active) return resolve(true);
			const worker = registration.installing ?? registration.waiting;
			if (!worker) return; // nothing yet: 'updatefound' follows
			const check = () => {
				// 'redundant' with nothing active: the install failed and the registration is gone.
				if (worker.state === 'activated') resolve(true);
				else if (worker.state === 'redundant') resolve(Boolean(registration.active));
			};
			worker.addEventListener('statechange', check);
			check();
		};
		registration.addEventListener('updatefound', settle, { once: true });
		settle();
	});
}

function retryLater(failures: number): void {
	const again = () => {
		clearTimeout(timer);
		window.removeEventListener('online', again);
		void install(failures);
	};
	const timer = setTimeout(again, installRetryDelay(failures));
	window.addEventListener('online', again);
}
