// The card's treatments a before/after photo can belong to: newest first, named by their day,
// time and services as the visits list shows them.
import { visitBook } from '$lib/state/visits.svelte';
import { visitWhen } from '$lib/ui/visits/format';

export function visitChoices(clientId: string): Array<{ id: string; label: string }> {
	return visitBook
		.forClient(clientId)
		.filter((v) => v.kind === 'visit')
		.map((v) => ({
			id: v.id,
			label: [visitWhen(v.at), v.services.map((s) => s.name).join(', ')].filter(Boolean).join(' · ')
		}));
}
