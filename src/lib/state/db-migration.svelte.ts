// Whether opening the local database is migrating the stored cards to a newer schema version:
// once after an update that changes the client schema, up to a minute for a large book. The
// loading screen says so instead of its usual "Opening the client book…".
import { onAppDatabaseMigration } from '$lib/db/database';

class DatabaseMigration {
	running = $state(false);
	#installed = false;

	/** Before the database is first opened (the layout calls it). */
	install(): void {
		if (this.#installed) return;
		this.#installed = true;
		onAppDatabaseMigration((running) => {
			this.running = running;
		});
	}
}

export const databaseMigration = new DatabaseMigration();
