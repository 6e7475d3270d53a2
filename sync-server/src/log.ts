// Structured logs: one JSON object per line, so a salon's PC or a log shipper can read them
// without a parser of our own. warn and error go to stderr, the rest to stdout.
import { LOG_LEVELS, type LogLevel } from './config.js';

export type LogFields = Record<string, unknown>;

export interface Logger {
	debug(event: string, fields?: LogFields): void;
	info(event: string, fields?: LogFields): void;
	warn(event: string, fields?: LogFields): void;
	error(event: string, fields?: LogFields): void;
}

export type LogSink = (level: LogLevel, line: string) => void;

const writeToStdio: LogSink = (level, line) => {
	const stream = level === 'warn' || level === 'error' ? process.stderr : process.stdout;
	stream.write(line + '\n');
};

// Error objects stringify to {} in JSON: keep what helps diagnose, not the whole object graph.
function serialise(value: unknown): unknown {
	if (value instanceof Error) {
		const code = (value as NodeJS.ErrnoException).code;
		return {
			name: value.name,
			message: value.message,
			...(code ? { code } : {}),
			stack: value.stack
		};
	}
	return value;
}

export function createLogger(minimum: LogLevel, sink: LogSink = writeToStdio): Logger {
	const threshold = LOG_LEVELS.indexOf(minimum);
	const emit =
		(level: LogLevel) =>
		(event: string, fields: LogFields = {}) => {
			if (LOG_LEVELS.indexOf(level) < threshold) return;
			const entry: LogFields = { time: new Date().toISOString(), level, event };
			for (const [key, value] of Object.entries(fields)) entry[key] = serialise(value);
			sink(level, JSON.stringify(entry));
		};
	return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
