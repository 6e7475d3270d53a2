import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4390);

// Debian's Chromium, never a downloaded browser (the network here only reaches the registries).
const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: process.env.CI ? 2 : 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: chromiumArgs
		}
	},
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 } }
		}
	],
	webServer: {
		command: `node --import tsx sync-server/src/main.ts`,
		env: {
			PORT: String(PORT),
			DATA_DIR: `test-results/e2e-data-${PORT}`,
			STATIC_DIR: process.env.BUILD_DIR ?? 'build',
			LOG_LEVEL: 'warn'
		},
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
