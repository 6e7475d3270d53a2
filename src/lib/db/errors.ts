// Typed errors thrown by the repositories. They carry codes and paths (data), never translated
// text: the UI maps them to messages.
import type { z } from 'zod';

export interface FieldIssue {
	/** Dotted path of the offending field, e.g. 'phones.0.raw'. */
	path: string;
	/** zod's issue code ('too_big', 'invalid_format', …) or a custom message code. */
	code: string;
	message: string;
}

/** A write was refused before touching the database because a value broke the schema. */
export class ValidationError extends Error {
	readonly code = 'validation';
	constructor(
		readonly entity: string,
		readonly issues: FieldIssue[]
	) {
		super(
			`Invalid ${entity}: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`
		);
		this.name = 'ValidationError';
	}
}

export class NotFoundError extends Error {
	readonly code = 'notFound';
	constructor(
		readonly entity: string,
		readonly id: string
	) {
		super(`${entity} ${id} not found`);
		this.name = 'NotFoundError';
	}
}

/** Parses with zod and throws a ValidationError listing every issue when the value is invalid. */
export function parseOrThrow<S extends z.ZodType>(
	schema: S,
	value: unknown,
	entity: string
): z.output<S> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	throw new ValidationError(
		entity,
		result.error.issues.map((issue) => ({
			path: issue.path.map(String).join('.'),
			code: issue.code === 'custom' ? issue.message : issue.code,
			message: issue.message
		}))
	);
}
