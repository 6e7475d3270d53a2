import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SPA: every route falls back to the shell; the service worker serves it offline.
		// BUILD_DIR / KIT_OUT_DIR let parallel builds (several e2e runs on one machine) stay apart.
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: 'index.html',
			precompress: false,
			strict: true
		}),
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// Absolute asset paths, or deep links served from the app shell break offline.
		paths: { relative: false },
		// Registered with workbox-window in production only (src/lib/pwa).
		serviceWorker: { register: false },
		alias: { $domain: 'src/lib/domain' }
	}
};

export default config;
