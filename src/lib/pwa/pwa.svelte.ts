// The PWA's state for the UI: is a new version waiting, is the app ready to work offline.
// Filled by register.ts; read by UpdatePrompt.svelte.
import type { Workbox } from 'workbox-window';

class PwaState {
	/** A new version is installed and waiting; applyUpdate() switches to it. */
	updateAvailable = $state(false);
	/** The first install finished: everything needed to work offline is cached. */
	offlineReady = $state(false);

	#workbox: Workbox | null = null;

	/** Called once by registerServiceWorker(). */
	attach(workbox: Workbox): void {
		this.#workbox = workbox;
	}

	/**
	 * Activates the waiting worker, then reloads this tab once it has taken control. When another
	 * tab already activated it there is nothing waiting and a plain reload loads the new version.
	 */
	async applyUpdate(): Promise<void> {
		const workbox = this.#workbox;
		const registration = await navigator.serviceWorker?.getRegistration();
		if (!workbox || !registration?.waiting) {
			location.reload();
			return;
		}
		workbox.addEventListener('controlling', () => location.reload());
		workbox.messageSkipWaiting();
	}

	dismissOfflineReady(): void {
		this.offlineReady = false;
	}

	dismissUpdate(): void {
		this.updateAvailable = false;
	}
}

export const pwa = new PwaState();
