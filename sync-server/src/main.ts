// Entry point: `node --import tsx sync-server/src/main.ts`. Reads the environment, serves the
// app over HTTP (or HTTPS when a certificate is configured) and shuts down cleanly on a signal.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createApp, type App } from './app.js';
import { parseConfig, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { openStorage } from './storage/index.js';

export interface Running {
	server: Server;
	app: App;
	/** The URL a person on this machine opens (localhost, the real port). */
	url: string;
	stop(): Promise<void>;
}

/**
 * Opens the storage (PostgreSQL when DATABASE_URL is set, else SQLite under DATA_DIR), then
 * starts the app on config.host:config.port (0 picks a free port). Rejects if it cannot bind.
 */
export async function listen(config: Config, log: Logger): Promise<Running> {
	const storage = await openStorage(config);
	const app = createApp({ config, log, storage });
	const server: Server = config.tls
		? createHttpsServer(
				{ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
				app.handler
			)
		: createHttpServer(app.handler);

	try {
		await new Promise<void>((resolvePromise, reject) => {
			server.once('error', reject);
			server.listen(config.port, config.host, () => {
				server.off('error', reject);
				resolvePromise();
			});
		});
	} catch (error) {
		await app.close();
		await storage.close();
		throw error;
	}

	const { port } = server.address() as AddressInfo;
	const url = `${config.tls ? 'https' : 'http'}://localhost:${port}`;
	log.info('server.listening', {
		url,
		host: config.host,
		port,
		staticDir: config.staticDir,
		storage: storage.kind
	});

	let stopping: Promise<void> | null = null;
	function stop(): Promise<void> {
		stopping ??= (async () => {
			const closed = new Promise<void>((done) => server.close(() => done()));
			// Open event streams never go idle: end them, or close() would wait for the timeout.
			await app.close();
			// Idle keep-alive sockets would hold close() open for minutes.
			server.closeIdleConnections();
			const force = setTimeout(() => server.closeAllConnections(), 5_000);
			await closed;
			clearTimeout(force);
			await storage.close();
			log.info('server.stopped');
		})();
		return stopping;
	}

	return { server, app, url, stop };
}

function describeStartupError(error: unknown, config: Config): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'EADDRINUSE')
		return `Port ${config.port} is already in use: set PORT to another one.`;
	if (code === 'EACCES')
		return `Not allowed to listen on port ${config.port}: try a port above 1024.`;
	if (code === 'ENOENT' && config.tls)
		return `Cannot read the TLS certificate or key (${config.tls.certFile}, ${config.tls.keyFile}).`;
	return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
	const parsed = parseConfig(process.env);
	if (!parsed.ok) {
		console.error('Schedario cannot start: bad configuration');
		for (const line of parsed.errors) console.error(`  ${line}`);
		process.exit(1);
	}
	const { config } = parsed;
	const log = createLogger(config.logLevel);

	let running: Running;
	try {
		running = await listen(config, log);
	} catch (error) {
		log.error('server.start_failed', { error });
		console.error(`Schedario cannot start: ${describeStartupError(error, config)}`);
		process.exit(1);
	}
	console.log(`Schedario is running on ${running.url}`);

	const shutdown = (signal: NodeJS.Signals) => {
		log.info('server.stopping', { signal });
		running.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				log.error('server.stop_failed', { error });
				process.exit(1);
			}
		);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

// Run only as the entry point, so tests can import listen() without starting a server.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	void main();
}
