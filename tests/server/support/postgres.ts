// A throwaway PostgreSQL cluster for server tests, started from the installed binaries (no
// Docker, no network): a temp dir, a free port on 127.0.0.1, fsync off. One cluster per test
// file (start it in beforeAll, stop it in afterAll); one database per suite via createDatabase.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TestPostgres {
	/** URL of the `postgres` maintenance database (superuser `postgres`, trust auth). */
	url: string;
	/** Creates a fresh database and returns its URL. */
	createDatabase(name: string): Promise<string>;
	/** Stops the cluster at once and removes its files. */
	stop(): Promise<void>;
}

/** The newest installed server binaries; PATH does not have them on Debian. */
export function findPostgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions[0]) return join(root, versions[0], 'bin');
	throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin');
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

// initdb refuses to run as root: run the binaries as the `postgres` user then.
const isRoot = process.getuid?.() === 0;

function asPostgres(bin: string, args: string[]): [string, string[]] {
	return isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

export async function startPostgres(): Promise<TestPostgres> {
	const bin = findPostgresBin();
	const dir = mkdtempSync(join(tmpdir(), 'schedario-pg-'));
	const data = join(dir, 'data');
	if (isRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
		chownSync(dir, uid, gid);
	}
	const pgCtl = join(bin, 'pg_ctl');
	const stopSync = () => {
		const [cmd, args] = asPostgres(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
		spawnSync(cmd, args, { stdio: 'ignore' });
		rmSync(dir, { recursive: true, force: true });
	};
	// A crashed test run must not leave a postmaster behind.
	process.once('exit', stopSync);
	try {
		await run(
			...asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync'])
		);
		let port = 0;
		for (let attempt = 1; ; attempt++) {
			port = await freePort();
			const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
			try {
				await run(
					...asPostgres(pgCtl, ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
				);
				break;
			} catch (error) {
				// Another process may have taken the port between the probe and the start.
				if (attempt >= 3) {
					const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
					throw new Error(`pg_ctl start failed: ${String(error)}\n${log}`, { cause: error });
				}
			}
		}
		const base = `postgres://postgres@127.0.0.1:${port}`;
		return {
			url: `${base}/postgres`,
			async createDatabase(name) {
				if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
				const client = new pg.Client({ connectionString: `${base}/postgres` });
				await client.connect();
				try {
					await client.query(`CREATE DATABASE ${name}`);
				} finally {
					await client.end();
				}
				return `${base}/${name}`;
			},
			async stop() {
				process.off('exit', stopSync);
				stopSync();
			}
		};
	} catch (error) {
		process.off('exit', stopSync);
		stopSync();
		throw error;
	}
}
