// The salon's staff members as reactive state (issue 7), live from the synced `staff`
// collection: the lock screen's list, names for authors recorded as staff ids, and the owner's
// editor in /settings (every write behind `manageStaff`). PINs are hashed here, before anything
// reaches the database, and never kept.
import type { Subscription } from 'rxjs';
import { getDatabase, type SchedarioDatabase } from '$lib/db/database';
import { ValidationError } from '$lib/db/errors';
import * as staffDb from '$lib/db/staff';
import { hashPin, NO_PIN, pinSchema, type PinHash } from '$lib/domain/pin';
import { customRolesSchema, type CustomRole } from '$lib/domain/permissions';
import type { SalonSettings } from '$lib/domain/settings';
import { canSignIn, lockScreenOrder, type StaffInput, type StaffMember } from '$lib/domain/staff';
import { writeContext } from './device';
import { assertCan } from './permissions';
import { session } from './session.svelte';

/** The salon's custom roles (settings key `roles`, edited by the owner); none when unset. */
export function customRolesOf(settings: SalonSettings): CustomRole[] {
	const parsed = customRolesSchema.safeParse((settings as Record<string, unknown>).roles);
	return parsed.success ? parsed.data : [];
}

/** A PIN typed in a form, hashed; a bad PIN is a validation error on the `pin` field. */
async function hashTypedPin(pin: string): Promise<PinHash> {
	if (!pinSchema.safeParse(pin).success) {
		throw new ValidationError('staff', [
			{ path: 'pin', code: 'pinFormat', message: 'PIN: 4 to 8 digits' }
		]);
	}
	return hashPin(pin);
}

export class StaffDirectory {
	/** Everyone, active or not, by name. */
	members = $state.raw<StaffMember[]>([]);
	ready = $state(false);
	/** True when someone can sign in: then the app starts locked and locks when idle. */
	hasSignIn = $derived(this.members.some(canSignIn));

	#byId = $derived(indexById(this.members));
	#db: Promise<SchedarioDatabase> | null = null;
	#started: Promise<void> | null = null;
	#subscription: Subscription | null = null;

	start(db?: SchedarioDatabase): Promise<void> {
		this.#started ??= this.#follow(db).catch((error: unknown) => {
			this.#started = null;
			throw error;
		});
		return this.#started;
	}

	async #follow(given?: SchedarioDatabase): Promise<void> {
		this.#db ??= given ? Promise.resolve(given) : getDatabase();
		const db = await this.#db;
		await new Promise<void>((resolve, reject) => {
			this.#subscription = staffDb.list$(db).subscribe({
				next: (list) => {
					this.members = [...list].sort((a, b) => a.name.localeCompare(b.name));
					this.#followSession();
					this.ready = true;
					resolve();
				},
				error: reject
			});
		});
	}

	/** Keeps the signed-in member current when another device renames, changes the role of, or
	 *  deactivates them: a deactivated member is signed out at once. */
	#followSession(): void {
		const signedIn = session.staff;
		if (!signedIn) return;
		const member = this.#byId.get(signedIn.id);
		if (!member || !member.active) {
			session.signOut();
		} else if (member.role !== signedIn.role || member.name !== signedIn.name) {
			session.signIn({ id: member.id, name: member.name, role: member.role });
		}
	}

	stop(): void {
		this.#subscription?.unsubscribe();
		this.#subscription = null;
		this.#db = null;
		this.#started = null;
		this.ready = false;
	}

	get(id: string): StaffMember | undefined {
		return this.#byId.get(id);
	}

	/** The name behind a recorded author: a staff id becomes its name; anything else (a name
	 *  typed before staff accounts existed) is shown as it is. */
	nameOf(author: string): string {
		return this.#byId.get(author)?.name ?? author;
	}

	/** Who the lock screen offers, this device's location first. */
	signInList(deviceLocationId: string | null): StaffMember[] {
		return lockScreenOrder(this.members, deviceLocationId);
	}

	async add(input: StaffInput, pin: string): Promise<StaffMember> {
		assertCan('manageStaff');
		const hash = pin === '' ? NO_PIN : await hashTypedPin(pin);
		return staffDb.add(await this.#database(), input, hash, writeContext());
	}

	/** Saves the form; a non-empty `pin` replaces the PIN, an empty one keeps it. */
	async update(id: string, input: StaffInput, pin: string): Promise<StaffMember> {
		assertCan('manageStaff');
		const hash = pin === '' ? {} : await hashTypedPin(pin);
		return staffDb.update(await this.#database(), id, { ...input, ...hash }, writeContext());
	}

	async setActive(id: string, active: boolean): Promise<StaffMember> {
		assertCan('manageStaff');
		return staffDb.update(await this.#database(), id, { active }, writeContext());
	}

	#database(): Promise<SchedarioDatabase> {
		this.#db ??= getDatabase();
		return this.#db;
	}
}

/** A plain (non-reactive) map: it is rebuilt whole by the $derived above on every change. */
function indexById(list: readonly StaffMember[]): ReadonlyMap<string, StaffMember> {
	return new Map(list.map((m) => [m.id, m]));
}

export const staffDirectory = new StaffDirectory();
