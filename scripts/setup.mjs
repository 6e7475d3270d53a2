#!/usr/bin/env node
// Installs what a fresh clone is missing, so `npm start` and `npm test` are the only commands a
// person needs. Uses only Node built-ins: it runs before node_modules exists.
//   node scripts/setup.mjs            npm dependencies (npm ci when the lock file changed)
//   node scripts/setup.mjs --browser  also Debian's Chromium for Playwright (never a download)
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// Fail early and clearly on an old Node: later steps would die with obscure errors instead.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
	console.error(`[setup] Schedario needs Node 20.19 or newer; this is ${process.version}.`);
	process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantsBrowser = process.argv.includes('--browser');
const env = { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' };

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
	console.log(`[setup] ${cmd} ${args.join(' ')}`);
	execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env });
}

function dependenciesAreCurrent() {
	const installed = join(root, 'node_modules', '.package-lock.json');
	const lock = join(root, 'package-lock.json');
	if (!existsSync(installed) || !existsSync(lock)) return false;
	return statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
}

/** A git worktree sharing another checkout's install through a symlinked node_modules: `npm ci`
 *  there would empty the shared directory under every other checkout (it happened), so leave it. */
function dependenciesAreShared() {
	const modules = join(root, 'node_modules');
	return existsSync(modules) && lstatSync(modules).isSymbolicLink();
}

if (dependenciesAreShared()) {
	console.log('[setup] node_modules is a shared symlink: not installing here');
} else if (!dependenciesAreCurrent()) {
	const lockExists = existsSync(join(root, 'package-lock.json'));
	run('npm', [lockExists ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (wantsBrowser && !existsSync(CHROMIUM)) {
	const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const cmd = asRoot ? 'env' : 'sudo';
	const rest = [...(asRoot ? [] : ['-n', 'env']), 'DEBIAN_FRONTEND=noninteractive'];
	run(cmd, [...rest, 'apt-get', 'update', '-qq']);
	run(cmd, [...rest, 'apt-get', 'install', '-y', '-qq', 'chromium']);
	if (!existsSync(CHROMIUM)) {
		console.error(`[setup] Chromium is still missing at ${CHROMIUM}`);
		process.exit(1);
	}
}
