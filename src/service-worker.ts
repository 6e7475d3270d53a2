/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Precaches the whole built app so it opens and works with no network, deep links included.
// Registered by src/lib/pwa/register.ts (workbox-window), in production builds only.
import { build, files, version } from '$service-worker';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

const sw = self as unknown as ServiceWorkerGlobalScope;

// Build files carry a content hash in their name, so they need no revision. Static files and the
// shell keep their URL across builds: the build version makes workbox fetch them again.
// The shell is '/', never '/index.html': some servers (vite preview) answer 404 for that path,
// and one failed precache request aborts the whole install (register.ts then tries again).
precacheAndRoute([
	...build.map((url) => ({ url, revision: null })),
	...files.map((url) => ({ url, revision: version })),
	{ url: '/', revision: version }
]);
cleanupOutdatedCaches();

// Any in-app navigation (/clients/abc, /settings?lang=en) gets the shell from the cache; the
// client-side router then renders the page. The sync API must always hit the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/api(\/|$)/] }));

// The first worker takes control of the page that installed it, so the app works offline
// without a reload. Later versions wait for the user (see below) so a form is never reloaded away.
sw.addEventListener('activate', (event) => {
	event.waitUntil(sw.clients.claim());
});

// Sent by the "Update available — Reload" prompt (workbox-window messageSkipWaiting()).
sw.addEventListener('message', (event) => {
	const data: unknown = event.data;
	if (
		typeof data === 'object' &&
		data !== null &&
		(data as { type?: unknown }).type === 'SKIP_WAITING'
	) {
		void sw.skipWaiting();
	}
});
