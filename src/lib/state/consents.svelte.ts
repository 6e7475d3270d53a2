// The consent records of one client card, live (issue 7 › 1), and the actions on them: sign
// (from the signing view) and withdraw (from the card). A card page creates one CardConsents and
// calls start() from an $effect. Records of every card merged into this one are included: they
// keep their own client id and are redirected here on read; new ones go to the survivor.
import type { Subscription } from 'rxjs';
import * as consentsDb from '$lib/db/consents';
import { getDatabase, type SchedarioDatabase } from '$lib/db/database';
import {
	consentLocaleFor,
	hashConsentText,
	latestSavedAt,
	latestText,
	reviseText,
	type ConsentTextDraft,
	type ConsentTextVersion
} from '$lib/domain/consent-texts';
import {
	currentConsents,
	EMPTY_SIGNATURE,
	type ConsentRecord,
	type ConsentScope,
	type Signature
} from '$lib/domain/consents';
import type { Locale } from '$lib/domain/locales';
import { deviceClock, deviceId } from './device';
import { assertCan } from './permissions';
import { salon } from './salon.svelte';
import { currentStaffId } from './session.svelte';

const context = () => ({ deviceId: deviceId(), staffId: currentStaffId() });

/** The text a client signs now: the latest version in her language, else the salon's. */
export function consentTextFor(clientLanguage: string): ConsentTextVersion {
	const locale = consentLocaleFor(clientLanguage, salon.settings.locale);
	return latestText(salon.settings.consentTexts, locale);
}

/** Saves an edited consent text as a new version (owner only: manageStaff). Returns the new
 *  version number, or null when nothing changed. */
export async function saveConsentText(
	locale: Locale,
	draft: ConsentTextDraft
): Promise<number | null> {
	assertCan('manageStaff');
	const texts = salon.settings.consentTexts;
	// Stamped after every known version, so the new one is the current text on every device.
	const known = latestSavedAt(texts);
	const stamp = known === null ? deviceClock().tick() : deviceClock().receive(known);
	const result = reviseText(texts, locale, draft, Date.now(), stamp);
	if (result.version !== null) await salon.saveSettings({ consentTexts: result.texts });
	return result.version;
}

export interface SignInput {
	text: ConsentTextVersion;
	/** Every scope the text offered: ticked ones granted, the rest refused (nothing pre-ticked). */
	offered: readonly ConsentScope[];
	granted: ReadonlySet<ConsentScope>;
	signature: Signature;
	signerName: string;
}

export class CardConsents {
	records = $state.raw<ConsentRecord[]>([]);
	ready = $state(false);
	states = $derived(currentConsents(this.records));

	readonly clientIds: readonly string[];
	#db: Promise<SchedarioDatabase>;

	constructor(clientIds: readonly string[], db?: SchedarioDatabase) {
		this.clientIds = clientIds.filter((id, i) => clientIds.indexOf(id) === i);
		this.#db = db ? Promise.resolve(db) : getDatabase();
	}

	start(onError: (error: unknown) => void): () => void {
		let sub: Subscription | null = null;
		let stopped = false;
		this.#db.then(
			(db) => {
				if (stopped) return;
				sub = consentsDb.list$(db, this.clientIds).subscribe({
					next: (records) => {
						this.records = records;
						this.ready = true;
					},
					error: onError
				});
			},
			(error: unknown) => onError(error)
		);
		return () => {
			stopped = true;
			sub?.unsubscribe();
		};
	}

	async sign(input: SignInput): Promise<ConsentRecord> {
		return consentsDb.add(
			await this.#db,
			{
				clientId: this.clientIds[0] as string,
				kind: 'signed',
				locale: input.text.locale,
				textVersion: input.text.version,
				textHash: await hashConsentText(input.text),
				choices: input.offered.map((scope) => ({
					scope,
					choice: input.granted.has(scope) ? 'granted' : 'refused'
				})),
				signature: input.signature,
				signerName: input.signerName.trim()
			},
			context()
		);
	}

	/** Withdraws one scope: a new record that refers to the text the consent was given on. */
	async withdraw(scope: ConsentScope): Promise<ConsentRecord> {
		const given = this.states[scope].record;
		if (!given) throw new Error(`nothing to withdraw: ${scope}`);
		return consentsDb.add(
			await this.#db,
			{
				clientId: this.clientIds[0] as string,
				kind: 'withdrawn',
				locale: given.locale,
				textVersion: given.textVersion,
				textHash: given.textHash,
				choices: [{ scope, choice: 'refused' }],
				signature: EMPTY_SIGNATURE,
				signerName: given.signerName
			},
			context()
		);
	}
}
