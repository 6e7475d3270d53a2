// Who wrote a synced document (issue 7: "every change records the staff member and device").
// The device is known from the request that carried the write (the sync server's token); the
// staff member travels in the document itself, in the field each collection already had for it.
// The sync server's revision log records `authorOf` beside the device id of every accepted write.
//
// The fields hold the staff id of `currentStaffId()` (src/lib/state/session.svelte.ts) for writes
// made since staff accounts exist. Older notes and files hold the name typed on the device, and a
// salon without staff members writes '' (nobody signed in): both are returned as they are / null.

/** The field naming the author of the latest write, per collection. Collections without one
 *  (categories, sources, settings, catalog) are configuration: the device is their only trace. */
const AUTHOR_FIELD: Record<string, string> = {
	// Rewritten on every write of the card, deletes included (the db layer sets it).
	clients: 'editedBy',
	staff: 'editedBy',
	// Set at creation: visits are edited rarely, and a visit's author is who recorded it.
	visits: 'createdBy',
	// Append-only: the author of the note / file is the author of the only write.
	notes: 'author',
	files: 'author',
	// A merge or unmerge of two cards (links.ts): who pressed the button.
	links: 'staff',
	// Signed consents record the staff member who handed over the tablet. (Import batches have
	// no author field: the device that imported is recorded by the server.)
	consents: 'staffId'
};

/** The staff id (or, for old notes and files, the name) of whoever made the latest write of
 *  `doc`; null when unknown (nobody signed in, a configuration document, an unknown shape). */
export function authorOf(collection: string, doc: unknown): string | null {
	if (doc === null || typeof doc !== 'object') return null;
	const field = Object.prototype.hasOwnProperty.call(AUTHOR_FIELD, collection)
		? AUTHOR_FIELD[collection]
		: undefined;
	if (field === undefined) return null;
	const value = (doc as Record<string, unknown>)[field];
	return typeof value === 'string' && value !== '' ? value : null;
}
