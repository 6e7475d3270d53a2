import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SPA: every route falls back to the shell; the service worker serves it offline.
		adapter: adapter({ fallback: 'index.html', precompress: false, strict: true }),
		// Absolute asset paths, or deep links served from the app shell break offline.
		paths: { relative: false },
		// Registered with workbox-window in production only (src/lib/pwa).
		serviceWorker: { register: false },
		alias: { $domain: 'src/lib/domain' }
	}
};

export default config;
