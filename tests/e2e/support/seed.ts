// A salon seeded through the sync server's API, as another device would have pushed it: for tests
// that need more data than typing it in the forms would allow (a first sync of several pages).
import { expect, type Page } from '@playwright/test';

export interface SeedOwner {
	salonId: string;
	token: string;
}

/** POSTs to the server this page is served by; fails the test on any answer but 2xx. */
export async function apiPost(
	page: Page,
	path: string,
	body: unknown,
	token?: string
): Promise<unknown> {
	const res = await page.request.post(`/api/v1${path}`, {
		data: body,
		headers: token ? { Authorization: `Bearer ${token}` } : {}
	});
	expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
	return res.json();
}

/** A new salon, its owner device being the test itself (no browser state is touched). */
export async function seedSalon(page: Page, salonName: string): Promise<SeedOwner> {
	return (await apiPost(page, '/salons', { salonName, deviceName: 'Seeder' })) as SeedOwner;
}

/** Pushes `docs` (wire form) into `collection`, 200 a request; none may meet a conflict. */
export async function pushDocs(page: Page, owner: SeedOwner, collection: string, docs: unknown[]) {
	for (let i = 0; i < docs.length; i += 200) {
		const rows = docs
			.slice(i, i + 200)
			.map((doc) => ({ assumedMasterState: null, newDocumentState: doc }));
		const answer = (await apiPost(
			page,
			`/salons/${owner.salonId}/${collection}/push`,
			{ rows },
			owner.token
		)) as { conflicts: unknown[] };
		expect(answer.conflicts).toEqual([]);
	}
}

/** A pairing code from the owner, as its "Add a device" button would show. */
export async function pairingCodeOf(page: Page, owner: SeedOwner): Promise<string> {
	const answer = (await apiPost(
		page,
		`/salons/${owner.salonId}/pairing-codes`,
		{},
		owner.token
	)) as { code: string };
	return answer.code;
}

/** The clients the server holds for the salon (the first 1,000), read with `owner`'s token. */
export async function serverClients(
	page: Page,
	owner: SeedOwner
): Promise<Array<Record<string, unknown>>> {
	const body = (await apiPost(
		page,
		`/salons/${owner.salonId}/clients/pull`,
		{ checkpoint: null, limit: 1000 },
		owner.token
	)) as { documents: Array<Record<string, unknown>> };
	return body.documents;
}

/** The credentials this page's device paired with (what the app keeps in localStorage). */
export async function deviceCredentials(page: Page): Promise<SeedOwner> {
	return page.evaluate(
		() => JSON.parse(localStorage.getItem('schedario.sync') ?? '{}') as SeedOwner
	);
}
