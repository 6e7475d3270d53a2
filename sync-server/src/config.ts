// Server configuration, read once from the environment and validated with zod, so a typo in a
// variable stops the process with a clear message instead of serving something half-working.
import { resolve } from 'node:path';
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface TlsFiles {
	certFile: string;
	keyFile: string;
}

export interface Config {
	port: number;
	host: string;
	/** Absolute path; the sync database lives here. */
	dataDir: string;
	/** Absolute path of the built PWA (adapter-static output). */
	staticDir: string;
	logLevel: LogLevel;
	/** Present only when both TLS_CERT_FILE and TLS_KEY_FILE are set. */
	tls: TlsFiles | null;
}

// `PORT= npm start` sets an empty string: treat it as "not set" so the default applies.
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema);

const EnvSchema = z.object({
	PORT: optional(
		z
			.string()
			.regex(/^\d+$/, { error: 'must be a whole number between 0 and 65535' })
			.transform(Number)
			.refine((n) => n <= 65535, { error: 'must be a whole number between 0 and 65535' })
			.default(4321)
	),
	HOST: optional(z.string().trim().min(1).default('0.0.0.0')),
	DATA_DIR: optional(z.string().default('./data')),
	STATIC_DIR: optional(z.string().default('./build')),
	LOG_LEVEL: optional(
		z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')
	),
	TLS_CERT_FILE: optional(z.string().optional()),
	TLS_KEY_FILE: optional(z.string().optional())
});

// Checked apart from the schema so it is reported together with any other bad variable.
function checkTlsPair(env: Record<string, string | undefined>): string[] {
	if (Boolean(env.TLS_CERT_FILE) === Boolean(env.TLS_KEY_FILE)) return [];
	const missing = env.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE';
	return [`${missing}: HTTPS needs both TLS_CERT_FILE and TLS_KEY_FILE`];
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Parses the environment; relative paths are resolved against `cwd`. Never throws. */
export function parseConfig(
	env: Record<string, string | undefined>,
	cwd: string = process.cwd()
): ConfigResult {
	const parsed = EnvSchema.safeParse(env);
	const tlsErrors = checkTlsPair(env);
	if (!parsed.success || tlsErrors.length > 0) {
		const issues = parsed.success ? [] : parsed.error.issues;
		const errors = issues.map((issue) => {
			const name = issue.path.join('.') || 'environment';
			const value = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
			const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
			return `${name}: ${issue.message}${shown}`;
		});
		return { ok: false, errors: [...errors, ...tlsErrors] };
	}
	const e = parsed.data;
	return {
		ok: true,
		config: {
			port: e.PORT,
			host: e.HOST,
			dataDir: resolve(cwd, e.DATA_DIR),
			staticDir: resolve(cwd, e.STATIC_DIR),
			logLevel: e.LOG_LEVEL,
			tls:
				e.TLS_CERT_FILE && e.TLS_KEY_FILE
					? { certFile: resolve(cwd, e.TLS_CERT_FILE), keyFile: resolve(cwd, e.TLS_KEY_FILE) }
					: null
		}
	};
}
