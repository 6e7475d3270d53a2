// Which of a client's phones the contact buttons use.
import type { Phone } from '$lib/domain/client';

/** The first mobile number that parsed, else the first that parsed, else the first typed one. */
export function primaryPhone(phones: readonly Phone[]): Phone | null {
	const usable = phones.filter((p) => p.e164 !== '' || p.raw.trim() !== '');
	return (
		usable.find((p) => p.label === 'mobile' && p.e164 !== '') ??
		usable.find((p) => p.e164 !== '') ??
		usable[0] ??
		null
	);
}
