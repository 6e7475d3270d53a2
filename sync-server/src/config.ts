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
	/** PostgreSQL connection string; null = the embedded SQLite file under dataDir. */
	databaseUrl: string | null;
	/** Whether POST /api/v1/salons may create a salon when one already exists (multi-tenant). */
	allowNewSalons: boolean;
	/** Sustained API requests per second per device; bursts up to twice as many. */
	rateLimitPerSecond: number;
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
	TLS_KEY_FILE: optional(z.string().optional()),
	DATABASE_URL: optional(
		z
			.string()
			.regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
			.optional()
	),
	ALLOW_NEW_SALONS: optional(
		z
			.enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
			.transform((v) => v === 'true' || v === '1')
			.default(true)
	),
	RATE_LIMIT_PER_SECOND: optional(
		z
			.string()
			.regex(/^\d+$/, { error: 'must be a whole number of at least 1' })
			.transform(Number)
			.refine((n) => n >= 1, { error: 'must be a whole number of at least 1' })
			.default(50)
	)
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
			// A database URL may carry a password: never echo it.
			const isSecret = issue.path[0] === 'DATABASE_URL';
			const shown = value === undefined || isSecret ? '' : ` (got ${JSON.stringify(value)})`;
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
					: null,
			databaseUrl: e.DATABASE_URL ?? null,
			allowNewSalons: e.ALLOW_NEW_SALONS,
			rateLimitPerSecond: e.RATE_LIMIT_PER_SECOND
		}
	};
}
