// What every benchmark entry point needs: the real server on loopback, and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';

export interface ServerOptions {
	port: number;
	dataDir: string;
	/** The built app to serve; the server's default (./build) when omitted. */
	staticDir?: string;
	/** Interface to listen on; the server's default when omitted. */
	host?: string;
	cwd?: string;
	/** More environment for the server (DATABASE_URL, RATE_LIMIT_PER_SECOND…). */
	env?: Record<string, string>;
	/** Extra Node flags for the server (BENCH_SERVER_NODE_ARGS, e.g. --cpu-prof to profile). */
	nodeArgs?: string[];
}

/** Starts `sync-server/src/main.ts` and resolves once /healthz answers (30 s at most). */
export function startServer(opts: ServerOptions): Promise<ChildProcess> {
	const nodeArgs =
		opts.nodeArgs ?? (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const child = spawn(
		process.execPath,
		[...nodeArgs, '--import', 'tsx', 'sync-server/src/main.ts'],
		{
			cwd: opts.cwd,
			env: {
				...process.env,
				...(opts.host ? { HOST: opts.host } : {}),
				PORT: String(opts.port),
				DATA_DIR: opts.dataDir,
				...(opts.staticDir ? { STATIC_DIR: opts.staticDir } : {}),
				LOG_LEVEL: 'warn',
				...opts.env
			},
			stdio: ['ignore', 'inherit', 'inherit']
		}
	);
	return new Promise((resolve, reject) => {
		const deadline = Date.now() + 30_000;
		const poll = async () => {
			try {
				const res = await fetch(`http://127.0.0.1:${opts.port}/healthz`);
				if (res.ok) return resolve(child);
			} catch {
				// not listening yet: poll again until the deadline
			}
			if (Date.now() > deadline) return reject(new Error('server did not start'));
			setTimeout(poll, 100);
		};
		child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
		void poll();
	});
}

/** Debian's Chromium with the flags this machine needs (TOOLCHAIN.md); never a download. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	});
}
