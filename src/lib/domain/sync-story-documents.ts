// Sync protocol, documents of the card's story: timeline notes and photos/files (issue 6), live
// or tombstone. Strict and bounded like the other wire documents; a file's bytes are checked
// (base64, declared size, type by content) so the server never stores what the app would refuse.
import { z } from 'zod';
import { checkFileData, fileSchema } from './files.js';
import { noteSchema } from './notes.js';

const live = z.literal(false);
const deleted = z.literal(true);

/** A live note has text; a deleted one (by its author) keeps none and no pin. */
export const noteWireSchema = z.discriminatedUnion('_deleted', [
	noteSchema
		.extend({ _deleted: live })
		.strict()
		.refine((n) => n.text.trim() !== '', { message: 'textRequired', path: ['text'] }),
	noteSchema.extend({ _deleted: deleted, text: z.literal(''), pinned: z.literal(false) }).strict()
]);

/** A live file's bytes are checked; a deleted one keeps no name and no bytes. */
export const fileWireSchema = z.discriminatedUnion('_deleted', [
	fileSchema
		.extend({ _deleted: live })
		.strict()
		.superRefine((f, ctx) => {
			const problem = checkFileData(f);
			if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['data'] });
		}),
	fileSchema
		.extend({
			_deleted: deleted,
			name: z.literal(''),
			data: z.literal(''),
			thumb: z.literal('')
		})
		.strict()
]);

export type WireNote = z.infer<typeof noteWireSchema>;
export type WireFile = z.infer<typeof fileWireSchema>;
