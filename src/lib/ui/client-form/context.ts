// What every field of the client form needs from the form: its messages, "touched" tracking
// and whether the salon made it required. Shared through Svelte context, set by ClientForm.
import { getContext, setContext } from 'svelte';

export interface FormContext {
	/** The translated error for a field key ('firstName', 'phones.0', 'address.city'), if shown. */
	errorFor(key: string): string | null;
	warningFor(key: string): string | null;
	/** Called on blur: from then on the field shows its messages. */
	touch(key: string): void;
	isRequired(field: string): boolean;
}

const KEY = Symbol('client-form');

export function setFormContext(context: FormContext): void {
	setContext(KEY, context);
}

export function getFormContext(): FormContext {
	const context = getContext<FormContext | undefined>(KEY);
	if (!context) throw new Error('Client form fields must be used inside ClientForm');
	return context;
}

/** aria-describedby for a field: its error and warning paragraphs, when present. */
export function describedBy(
	id: string,
	error: string | null,
	warning: string | null,
	hint?: string
) {
	const ids = [hint, error ? `${id}-error` : null, warning ? `${id}-warning` : null].filter(
		Boolean
	);
	return ids.length ? ids.join(' ') : undefined;
}
